package costscope.imports;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An AWS Pricing Calculator JSON export ({@code Name}, {@code Total Cost}, {@code Metadata}, {@code Support},
 * {@code Groups}): each service a line item in the category of its group (nested groups joined by " > "), or of its
 * service family at the root; the support plan its own item; monthly and upfront kept; the properties in the item's
 * description, and a count among them offered as the driver the item scales with; the file's Total Cost as stated
 * figures.
 */
final class AwsJsonImport {
    private AwsJsonImport() {
    }

    static Imported read(JsonNode root, String source) {
        JsonNode total = root.path("Total Cost");
        JsonNode groups = root.path("Groups");
        if (!groups.isObject() || !total.isObject()) {
            throw Importers.notFormat(source, ImportFormat.AWS_JSON, "it has no " + (groups.isObject() ? "\"Total Cost\"" : "\"Groups\"") + " object");
        }
        Estimate e = new Estimate(source, ImportFormat.AWS_JSON, root.path("Name").asText("Imported estimate"),
                root.path("Metadata").path("Currency").asText(null));
        JsonNode meta = root.path("Metadata");
        e.describe("Imported from " + source + " (AWS Pricing Calculator JSON export" + (meta.hasNonNull("Created On")
                ? ", created " + meta.get("Created On").asText() : "") + (meta.hasNonNull("Share Url") ? ", " + meta.get("Share Url").asText() : "")
                + "). Each service is a line item; where a service states a count its cost is proportional to, that count is a driver.");
        group(e, groups, "", "Groups");
        JsonNode support = root.path("Support");
        if (support.isObject()) {
            String plan = support.path("Plan Name").asText("Support plan");
            BigDecimal monthly = cost(e, support, "monthly", "Support");
            BigDecimal upfront = cost(e, support, "upfront", "Support");
            if (monthly != null) {
                e.line("AWS Support: " + plan, "Support", false, monthly, upfront == null ? BigDecimal.ZERO : upfront, null,
                        "AWS Support, " + plan + (support.hasNonNull("Summary") ? "\n" + support.get("Summary").asText() : ""));
            }
        }
        BigDecimal monthly = Estimate.money(total.path("monthly").asText(null));
        BigDecimal upfront = Estimate.money(total.path("upfront").asText(null));
        BigDecimal year = Estimate.money(total.path("12 months").asText(null));
        e.reconcile(monthly, upfront);
        if (monthly != null) e.stated("Total Cost, monthly (the file's)", "total", monthly, null, null);
        if (upfront != null) e.stated("Total Cost, upfront (the file's)", "upfrontTotal", upfront, null, null);
        if (year != null) e.statedYear("Total Cost, 12 months (the file's)", year);
        return e.build();
    }

    private static void group(Estimate e, JsonNode g, String path, String at) {
        Iterator<Map.Entry<String, JsonNode>> fields = g.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String where = at + "." + f.getKey();
            if (f.getKey().equals("Services")) {
                JsonNode services = f.getValue();
                if (!services.isArray()) {
                    e.unread(where, "not a list of services");
                    continue;
                }
                for (int i = 0; i < services.size(); i++) service(e, services.get(i), path, where + "[" + i + "]");
            } else if (f.getValue().isObject()) {
                group(e, f.getValue(), path.isEmpty() ? f.getKey().strip() : path + " > " + f.getKey().strip(), where);
            } else {
                e.unread(where, "neither a group nor a list of services");
            }
        }
    }

    private static void service(Estimate e, JsonNode s, String group, String where) {
        String name = s.path("Service Name").asText("").strip();
        if (!s.isObject() || name.isEmpty()) {
            e.unread(where, "a service without a \"Service Name\"");
            return;
        }
        BigDecimal monthly = cost(e, s, "monthly", where);
        if (monthly == null) return;
        BigDecimal upfront = cost(e, s, "upfront", where);
        List<Map.Entry<String, String>> props = new ArrayList<>();
        s.path("Properties").fields().forEachRemaining(p -> props.add(Map.entry(p.getKey().strip(), p.getValue().asText("").strip())));
        String description = s.path("Description").asText("").strip();
        String label = AwsServices.label(name, description, props);
        String text = AwsServices.describe(name, s.path("Region").asText(null), props);
        e.line(label, group.isEmpty() ? AwsServices.family(name) : group, !group.isEmpty(), monthly, upfront == null ? BigDecimal.ZERO : upfront,
                AwsServices.count(name, props), text);
    }

    /** A cost of {@code Service Cost} ("715.56"), or null (and the line not read) when it is missing or not a number. */
    private static BigDecimal cost(Estimate e, JsonNode s, String which, String where) {
        JsonNode v = s.path("Service Cost").path(which);
        if (v.isMissingNode() || v.isNull()) {
            if (which.equals("monthly")) e.unread(where, "no \"Service Cost\".monthly");
            return null;
        }
        BigDecimal m = Estimate.money(v.asText());
        if (m == null) e.unread(where + ".\"Service Cost\"." + which, "'" + v.asText() + "' is not an amount");
        return m;
    }
}
