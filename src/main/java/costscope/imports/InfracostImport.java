package costscope.imports;

import com.fasterxml.jackson.databind.JsonNode;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffect;
import costscope.model.LeverEffectBuilder;
import costscope.model.VariantBuilder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Infracost JSON output (version 0.2; {@code breakdown --format json} or {@code diff}): projects -> resources ->
 * subresources -> cost components, each component a line item priced quantity x price in the component's unit, so the
 * arithmetic shows. A component whose usage Infracost does not know (a null quantity) is priced by a driver named
 * after it, set to 0 and marked as needing a value; a component whose cost is not quantity x price (a discount) keeps
 * its stated cost with a note. One project: a category per resource type; several: a category per project (names
 * used twice told apart by their order). A past breakdown with resources becomes the lever "Past breakdown" and the
 * variant "before" that switches it on (each changed component at its past cost, each new one at 0, each removed one
 * back).
 */
final class InfracostImport {
    private InfracostImport() {
    }

    /** A component's line: its key (project, resource path, component), item id and monthly cost. */
    private record Line(String key, String item, BigDecimal cost, String category) {
    }

    static Imported read(JsonNode root, String source) {
        JsonNode projects = root.path("projects");
        if (!projects.isArray()) throw Importers.notFormat(source, ImportFormat.INFRACOST, "it has no \"projects\" list");
        String version = root.path("version").asText("");
        Estimate e = new Estimate(source, ImportFormat.INFRACOST, null, root.path("currency").asText(null));
        boolean several = projects.size() > 1;
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode p : projects) {
            String n = p.path("name").asText("project").strip();
            int k = seen.merge(n, 1, Integer::sum);
            names.add(k == 1 ? n : n + " (" + k + ")");
        }
        e.describe("Imported from " + source + " (Infracost JSON output" + (version.isEmpty() ? "" : " version " + version)
                + (several ? ", " + projects.size() + " projects: a category each" : "") + "). Each cost component is a line"
                + " item priced quantity x price; a usage Infracost did not know is a driver at 0 that needs a value.");
        if (!version.isEmpty() && !version.startsWith("0.")) e.note("output version " + version + " (read as 0.2)");
        if (!root.has("currency")) e.note("the file names no currency: USD, Infracost's default");
        List<Line> current = new ArrayList<>();
        boolean past = false;
        for (int i = 0; i < projects.size(); i++) {
            JsonNode p = projects.get(i);
            String at = "projects[" + i + "]";
            for (JsonNode err : p.path("metadata").path("errors")) {
                e.note("project '" + names.get(i) + "' failed in Infracost (code " + err.path("code").asText() + "): "
                        + err.path("message").asText() + "; its breakdown is empty");
            }
            JsonNode resources = p.path("breakdown").path("resources");
            for (int r = 0; r < resources.size(); r++) {
                resource(e, resources.get(r), "", several ? names.get(i) : null, null, i, at + ".breakdown.resources[" + r + "]", current);
            }
            if (p.path("pastBreakdown").path("resources").size() > 0) past = true;
        }
        boolean before = past && past(e, projects, names, several, current);
        BigDecimal total = Estimate.money(root.path("totalMonthlyCost").asText(null));
        e.reconcile(total, null);
        if (total != null) e.stated("totalMonthlyCost (the file's)", "total", total, null, null);
        if (several) {
            for (int i = 0; i < projects.size(); i++) {
                BigDecimal t = Estimate.money(projects.get(i).path("breakdown").path("totalMonthlyCost").asText(null));
                if (t != null) e.stated("Project '" + names.get(i) + "' totalMonthlyCost (the file's)", e.category(names.get(i)), t, null, null);
            }
        }
        BigDecimal pastTotal = Estimate.money(root.path("pastTotalMonthlyCost").asText(null));
        if (before && pastTotal != null) {
            e.stated("pastTotalMonthlyCost (the file's)", "total", pastTotal, Map.of("past_breakdown", true), "the past breakdown: the lever 'Past breakdown' on");
        }
        return e.build();
    }

    /** A resource's components and its subresources', in {@code category} (null: the resource's type). */
    private static void resource(Estimate e, JsonNode res, String parent, String category0, String type0, int projectIndex, String at,
                                 List<Line> out) {
        String name = res.path("name").asText("resource");
        String path = parent.isEmpty() ? name : parent + " / " + name;
        String category = category0 != null ? category0 : type(res);
        JsonNode components = res.path("costComponents");
        String type = type0 != null ? type0 : type(res);
        for (int c = 0; c < components.size(); c++) {
            line(e, components.get(c), path, category, type, projectIndex, at + ".costComponents[" + c + "]", out);
        }
        JsonNode subs = res.path("subresources");
        for (int s = 0; s < subs.size(); s++) {
            resource(e, subs.get(s), path, category, type, projectIndex, at + ".subresources[" + s + "]", out);
        }
    }

    /** A resource's type: its {@code resourceType}, or the part of its address before its name ("aws_instance.web"). */
    static String type(JsonNode res) {
        String t = res.path("resourceType").asText("").strip();
        if (!t.isEmpty()) return t;
        String[] parts = res.path("name").asText("").replaceAll("\\[[^\\]]*\\]", "").split("\\.");
        return parts.length >= 2 && !parts[parts.length - 2].isBlank() ? parts[parts.length - 2] : "resources";
    }

    private static void line(Estimate e, JsonNode c, String path, String category, String type, int project, String at, List<Line> out) {
        String component = c.path("name").asText("").strip();
        if (component.isEmpty()) {
            e.unread(at, "a cost component without a name");
            return;
        }
        String label = path + ": " + component;
        String unit = c.path("unit").asText("").strip();
        BigDecimal price = Estimate.money(c.path("price").asText(null));
        BigDecimal quantity = Estimate.money(c.path("monthlyQuantity").asText(null));
        BigDecimal cost = Estimate.money(c.path("monthlyCost").asText(null));
        String key = project + "|" + label;
        String text = "Infracost: " + path + ", " + component + (unit.isEmpty() ? "" : " (" + unit + ")") + "\n(" + at + ")";
        if (price == null) {
            if (cost != null) {
                out.add(new Line(key, e.stated(label, category, cost, text + "\nNo price given: kept at its stated cost."), cost, category));
            } else {
                e.unread(at, "no price and no monthly cost" + (c.path("priceNotFound").asBoolean(false) ? " (Infracost found no price)" : ""));
            }
            return;
        }
        if (quantity == null) {
            String item = e.usage(label, category, unit.isEmpty() ? "units" : unit, price, text);
            out.add(new Line(key, item, BigDecimal.ZERO, category));
            return;
        }
        BigDecimal product = quantity.multiply(price, MathContext.DECIMAL64);
        if (cost != null && product.subtract(cost).abs().compareTo(new BigDecimal("0.000001").max(cost.abs().multiply(new BigDecimal("1e-9")))) > 0) {
            out.add(new Line(key, e.stated(label, category, cost, text + "\nInfracost's cost " + Estimate.plain(cost) + " is not "
                    + Estimate.plain(quantity) + " " + unit + " x " + Estimate.plain(price) + " = " + Estimate.plain(product)
                    + " (a discount or a minimum): kept as stated."), cost, category));
            e.note(at + " (" + label + "): cost " + Estimate.plain(cost) + " is not quantity x price (" + Estimate.plain(product) + "): kept as stated");
            return;
        }
        String scale = e.scale(type);
        e.weigh(scale, product);
        out.add(new Line(key, e.priced(label, category, Estimate.plain(quantity) + " * " + scale, unit, price, text, product), product, category));
    }

    /** The lever "Past breakdown" (and the variant "before" that switches it on): the past costs from the current lines. */
    private static boolean past(Estimate e, JsonNode projects, List<String> names, boolean several, List<Line> current) {
        List<Line> before = new ArrayList<>();
        Estimate scratch = new Estimate("", ImportFormat.INFRACOST, null, null);
        for (int i = 0; i < projects.size(); i++) {
            JsonNode resources = projects.get(i).path("pastBreakdown").path("resources");
            for (int r = 0; r < resources.size(); r++) {
                resource(scratch, resources.get(r), "", several ? names.get(i) : null, null, i, "projects[" + i + "].pastBreakdown.resources[" + r + "]", before);
            }
        }
        Map<String, Line> now = new LinkedHashMap<>();
        current.forEach(l -> now.putIfAbsent(l.key(), l));
        List<LeverEffect> effects = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (Line b : before) {
            Line c = now.get(b.key());
            if (c != null && matched.add(b.key())) {
                if (c.cost().compareTo(b.cost()) != 0) effects.add(LeverEffectBuilder.builder().item(c.item()).fixedMonthly(b.cost().doubleValue()).build());
                continue;
            }
            // only in the past: a line at 0 now, at its past cost with the lever
            String label = b.key().substring(b.key().indexOf('|') + 1) + " (before only)";
            String item = e.stated(label, b.category(), BigDecimal.ZERO, "In Infracost's past breakdown only: 0 now,"
                    + " its past cost " + Estimate.plain(b.cost()) + " with the lever 'Past breakdown'.");
            effects.add(LeverEffectBuilder.builder().item(item).fixedMonthly(b.cost().doubleValue()).build());
        }
        for (Line c : current) {
            if (!matched.contains(c.key()) && c.cost().signum() != 0) effects.add(LeverEffectBuilder.builder().item(c.item()).factor(0.0).build());
        }
        if (effects.isEmpty()) {
            e.note("the past breakdown costs the same, line by line, as the current one: no 'before' variant");
            return false;
        }
        e.lever(LeverBuilder.builder().id("past_breakdown").label("Past breakdown").enabled(false).effects(effects)
                .description("Infracost's pastBreakdown: with this on, each component costs what it cost before the change.").build());
        e.note("Infracost's past breakdown is the variant 'before' (the lever 'Past breakdown' on): " + effects.size()
                + " line" + (effects.size() == 1 ? "" : "s") + " cost otherwise before the change");
        e.variant(VariantBuilder.builder().id("before").label("Before (past breakdown)").levers(Map.of("past_breakdown", true))
                .description("Infracost's past breakdown: the costs before the change.").build());
        return true;
    }
}
