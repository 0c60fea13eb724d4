package costscope.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS Pricing Calculator CSV export, in every layout users have: sections found by their title lines ("Estimate
 * summary", "Detailed Estimate", "Acknowledgement"; the 2021 layout has the detail header on its first line and no
 * summary), columns by header name (Status optional), lines padded with commas by a spreadsheet, notes after the
 * acknowledgement left out. Each row becomes a line item in the category of its group hierarchy below the estimate
 * (joined by " > "), or of its service family; the summary's totals become stated figures.
 */
final class AwsCsvImport {
    private AwsCsvImport() {
    }

    private static final String HIERARCHY = "group hierarchy";

    /** Whether the text has a calculator CSV's title or detail header. */
    static boolean looksLike(String text) {
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        String l = head.toLowerCase(Locale.ROOT);
        return l.startsWith("estimate summary") || l.contains("\ngroup hierarchy,") || l.startsWith("group hierarchy,")
                || l.contains("\ndetailed estimate");
    }

    /** A record: its line in the file and its cells, trailing empty cells (a spreadsheet's padding) dropped. */
    private record Row(long line, List<String> cells) {
        String cell(int i) {
            return i >= 0 && i < cells.size() ? cells.get(i) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String first() {
            return cells.isEmpty() ? "" : cells.get(0).strip().replaceFirst("^[\ufeff\u00ff]", "").strip();
        }
    }

