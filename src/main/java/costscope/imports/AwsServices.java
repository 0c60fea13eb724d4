package costscope.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the AWS Pricing Calculator's lines have in common, JSON or CSV: a service's family (the category of a line in
 * no named group), its properties read from the CSV's one-line configuration summary, and the count its monthly cost
 * is proportional to, when a property states one (instances, nodes, GB or TB stored, requests a month).
 */
final class AwsServices {
    private AwsServices() {
    }

    /** Families by words in the service's name, first match wins. */
    private static final List<Map.Entry<String, String>> FAMILIES = List.of(
            Map.entry("support", "Support"),
            Map.entry("ec2", "Compute"), Map.entry("lambda", "Compute"), Map.entry("fargate", "Compute"),
            Map.entry("elastic container", "Compute"), Map.entry("ecs", "Compute"), Map.entry("eks", "Compute"),
            Map.entry("lightsail", "Compute"), Map.entry("batch", "Compute"), Map.entry("elastic beanstalk", "Compute"),
            Map.entry("s3", "Storage"), Map.entry("efs", "Storage"), Map.entry("elastic file", "Storage"),
            Map.entry("ebs", "Storage"), Map.entry("elastic block", "Storage"), Map.entry("glacier", "Storage"),
            Map.entry("fsx", "Storage"), Map.entry("backup", "Storage"), Map.entry("storage gateway", "Storage"),
            Map.entry("rds", "Database"), Map.entry("aurora", "Database"), Map.entry("dynamodb", "Database"),
            Map.entry("elasticache", "Database"), Map.entry("neptune", "Database"), Map.entry("documentdb", "Database"),
            Map.entry("redshift", "Database"), Map.entry("memorydb", "Database"), Map.entry("keyspaces", "Database"),
            Map.entry("opensearch", "Analytics"), Map.entry("athena", "Analytics"), Map.entry("glue", "Analytics"),
            Map.entry("kinesis", "Analytics"), Map.entry("emr", "Analytics"), Map.entry("quicksight", "Analytics"),
            Map.entry("sqs", "Application integration"), Map.entry("simple queue", "Application integration"),
            Map.entry("sns", "Application integration"), Map.entry("simple notification", "Application integration"),
            Map.entry("step functions", "Application integration"), Map.entry("eventbridge", "Application integration"),
            Map.entry("mq", "Application integration"), Map.entry("simple email", "Application integration"),
            Map.entry("ses", "Application integration"),
            Map.entry("cloudfront", "Networking"), Map.entry("route 53", "Networking"), Map.entry("load balancer", "Networking"),
            Map.entry("vpn", "Networking"), Map.entry("nat", "Networking"), Map.entry("vpc", "Networking"),
            Map.entry("api gateway", "Networking"), Map.entry("direct connect", "Networking"),
            Map.entry("transit gateway", "Networking"), Map.entry("data transfer", "Networking"), Map.entry("ipv4", "Networking"),
            Map.entry("global accelerator", "Networking"), Map.entry("privatelink", "Networking"),
            Map.entry("shield", "Security"), Map.entry("waf", "Security"), Map.entry("kms", "Security"),
            Map.entry("key management", "Security"), Map.entry("secrets manager", "Security"), Map.entry("cognito", "Security"),
            Map.entry("guardduty", "Security"), Map.entry("certificate", "Security"), Map.entry("inspector", "Security"),
            Map.entry("security hub", "Security"), Map.entry("macie", "Security"),
            Map.entry("cloudwatch", "Management"), Map.entry("cloudtrail", "Management"), Map.entry("config", "Management"),
            Map.entry("systems manager", "Management"), Map.entry("x-ray", "Management"));

