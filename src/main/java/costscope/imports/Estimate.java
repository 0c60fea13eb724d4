package costscope.imports;

import costscope.model.Category;
import costscope.model.CategoryBuilder;
import costscope.model.Driver;
import costscope.model.DriverBuilder;
import costscope.model.Lever;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.Scenario;
import costscope.model.ScenarioBuilder;
import costscope.model.StatedFigure;
import costscope.model.StatedFigureBuilder;
import costscope.model.Variant;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the scenario of an imported estimate, the same way for every format: categories by their label, one line
 * item per line of the source (priced count x unit price when it offers a driver, quantity x price when the source
 * gives both, 1 x its monthly cost otherwise), the source's stated totals as stated figures, and the report. Ids are
 * made from labels, unique in the scenario.
 */
final class Estimate {
    private final String source;
    private final ImportFormat format;
    private final String name;
    private final String currency;
    private final Set<String> ids = new HashSet<>();
    private final Map<String, String> categories = new LinkedHashMap<>();
    private final List<Category> categoryList = new ArrayList<>();
    private final List<LineItem> items = new ArrayList<>();
    private final List<Driver> drivers = new ArrayList<>();
    private final List<StatedFigure> stated = new ArrayList<>();
    private final List<Lever> levers = new ArrayList<>();
    private final List<Variant> variants = new ArrayList<>();
    private final List<ImportReport.Offered> offered = new ArrayList<>();
    private final List<ImportReport.Unread> unread = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The scale driver of each kind of resource ({@link #scale}). */
    private final Map<String, String> scales = new LinkedHashMap<>();
    /** How many lines of each category and label so far ({@link #distinct}). */
    private final Map<String, Integer> labels = new java.util.HashMap<>();
    /** The monthly cost that moves with each offered count or scale: the sweep is over the one that moves most. */
    private final Map<String, BigDecimal> weight = new LinkedHashMap<>();
    private String description;
    /** The sum of the lines' monthly and upfront costs as the source gives them. */
    private BigDecimal monthly = BigDecimal.ZERO;
    private BigDecimal upfront = BigDecimal.ZERO;
    private int lines;

    Estimate(String source, ImportFormat format, String name, String currency) {
        this.source = source;
        this.format = format;
        this.name = name == null || name.isBlank() ? "Imported estimate" : name.strip();
        this.currency = currency == null || currency.isBlank() ? Scenario.DEFAULT_CURRENCY : currency.strip();
    }

    void describe(String text) {
        description = text;
    }

    /** The id of the category with this label, made on first use. */
    String category(String label) {
        String l = label == null || label.isBlank() ? "Other" : label.strip();
        return categories.computeIfAbsent(l, x -> {
            String id = id(x);
            categoryList.add(CategoryBuilder.builder().id(id).label(x).build());
            return id;
        });
    }

    /** A new id made from a label: lower case, words joined by '_', unique in the scenario. */
    String id(String label) {
        return unique(slug(label));
    }

    /** A label as an id's text: lower case, words joined by '_', at most 40 characters, starting with a letter. */
    static String slug(String label) {
        String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty()) base = "line";
        if (base.length() > 40) base = base.substring(0, 40).replaceAll("_+$", "");
        if (!Character.isLetter(base.charAt(0))) base = "x_" + base;
        return base;
    }

    /** {@code base}, or base_2, base_3... whichever no element has yet. */
    private String unique(String base) {
        String id = base;
        for (int n = 2; !ids.add(id); n++) id = base + "_" + n;
        return id;
    }

    /** A count the line's cost is proportional to (instances, nodes, GB, requests a month). */
    record Count(String what, double value, String unit) {
    }

    /**
     * A line of the source with its monthly and upfront costs: priced per counted unit when {@code count} is given
     * (a driver is offered for it), else as one unit at its monthly cost. A line in a named group ({@code grouped})
     * has the group in its id and its driver's label, as the same service often sits in several groups (DEV, PROD).
     * Returns the item's id.
     */
    String line(String label0, String category, boolean grouped, BigDecimal monthlyCost, BigDecimal upfrontCost, Count count, String text) {
        String label = distinct(category + "|", label0);
        String id = id(grouped ? category + " " + label : label);
        LineItemBuilder b = LineItemBuilder.builder().id(id).label(label).category(category(category)).description(text);
        if (count != null && count.value() > 0 && monthlyCost.signum() != 0) {
            String driver = unique(id + "_" + slug(count.unit()));
            String driverLabel = (grouped ? category + ": " : "") + label + ": " + count.what();
            drivers.add(DriverBuilder.builder().id(driver).label(driverLabel).unit(count.unit()).value(count.value()).min(0.0)
                    .max(Math.max(10, Math.ceil(count.value() * 10))).step(count.value() == Math.rint(count.value()) ? 1.0 : null)
                    .description("Offered by the import: the source states " + plain(count.value()) + " " + count.unit()
                            + " for '" + label + "', and its monthly cost is taken as proportional to it.").build());
            offered.add(new ImportReport.Offered(driver, driverLabel, count.value(), count.unit(), id, false));
            weigh(driver, monthlyCost);
            b.quantity(driver).quantityUnit(count.unit())
                    .unitPrice(plain(monthlyCost.divide(BigDecimal.valueOf(count.value()), MathContext.DECIMAL64)));
        } else {
            single(b, monthlyCost);
        }
        if (upfrontCost.signum() != 0) b.upfront(plain(upfrontCost));
        items.add(b.build());
        add(monthlyCost, upfrontCost);
        return id;
    }

    /** A line priced as the source prices it: quantity (a number or a driver's id) x unit price. */
    String priced(String label, String category, String quantity, String unit, BigDecimal price, String text, BigDecimal cost) {
        String id = id(label);
        items.add(LineItemBuilder.builder().id(id).label(label).category(category(category)).quantity(quantity)
                .quantityUnit(unit).unitPrice(plain(price)).priceUnit(unit).description(text).build());
        add(cost, BigDecimal.ZERO);
        return id;
    }

    /** A line whose cost the source states without a quantity x price that gives it (a discount): kept as stated. */
    String stated(String label, String category, BigDecimal cost, String text) {
        String id = id(label);
        items.add(single(LineItemBuilder.builder().id(id).label(label).category(category(category)), cost).description(text).build());
        add(cost, BigDecimal.ZERO);
        return id;
    }

    /**
     * A line priced per unit of a usage the source does not know: a driver at 0, marked as needing a value, is its
     * quantity. Returns the item's id.
     */
    String usage(String label, String category, String unit, BigDecimal price, String text) {
        String id = id(label);
        String driver = unique(id + "_usage");
        drivers.add(DriverBuilder.builder().id(driver).label(label + " (usage)").unit(unit).value(0).min(0.0)
                .description("Needs a value: the source does not know this usage, so the import set it to 0. The line '"
                        + label + "' costs it x " + plain(price) + " per " + unit + ".").build());
        offered.add(new ImportReport.Offered(driver, label + " (usage)", 0, unit, id, true));
        items.add(LineItemBuilder.builder().id(id).label(label).category(category(category)).quantity(driver).quantityUnit(unit)
                .unitPrice(plain(price)).priceUnit(unit).description(text + "\nNeeds a value: its usage is the driver '" + driver + "'.").build());
        add(BigDecimal.ZERO, BigDecimal.ZERO);
        return id;
    }

    /** The label, or "label (2)", "label (3)" for the second and third line of that label in one category. */
    private String distinct(String scope, String label) {
        int n = labels.merge(scope + label, 1, Integer::sum);
        return n == 1 ? label : label + " (" + n + ")";
    }

    void weigh(String driver, BigDecimal cost) {
        weight.merge(driver, cost.abs(), BigDecimal::add);
    }

    /**
     * The driver that scales every line of a kind of resource ({@code aws_instance}): 1 is the plan as the source
     * priced it, 3 three times its usage. Made on first use.
     */
    String scale(String type) {
        return scales.computeIfAbsent(type, t -> {
            String id = id(t + " scale");
            drivers.add(DriverBuilder.builder().id(id).label(t + " (x the plan)").unit("x").value(1).min(0.0).max(10.0).step(0.5)
                    .description("Offered by the import: every priced quantity of the " + t + " resources is multiplied by"
                            + " this; 1 is the plan as the source priced it.").build());
            offered.add(new ImportReport.Offered(id, t + " (x the plan)", 1, "x", t, false));
            return id;
        });
    }

    /** One unit (an "estimate line") at {@code cost}: a line the source gives no quantity for. */
    private static LineItemBuilder single(LineItemBuilder b, BigDecimal cost) {
        return b.quantity("1").quantityUnit("estimate line").unitPrice(plain(cost));
    }

    private void add(BigDecimal m, BigDecimal u) {
        monthly = monthly.add(m);
        upfront = upfront.add(u);
        lines++;
    }

    void lever(Lever l) {
        levers.add(l);
    }

    void variant(Variant v) {
        variants.add(v);
    }

    /** A total the source states: {@code of} is what the model computes for it ("total", "upfrontTotal"). */
    void stated(String label, String of, BigDecimal value, Map<String, Boolean> leverStates, String note) {
        stated.add(StatedFigureBuilder.builder().label(label).of(of).value(value.doubleValue()).levers(leverStates).note(note).build());
    }

    /**
     * The source's first-year total ("12 months"): the calculator works it out from its unrounded monthly total, so
     * it may differ from twelve times the monthly total it shows by up to 6 cents; it agrees within that.
     */
    void statedYear(String label, BigDecimal value) {
        stated.add(StatedFigureBuilder.builder().label(label).of("firstYearTotal").value(value.doubleValue()).rounding(0.13)
                .note("Worked out by the source from its unrounded monthly total: it agrees within 12 half-cents of twelve"
                        + " times the monthly total shown.").build());
    }

    /**
     * The source's stated monthly and upfront totals (null where it states none) against the sums of its lines. A
     * difference within the rounding of each line to the cent (the calculator totals unrounded costs and shows each
     * line rounded) becomes one line of its own, "Rounding in the source's total", so the total is the source's; a
     * larger one is left for the audit to show. Either way the report's note gives both figures.
     */
    void reconcile(BigDecimal statedMonthly, BigDecimal statedUpfront) {
        BigDecimal dm = statedMonthly == null ? BigDecimal.ZERO : statedMonthly.subtract(monthly);
        BigDecimal du = statedUpfront == null ? BigDecimal.ZERO : statedUpfront.subtract(upfront);
        BigDecimal tolerance = HALF_CENT.multiply(BigDecimal.valueOf(Math.max(1, lines)));
        boolean fixM = within(dm, tolerance);
        boolean fixU = within(du, tolerance);
        if (statedMonthly != null) note("monthly", statedMonthly, monthly, dm, fixM);
        if (statedUpfront != null) note("upfront", statedUpfront, upfront, du, fixU);
        if (!fixM && !fixU) return;
        String id = id("rounding");
        LineItemBuilder b = single(LineItemBuilder.builder().id(id).label("Rounding in the source's total").category(category("Rounding")),
                fixM ? dm : BigDecimal.ZERO)
                .description("The source's stated total minus the sum of its lines as it shows them (each rounded to the cent):"
                        + " kept as a line of its own so the imported total is the source's.");
        if (fixU) b.upfront(plain(du));
        items.add(b.build());
    }

    /** Half a cent: a difference below it is no difference (the sources show cents). */
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private static boolean within(BigDecimal diff, BigDecimal tolerance) {
        return diff.abs().compareTo(HALF_CENT) >= 0 && diff.abs().compareTo(tolerance) <= 0;
    }

    private void note(String what, BigDecimal stated, BigDecimal sum, BigDecimal diff, boolean fixed) {
        if (diff.abs().compareTo(HALF_CENT) < 0) return;
        notes.add("the file states a " + what + " total of " + plain(stated) + " but its lines add up to " + plain(sum) + " ("
                + (diff.signum() > 0 ? "+" : "") + plain(diff) + ")" + (fixed ? ": the source totals its unrounded costs and shows"
                + " each line rounded; the difference is the line 'Rounding in the source's total'"
                : ": more than rounding, so the import keeps the lines and the audit shows the difference"));
    }

    void unread(String where, String why) {
        unread.add(new ImportReport.Unread(where, why));
    }

    void note(String text) {
        notes.add(text);
    }

    /** The scale point of the source's own values: the audit checks the source's totals there, whatever the sliders say. */
    static final String IMPORTED = "imported";

    Imported build() {
        List<StatedFigure> figures = stated.stream().map(f -> f.at() == null ? f.withAt(IMPORTED) : f).toList();
        Map<String, Double> values = new LinkedHashMap<>();
        drivers.forEach(d -> values.put(d.id(), d.value()));
        String swept = weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Driver sweepDriver = drivers.stream().filter(d -> d.id().equals(swept)).findFirst().orElse(null);
        Scenario sc = ScenarioBuilder.builder().name(name).currency(currency)
                .scalePoints(List.of(new costscope.model.ScalePoint(IMPORTED, "As imported", values)))
                .sweep(sweepDriver == null ? null : new costscope.model.Sweep(sweepDriver.id(), 0, sweepDriver.effectiveMax(), false))
                .description(description == null ? "Imported from " + source + " (" + format.title + ")." : description)
                .drivers(drivers).categories(categoryList).items(items).levers(levers).statedFigures(figures).variants(variants)
                .build();
        ImportReport r = new ImportReport(source, format, items.size(), List.copyOf(categories.keySet()), offered, unread, notes);
        return new Imported(sc, r);
    }

    /** A number as plain decimal text without trailing zeros: "238.52", "0.000465", "1500" (export/Formats' way). */
    static String plain(double v) {
        return costscope.export.Formats.plain(v);
    }

    /** An amount as plain decimal text, exactly: "238.52", "-0.03", "0". */
    static String plain(BigDecimal v) {
        String s = v.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Money as the sources write it ("715.56", "9938.529999999999", "0"); null when the text is not a number. */
    static BigDecimal money(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.isEmpty()) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