    static Imported read(String text, String source) {
        List<Row> rows = rows(text, source);
        int header = -1;
        for (int i = 0; i < rows.size() && header < 0; i++) {
            if (rows.get(i).first().toLowerCase(Locale.ROOT).equals(HIERARCHY)) header = i;
        }
        if (header < 0) {
            throw Importers.notFormat(source, ImportFormat.AWS_CSV, "no detail header (a line starting \"Group hierarchy,Region,...\")");
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> h = rows.get(header).cells();
        for (int c = 0; c < h.size(); c++) col.putIfAbsent(name(c == 0 ? rows.get(header).first() : h.get(c)), c);
        for (String need : List.of(HIERARCHY, "service", "monthly")) {
            if (!col.containsKey(need)) {
                throw Importers.notFormat(source, ImportFormat.AWS_CSV, "line " + rows.get(header).line() + ": the detail header has no \""
                        + need + "\" column");
            }
        }
        // the summary: a title line, its header, its values (by header name)
        Map<String, String> summary = new HashMap<>();
        long summaryLine = 0;
        for (int i = 0; i + 2 < header; i++) {
            if (rows.get(i).first().equalsIgnoreCase("estimate summary")) {
                Row names = rows.get(i + 1);
                Row values = rows.get(i + 2);
                summaryLine = values.line();
                for (int c = 0; c < names.cells().size(); c++) summary.put(name(names.cell(c)), values.cell(c).strip());
            }
        }
        String estimate = null;
        String currency = summary.get("currency");
        List<Row> data = new ArrayList<>();
        int after = rows.size();
        for (int i = header + 1; i < rows.size(); i++) {
            Row r = rows.get(i);
            String first = r.first().toLowerCase(Locale.ROOT);
            if (first.equals("acknowledgement") || first.equals("estimate summary") || first.equals("detailed estimate")) {
                after = i;
                break;
            }
            if (r.blank()) continue;
            data.add(r);
            if (estimate == null && !r.cell(col.get(HIERARCHY)).isBlank()) {
                estimate = r.cell(col.get(HIERARCHY)).split(">")[0].strip();
            }
            if (currency == null && col.containsKey("currency")) currency = r.cell(col.get("currency")).strip();
        }
        Estimate e = new Estimate(source, ImportFormat.AWS_CSV, estimate, currency);
        e.describe("Imported from " + source + " (AWS Pricing Calculator CSV export). Each row is a line item; where a row's"
                + " configuration states a count its cost is proportional to, that count is a driver.");
        Pattern leading = Pattern.compile("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\b(.*)$");
        for (Row r : data) {
            String where = "line " + r.line();
            String service = r.cell(col.get("service")).strip();
            if (service.isEmpty()) {
                e.unread(where, "no service named in the \"Service\" column");
                continue;
            }
            String monthlyText = r.cell(col.get("monthly")).strip();
            BigDecimal monthly = Estimate.money(monthlyText);
            if (monthly == null) {
                Matcher m = leading.matcher(monthlyText);
                if (!m.matches()) {
                    e.unread(where, "the Monthly cell '" + monthlyText + "' is not an amount");
                    continue;
                }
                monthly = new BigDecimal(m.group(1));
                e.note(where + " (" + service.strip() + "): its Monthly cell is text, '" + monthlyText + "': read as "
                        + Estimate.plain(monthly) + ", its leading number (as the calculator's summary counts it)");
            }
            BigDecimal upfront = col.containsKey("upfront") ? Estimate.money(r.cell(col.get("upfront"))) : BigDecimal.ZERO;
            if (upfront == null) {
                if (!r.cell(col.get("upfront")).isBlank()) e.note(where + ": the Upfront cell '" + r.cell(col.get("upfront")) + "' is not an amount: read as 0");
                upfront = BigDecimal.ZERO;
            }
            String[] path = r.cell(col.get(HIERARCHY)).split(">");
            List<String> groups = new ArrayList<>();
            for (int k = 1; k < path.length; k++) if (!path[k].isBlank()) groups.add(path[k].strip());
            String description = col.containsKey("description") ? r.cell(col.get("description")).strip() : "";
            String region = col.containsKey("region") ? r.cell(col.get("region")) : null;
            List<Map.Entry<String, String>> props = AwsServices.properties(col.containsKey("configuration summary")
                    ? r.cell(col.get("configuration summary")) : "");
            String label = AwsServices.label(service, description, props);
            e.line(label, groups.isEmpty() ? AwsServices.family(service) : String.join(" > ", groups), !groups.isEmpty(), monthly, upfront,
                    AwsServices.count(service, props), AwsServices.describe(service, region, props) + "\n(" + where + ")");
        }
        int notes = 0;
        for (int i = after + 2; i < rows.size(); i++) if (!rows.get(i).blank()) notes++;
        if (notes > 0) e.note(notes + " line" + (notes == 1 ? "" : "s") + " after the Acknowledgement (notes, not estimate lines) left out");
        BigDecimal monthly = Estimate.money(summary.get("monthly cost"));
        BigDecimal upfront = Estimate.money(summary.get("upfront cost"));
        BigDecimal year = Estimate.money(summary.get("total 12 months cost"));
        e.reconcile(monthly, upfront);
        String at = " (the file's summary, line " + summaryLine + ")";
        if (monthly != null) e.stated("Monthly cost" + at, "total", monthly, null, null);
        if (upfront != null) e.stated("Upfront cost" + at, "upfrontTotal", upfront, null, null);
        if (year != null) e.statedYear("Total 12 months cost" + at, year);
        if (summary.isEmpty()) e.note("the file states no totals (no Estimate summary section): nothing to audit against");
        return e.build();
    }

    /** A header cell as a key: lower case, blanks collapsed ("First 12 months total" is "first 12 months total"). */
    private static String name(String cell) {
        return cell.strip().replaceFirst("^[\ufeff\u00ff]", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<Row> rows(String text, String source) {
        List<Row> out = new ArrayList<>();
        CSVFormat f = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(false).get();
        try (CSVParser p = CSVParser.parse(new StringReader(text), f)) {
            for (CSVRecord r : p) {
                List<String> cells = new ArrayList<>(r.toList());
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) cells.remove(cells.size() - 1);
                out.add(new Row(p.getCurrentLineNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new costscope.model.InputException(source + ": not readable as CSV: " + e.getMessage());
        }
        return out;
    }
}