    /** The family of a service ("Amazon EC2" is Compute), "Other" for one not in the table. */
    static String family(String service) {
        String s = " " + service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]+", " ") + " ";
        for (Map.Entry<String, String> e : FAMILIES) {
            if (s.contains(" " + e.getKey() + " ")) return e.getValue();
        }
        return "Other";
    }

    /**
     * The properties of a CSV configuration summary: {@code Key (Value), Key (Value)} with parentheses nested in keys
     * and values; the value is the last parenthesised group of each part ("" for a part without one).
     */
    static List<Map.Entry<String, String>> properties(String summary) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (summary == null) return out;
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= summary.length(); i++) {
            char c = i < summary.length() ? summary.charAt(i) : ',';
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (c == ',' && depth == 0) {
                String part = summary.substring(start, Math.min(i, summary.length())).strip();
                start = i + 1;
                if (!part.isEmpty()) out.add(split(part));
            }
        }
        return out;
    }

    private static Map.Entry<String, String> split(String part) {
        if (!part.endsWith(")")) return Map.entry(part, "");
        int depth = 0;
        for (int i = part.length() - 1; i >= 0; i--) {
            char c = part.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) return Map.entry(part.substring(0, i).strip(), part.substring(i + 1, part.length() - 1).strip());
        }
        return Map.entry(part, "");
    }

    private static final Pattern INSTANCES = Pattern.compile("(?i)number of instances:\\s*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern COUNT_KEY = Pattern.compile("(?i)^(number of|quantity|quantidade|nodes|instances|n\\u00famero de)\\b\\s*(.*)$");
    private static final Pattern STORED = Pattern.compile("(?i)([0-9]+(?:\\.[0-9]+)?)\\s*(GB|TB)(?:\\s+(?:per|por)\\s+(?:month|m\\u00eas))?");
    private static final Pattern PER_MONTH = Pattern.compile("(?i)([0-9]+(?:\\.[0-9]+)?)\\s+per month");

    /** The count a line's monthly cost is taken as proportional to, or null when no property states one. */
    static Estimate.Count count(String service, List<Map.Entry<String, String>> properties) {
        for (Map.Entry<String, String> p : properties) {
            Matcher m = INSTANCES.matcher(p.getValue());
            if (m.find()) return new Estimate.Count("instances", Double.parseDouble(m.group(1)), "instances");
        }
        for (Map.Entry<String, String> p : properties) {
            Matcher k = COUNT_KEY.matcher(p.getKey().strip());
            if (k.matches() && NUMBER.matcher(p.getValue().strip()).matches()) {
                String what = k.group(2).replaceAll("\\s*\\(.*\\)\\s*", " ").strip();
                String unit = k.group(1).toLowerCase(Locale.ROOT).startsWith("node") ? "nodes"
                        : what.isEmpty() ? "instances" : what;
                return new Estimate.Count(unit, Double.parseDouble(p.getValue().strip()), unit);
            }
        }
        if (family(service).equals("Storage")) {
            for (Map.Entry<String, String> p : properties) {
                Matcher m = STORED.matcher(p.getValue().strip());
                if (m.matches() && p.getKey().toLowerCase(Locale.ROOT).matches(".*(storage|armazen|stored|amount).*")) {
                    String unit = m.group(2).toUpperCase(Locale.ROOT) + "-month";
                    return new Estimate.Count(m.group(2).toUpperCase(Locale.ROOT) + " stored", Double.parseDouble(m.group(1)), unit);
                }
            }
        }
        for (Map.Entry<String, String> p : properties) {
            Matcher m = PER_MONTH.matcher(p.getValue().strip());
            if (m.matches() && p.getKey().toLowerCase(Locale.ROOT).contains("request")) {
                return new Estimate.Count("requests a month", Double.parseDouble(m.group(1)), "requests/month");
            }
        }
        return null;
    }

    private static final Pattern TYPE_KEY = Pattern.compile("(?i).*(advance ec2 instance|instance type|tipo de inst|node type|cache node|instance family).*");

    /**
     * A line's label: the service, its description when the user gave one, and its instance type when a property
     * names one ("Amazon EC2: App servers (m5.large)"), so lines of one service tell apart.
     */
    static String label(String service, String description, List<Map.Entry<String, String>> properties) {
        String base = description == null || description.isBlank() ? service.strip() : service.strip() + ": " + description.strip();
        for (Map.Entry<String, String> p : properties) {
            String v = p.getValue().strip();
            if (TYPE_KEY.matcher(p.getKey()).matches() && !v.isEmpty() && v.length() <= 40 && !base.contains(v)) return base + " (" + v + ")";
        }
        return base;
    }

    /** The properties in the item's description: "Key: value" per line. */
    static String describe(String service, String region, List<Map.Entry<String, String>> properties) {
        StringBuilder b = new StringBuilder(service.strip());
        if (region != null && !region.isBlank()) b.append(", ").append(region.strip());
        for (Map.Entry<String, String> p : properties) {
            b.append('\n').append(p.getKey());
            if (!p.getValue().isEmpty()) b.append(": ").append(p.getValue());
        }
        return b.toString();
    }
}
