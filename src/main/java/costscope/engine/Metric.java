package costscope.engine;

import costscope.model.Business;
import costscope.model.Denominator;
import costscope.model.FigureFormat;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The model's totals and business metrics, each defined once: its name in formulas, how it is shown (label, the
 * headline's caption and tooltip, display format), when a scenario has it (which business inputs it needs), and how
 * it is computed from its inputs. The engine compiles them, and results, reports, the headline, Details and the
 * what-if outputs iterate them. {@link #COST_PER} stands for one metric per business denominator
 * ({@code costPer_ID}).
 */
public enum Metric {
    TOTAL("total", FigureFormat.CURRENCY, b -> true, "Monthly total", "per month",
            "Sum of every line item per month", null),
    ANNUAL_TOTAL("annualTotal", FigureFormat.CURRENCY, b -> true, "Annual total", "per year",
            "Monthly total x 12", Op.TWELVE_TIMES, Metric.TOTAL_NODE),
    /** The sum of the items' one-time payments (the compiler sums them). */
    UPFRONT_TOTAL("upfrontTotal", FigureFormat.CURRENCY, b -> true, "Upfront", "upfront, once",
            "One-time payments (reserved instances, savings plans bought upfront)", null),
    FIRST_YEAR_TOTAL("firstYearTotal", FigureFormat.CURRENCY, b -> true, "First 12 months", "first 12 months",
            "Monthly total x 12 + upfront", Op.TWELVE_TIMES_PLUS, Metric.TOTAL_NODE, "upfrontTotal"),
    AMORTIZED_MONTHLY_TOTAL("amortizedMonthlyTotal", FigureFormat.CURRENCY, b -> true, "Monthly, upfront amortized",
            "per month, amortized", "Monthly total + each upfront payment / its term in months", Op.SUM,
            Metric.TOTAL_NODE, Metric.UPFRONT_MONTHLY),
    /** The business model's users formula (NaN without one). */
    USERS("users", FigureFormat.NUMBER, b -> b.users() != null, "Users (%s)", null, null, null),
    COST_PER_USER("costPerUser", FigureFormat.CURRENCY, b -> b.users() != null, "Cost per %s", "per %s",
            "Monthly total / this denominator", Op.RATIO, Metric.TOTAL_NODE, "users"),
    /** One per business denominator: {@code costPer_ID}, the total over the denominator's formula. */
    COST_PER("costPer_", FigureFormat.CURRENCY, b -> !b.denominators().isEmpty(), "Cost per %s", "per %s",
            "Monthly total / this denominator", null),
    PAYING_USERS("payingUsers", FigureFormat.NUMBER, Metric::sells, "Paying users", null, null,
            Op.PRODUCT, Metric.PAYING_BASE, "business.conversion"),
    REVENUE("revenue", FigureFormat.CURRENCY, Metric::sells, "Revenue", null, null, Op.PRODUCT, "payingUsers", "business.price"),
    PROFIT("profit", FigureFormat.CURRENCY, Metric::sells, "Profit", null, null, Op.DIFFERENCE, "revenue", Metric.TOTAL_NODE),
    MARGIN("margin", FigureFormat.PERCENT, Metric::sells, "Margin", null, null, Op.RATIO, "profit", "revenue"),
    BREAK_EVEN_REVENUE("breakEvenRevenue", FigureFormat.CURRENCY, b -> b.price() != null || b.markup() != null,
            "Break-even revenue", null, null, Op.WITH_MARKUP, Metric.TOTAL_NODE, "business.markup"),
    BREAK_EVEN_PAYING_USERS("breakEvenPayingUsers", FigureFormat.NUMBER, b -> b.price() != null,
            "Paying users to break even", null, null, Op.RATIO, "breakEvenRevenue", "business.price"),
    BREAK_EVEN_CONVERSION("breakEvenConversion", FigureFormat.PERCENT, b -> b.price() != null, "Conversion to break even",
            "conversion to break even", "Share of users who must pay for revenue to cover the break-even revenue",
            Op.RATIO, "breakEvenPayingUsers", Metric.PAYING_BASE),
    RUNWAY_MONTHS("runwayMonths", FigureFormat.MONTHS, b -> b.funding() != null, "Runway (months)", "runway",
            "Funding / (monthly total - revenue)", Op.RUNWAY, Metric.TOTAL_NODE, "revenue", "business.funding");

    /**
     * How a derived metric is computed from its inputs (a, b, c in the order the metric names them). Each makes its
     * own step, so the arithmetic runs without a further call.
     */
    enum Op {
        /** a x 12. */
        TWELVE_TIMES,
        /** a x 12 + b. */
        TWELVE_TIMES_PLUS,
        /** a + b. */
        SUM,
        /** a x b. */
        PRODUCT,
        /** a / b. */
        RATIO,
        /** a - b. */
        DIFFERENCE,
        /** a x (1 + b). */
        WITH_MARKUP,
        /**
         * Months until the funding c runs out at the burn a - b (b is the revenue, or 0 when the model sells nothing);
         * infinite without burn, not a number when the burn or the funding is not.
         */
        RUNWAY;

        /** The step computing slot {@code out} from the slots {@code in} (a, b, c): reads those, writes out alone. */
        CompiledScenario.Step step(int out, int[] in) {
            return new Steps.OnSlots(arithmetic(out, in), in.clone(), new int[]{out});
        }

        private CompiledScenario.Step arithmetic(int out, int[] in) {
            int a = in[0];
            int b = in.length > 1 ? in[1] : -1;
            int c = in.length > 2 ? in[2] : -1;
            return switch (this) {
                case TWELVE_TIMES -> s -> s[out] = s[a] * 12;
                case TWELVE_TIMES_PLUS -> s -> s[out] = s[a] * 12 + s[b];
                case SUM -> s -> s[out] = s[a] + s[b];
                case PRODUCT -> s -> s[out] = s[a] * s[b];
                case RATIO -> s -> s[out] = s[a] / s[b];
                case DIFFERENCE -> s -> s[out] = s[a] - s[b];
                case WITH_MARKUP -> s -> s[out] = s[a] * (1 + s[b]);
                case RUNWAY -> s -> {
                    double burn = s[a] - s[b];
                    s[out] = burn != burn || s[c] != s[c] ? Double.NaN : burn <= 0 ? Double.POSITIVE_INFINITY : s[c] / burn;
                };
            };
        }
    }

    /** The node of the monthly total (the sum of the categories). */
    static final String TOTAL_NODE = "total";
    /** The hidden node of the upfront payments' monthly shares (each over its term). */
    static final String UPFRONT_MONTHLY = "upfront.monthly";
    /** Who converts: the business model's payingBase, or its users when it gives none (the compiler resolves it). */
    static final String PAYING_BASE = "payingBase";

    private final String name;
    private final FigureFormat format;
    private final Predicate<Business> available;
    private final String label;
    private final String caption;
    private final String tooltip;
    private final Op op;
    private final List<String> inputs;

    Metric(String name, FigureFormat format, Predicate<Business> available, String label, String caption, String tooltip,
           Op op, String... inputs) {
        this.name = name;
        this.format = format;
        this.available = available;
        this.label = label;
        this.caption = caption;
        this.tooltip = tooltip;
        this.op = op;
        this.inputs = List.of(inputs);
    }

    /** The name formulas use ({@code costPer_} plus the denominator's id for {@link #COST_PER}). */
    public String formulaName() {
        return name;
    }

    public FigureFormat format() {
        return format;
    }

    /** Names of the nodes it is computed from (other metrics, {@code total}, business inputs), for the compiler. */
    List<String> inputs() {
        return inputs;
    }

    /** How it is computed from its inputs; null for the total (a sum), users (a formula) and {@link #COST_PER}. */
    Op op() {
        return op;
    }

    /** Every metric's formula name but the {@code costPer_} prefix, listed once. */
    private static final List<String> RESERVED = Arrays.stream(values()).filter(m -> m != COST_PER).map(m -> m.name).toList();

    /** The built-in names no id may take: every metric's formula name (and the {@code costPer_} prefix). */
    public static List<String> reservedNames() {
        return RESERVED;
    }

    /**
     * One metric of a scenario: which, its formula name ({@code costPerUser}, {@code costPer_request}), its label
     * ("Cost per active user"), and its headline caption ("per active user") and tooltip, or null when the headline
     * does not show it.
     */
    public record Shown(Metric metric, String id, String label, String caption, String tooltip) {
        public FigureFormat format() {
            return metric.format;
        }
    }

    /**
     * The business metrics a scenario's business model gives inputs for, in display order (users, cost per user, per
     * each denominator, paying users, revenue, profit, margin, break-even, runway); no revenue without a price.
     * The totals are not among them.
     */
    public static List<Shown> of(Scenario sc) {
        List<Shown> out = new ArrayList<>();
        Business b = sc.business();
        if (b == null) return out;
        String user = b.users() == null || b.users().label() == null ? "user" : b.users().label();
        for (Metric m : values()) {
            if (m.isTotal() || !m.available.test(b)) continue;
            if (m == COST_PER) {
                for (Denominator d : b.denominators()) out.add(m.shown(m.name + d.id(), d.label()));
            } else {
                out.add(m.shown(m.name, user));
            }
        }
        return out;
    }

    /** The totals as shown (labels, captions): monthly and annual, and the upfront ones when the scenario has upfront payments. */
    public static List<Shown> totals(Scenario sc) {
        List<Shown> out = new ArrayList<>(List.of(TOTAL.shown(TOTAL.name, null), ANNUAL_TOTAL.shown(ANNUAL_TOTAL.name, null)));
        if (sc.hasUpfront()) {
            for (Metric m : UPFRONT) out.add(m.shown(m.name, null));
        }
        return out;
    }

    /** The totals of upfront payments, in display order. */
    static final List<Metric> UPFRONT = List.of(UPFRONT_TOTAL, FIRST_YEAR_TOTAL, AMORTIZED_MONTHLY_TOTAL);

    /** Whether this is a total rather than a business metric (results report totals apart from {@link Results#metrics()}). */
    public boolean isTotal() {
        return this == TOTAL || this == ANNUAL_TOTAL || UPFRONT.contains(this);
    }

    /** Revenue needs a price and a conversion. */
    static boolean sells(Business b) {
        return b.price() != null && b.conversion() != null;
    }

    private Shown shown(String id, String who) {
        return new Shown(this, id, String.format(label, who), caption == null ? null : String.format(caption, who), tooltip);
    }

    /** The metric a formula name stands for ({@code costPer_x} is {@link #COST_PER}), or null. */
    public static Metric named(String formulaName) {
        if (formulaName.startsWith(COST_PER.name)) return COST_PER;
        for (Metric m : values()) if (m.name.equals(formulaName)) return m;
        return null;
    }
}
