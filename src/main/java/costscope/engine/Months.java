package costscope.engine;

import costscope.model.Category;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.Timeline;
import costscope.model.TimelineEvent;
import costscope.model.Variant;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's timeline evaluated month by month through the compiled model. Months are numbered from 0 (the first
 * month). Each month's state, in this order: the drivers' and levers' values as they are now (the sliders); the
 * events up to and including that month, in order of month (then file order): a variant applies its drivers, levers
 * and prices, a lever event switches its levers; then the paths set their drivers (a path wins over a slider or a
 * variant). A month's cash is the balance after that month: the previous balance (the business model's funding before
 * month 0) plus revenue, minus the monthly total, one-off costs and upfront payments, plus funding received.
 *
 * <ul>
 * <li>profit = revenue - monthly total (one-off costs, upfront payments and funding move cash, not profit);</li>
 * <li>upfront payments: each month pays the rise of the model's upfront total (all of it in month 0);</li>
 * <li>cumulative = the spend so far: monthly totals, one-off costs and upfront payments;</li>
 * <li>runway month: the first month whose cash is below 0 (none without funding: the business model's or an
 * event's); break-even month: the first whose profit is above 0;</li>
 * <li>payback of an event that switches levers: the first month from which the savings since the switch (each month's
 * total with the event's levers as they were before it, minus the total with them) add up to its cost: its own
 * {@code cost} plus the one-off costs of events without levers since the previous lever event.</li>
 * </ul>
 */
public final class Months {
    /** Why a timeline table or chart cannot be made: the one wording of the CLI and the chart export. */
    public static final String NO_TIMELINE = "the scenario has no timeline section (see docs/scenario-format.md, Timeline)";

    private Months() {
    }

    /** One month (or a period of months, {@link Result#by}): flows over it, balances at its end. */
    public record Month(int month, int lastMonth, String date, double total, double[] categories, double[] items,
                        double revenue, double profit, double oneOff, double funding, double upfront, double cash,
                        double cumulative, List<String> events) {
    }

    /** A lever event's payback: its cost, the saving in its first month, and the month the savings cover the cost. */
    public record Payback(String label, int month, double cost, double firstSaving, Integer paybackMonth) {
    }

    /** How the months are grouped for a table. */
    public enum Period {
        MONTH(1), QUARTER(3), YEAR(12);

        final int months;

        Period(int months) {
            this.months = months;
        }
    }

    /**
     * The timeline: the category and item ids (in the model's order: the columns of each month's arrays), the months,
     * the funding before month 0, and the derived months (null when not within the horizon).
     */
    public record Result(String start, List<String> categories, List<String> items, List<Month> months,
                         double startingCash, boolean funded, boolean sells, Integer runwayMonth, Integer breakEvenMonth,
                         List<Payback> paybacks) {

        /** The months grouped by quarter or year (from month 0): flows summed, balances at the period's end. */
        public List<Month> by(Period period) {
            if (period == Period.MONTH) return months;
            List<Month> out = new ArrayList<>();
            for (int from = 0; from < months.size(); from += period.months) {
                int to = Math.min(months.size(), from + period.months);
                Month first = months.get(from);
                Month last = months.get(to - 1);
                double[] cats = new double[categories.size()];
                double[] its = new double[items.size()];
                double total = 0, revenue = 0, profit = 0, oneOff = 0, funding = 0, upfront = 0;
                List<String> events = new ArrayList<>();
                for (Month m : months.subList(from, to)) {
                    total += m.total();
                    revenue += m.revenue();
                    profit += m.profit();
                    oneOff += m.oneOff();
                    funding += m.funding();
                    upfront += m.upfront();
                    for (int k = 0; k < cats.length; k++) cats[k] += m.categories()[k];
                    for (int k = 0; k < its.length; k++) its[k] += m.items()[k];
                    events.addAll(m.events());
                }
                out.add(new Month(first.month(), last.month(), first.date(), total, cats, its, revenue, profit, oneOff,
                        funding, upfront, last.cash(), last.cumulative(), List.copyOf(events)));
            }
            return out;
        }
    }

    /** The timeline of {@code state}'s model at its values, over the file's months. */
    public static Result run(Evaluator state) {
        Timeline t = state.compiled().scenario().timeline();
        if (t == null) throw new IllegalArgumentException(state.compiled().scenario().name() + " has no timeline");
        return run(state, t.months());
    }

    /**
     * An evaluator at month {@code month}'s state (the events up to it and the paths applied to the drivers and levers
     * of {@code state}), recalculated: what a stated figure at a month is read from. A variant applied by an event is
     * a model of its own, with the same slots.
     */
    public static Evaluator at(Evaluator state, int month) {
        Start s = new Start(state);
        return s.models.at(stateAt(s.sc, s.events, month, s.levers, -1), s.slider, s.plan, month).copy();
    }

    /** What every month starts from: the sliders' drivers and levers, the events in order, the models. */
    private static final class Start {
        final Scenario sc;
        final MonthlyPlan plan;
        final List<TimelineEvent> events;
        final double[] slider;
        final Map<String, Boolean> levers = new LinkedHashMap<>();
        final Models models;

        Start(Evaluator state) {
            CompiledScenario base = state.compiled();
            sc = base.scenario();
            plan = base.timeline;
            if (plan == null) throw new IllegalArgumentException(sc.name() + " has no timeline");
            events = new ArrayList<>(plan.timeline.events());
            events.sort(Comparator.comparingInt(TimelineEvent::month));   // stable: file order within a month
            slider = new double[sc.drivers().size()];
            for (int d = 0; d < slider.length; d++) slider[d] = state.driverValue(sc.drivers().get(d).id());
            sc.levers().forEach(l -> levers.put(l.id(), state.leverOn(l.id())));
            models = new Models(base, state);
        }
    }

    /**
     * The timeline over {@code months} months (the file's, or another horizon), from the drivers and levers of
     * {@code state} (the sliders).
     */
    public static Result run(Evaluator state, int months) {
        if (months < 1 || months > Timeline.MAX_MONTHS) {
            throw new costscope.model.InputException("months: " + months + " is not from 1 to " + Timeline.MAX_MONTHS);
        }
        Start start = new Start(state);
        Scenario sc = start.sc;
        MonthlyPlan plan = start.plan;
        List<TimelineEvent> events = start.events;
        double[] slider = start.slider;
        Map<String, Boolean> sliderLevers = start.levers;
        Models models = start.models;
        List<String> cats = sc.categories().stream().map(Category::id).toList();
        List<String> items = sc.items().stream().map(LineItem::id).toList();

        // the paybacks' events: each lever event, with the costs it answers for
        List<Integer> leverEvents = new ArrayList<>();   // indices in events
        double[] claimed = new double[events.size()];
        double pending = 0;
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            if (e.levers().isEmpty()) {
                if (e.cost() != null) pending += e.cost();
                continue;
            }
            claimed[i] = (e.cost() == null ? 0 : e.cost()) + pending;
            pending = 0;
            leverEvents.add(i);
        }
        double[][] without = new double[leverEvents.size()][months];

        List<Month> out = new ArrayList<>();
        double funding0 = models.funding();
        double cash = cash(funding0);
        double cumulative = 0;
        double upfrontBefore = 0;
        for (int m = 0; m < months; m++) {
            State st = stateAt(sc, events, m, sliderLevers, -1);
            Evaluator e = models.at(st, slider, plan, m);
            double total = e.slot(e.compiled().slots.totalSlot);
            double[] catv = new double[cats.size()];
            for (int k = 0; k < catv.length; k++) catv[k] = e.slot(e.compiled().slots.categorySlot[k]);
            double[] itv = new double[items.size()];
            for (int k = 0; k < itv.length; k++) itv[k] = e.slot(e.compiled().slots.itemSlot[k]);
            double revenue = models.sells ? e.slot(e.compiled().slotOf(Metric.REVENUE.formulaName())) : 0;
            double upfrontTotal = e.slot(e.compiled().slotOf(Metric.UPFRONT_TOTAL.formulaName()));
            double upfront = Math.max(0, upfrontTotal - upfrontBefore);
            upfrontBefore = Math.max(upfrontBefore, upfrontTotal);
            double oneOff = 0;
            double funding = 0;
            List<String> happened = new ArrayList<>();
            for (TimelineEvent ev : events) {
                if (ev.month() != m) continue;
                if (ev.cost() != null) oneOff += ev.cost();
                if (ev.funding() != null) funding += ev.funding();
                happened.add(ev.label() != null ? ev.label() : describe(ev));
            }
            cash += revenue - total - oneOff - upfront + funding;
            cumulative += total + oneOff + upfront;
            for (int j = 0; j < leverEvents.size(); j++) {
                int i = leverEvents.get(j);
                if (events.get(i).month() > m) continue;
                Evaluator w = models.at(stateAt(sc, events, m, sliderLevers, i), slider, plan, m);
                without[j][m] = w.slot(w.compiled().slots.totalSlot) - total;
            }
            out.add(new Month(m, m, date(plan.timeline.start(), m), total, catv, itv, revenue, revenue - total, oneOff,
                    funding, upfront, cash, cumulative, List.copyOf(happened)));
        }

        // without funding (the business model's or an event's) there is no cash to run out of
        boolean funded = !Double.isNaN(funding0) || events.stream().anyMatch(ev -> ev.funding() != null);
        Integer runway = null;
        Integer breakEven = null;
        for (Month mo : out) {
            if (funded && runway == null && mo.cash() < 0) runway = mo.month();
            if (breakEven == null && mo.profit() > 0) breakEven = mo.month();
        }
        List<Payback> paybacks = new ArrayList<>();
        for (int j = 0; j < leverEvents.size(); j++) {
            int i = leverEvents.get(j);
            TimelineEvent ev = events.get(i);
            if (ev.month() >= months) continue;
            double cost = claimed[i];
            Integer back = null;
            double saved = 0;
            for (int m = ev.month(); m < months; m++) {
                saved += without[j][m];
                if (saved >= cost) {
                    back = m;
                    break;
                }
            }
            paybacks.add(new Payback(ev.label() != null ? ev.label() : describe(ev), ev.month(), cost, without[j][ev.month()], back));
        }
        return new Result(plan.timeline.start(), cats, items, out, cash(funding0), funded, models.sells, runway, breakEven,
                paybacks);
    }

    /** The cash before month 0: the business model's funding, or 0 without one. */
    private static double cash(double funding) {
        return Double.isNaN(funding) ? 0 : funding;
    }

    /** "2026-01" plus m months, or null without a start. */
    static String date(String start, int m) {
        return start == null ? null : YearMonth.parse(start).plusMonths(m).toString();
    }

    private static String describe(TimelineEvent e) {
        List<String> parts = new ArrayList<>();
        e.levers().forEach((l, on) -> parts.add(l + (on ? " on" : " off")));
        if (e.variant() != null) parts.add("variant " + e.variant());
        if (e.cost() != null) parts.add("cost");
        if (e.funding() != null) parts.add("funding");
        return String.join(", ", parts);
    }

    /** The events' effect at a month: the variant in force, its driver values, and every lever's state. */
    private record State(Variant variant, Map<String, Boolean> levers) {
    }

    /** The state at month m from the events up to it, leaving out the levers of event {@code skip} (or -1). */
    private static State stateAt(Scenario sc, List<TimelineEvent> events, int m, Map<String, Boolean> slider, int skip) {
        Map<String, Boolean> levers = new HashMap<>(slider);
        Variant variant = null;
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            if (e.month() > m) break;
            if (e.variant() != null) {
                variant = sc.variant(e.variant());
                levers.putAll(variant.levers());
            }
            if (i != skip) levers.putAll(e.levers());
        }
        return new State(variant, levers);
    }

    /** The compiled models a timeline runs on: the base model and each variant an event applies, compiled once. */
    private static final class Models {
        private final CompiledScenario base;
        private final Map<String, Evaluator> evaluators = new HashMap<>();
        final boolean sells;

        Models(CompiledScenario base, Evaluator state) {
            this.base = base;
            Scenario sc = base.scenario();
            this.sells = Metric.sells(sc.business() == null ? costscope.model.Business.empty() : sc.business());
            evaluators.put("", state.copy());
        }

        double funding() {
            int k = base.fundingSlot;
            if (k < 0) return Double.NaN;
            Evaluator e = evaluators.get("");
            e.recalc();
            return e.slot(k);
        }

        /** The evaluator of the state's model at month m: drivers from the variant, then the sliders, then the paths. */
        Evaluator at(State st, double[] slider, MonthlyPlan plan, int m) {
            Evaluator e = evaluator(st.variant());
            Scenario sc = base.scenario();
            for (int d = 0; d < slider.length; d++) {
                String id = sc.drivers().get(d).id();
                Double v = st.variant() == null ? null : st.variant().drivers().get(id);
                e.setDriver(id, v != null ? v : slider[d]);
            }
            for (MonthlyPlan.Path p : plan.paths) e.setDriver(p.driverId(), p.fn().at(m, slider[p.driver()]));
            st.levers().forEach(e::setLever);
            e.recalc();
            return e;
        }

        private Evaluator evaluator(Variant v) {
            if (v == null) return evaluators.get("");
            return evaluators.computeIfAbsent(v.id(), id -> {
                try {
                    Scenario vs = base.scenario().withOverrides(v).alone();
                    return CompiledScenario.compile(vs).newEvaluator(vs);
                } catch (ScenarioException x) {
                    throw new IllegalStateException("variant '" + id + "' does not compile: " + x.getMessage(), x);
                }
            });
        }
    }
}
