package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Place;
import costscope.model.Problem.Code;
import costscope.model.Scenario;
import costscope.model.Timeline;
import costscope.model.TimelineEvent;
import costscope.model.TimelinePath;
import costscope.model.TimelinePath.Interpolation;
import costscope.model.TimelinePath.Milestone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's {@code timeline} checked and compiled: each path as a function of the month (growth, milestones,
 * formula), each event with its levers and variant resolved. Its rules (what a growth text means, how milestones
 * interpolate, which events are allowed) live here; {@link Months} runs it through the compiled model. Immutable.
 */
final class MonthlyPlan {
    /** "20%/year", "2% / month". */
    private static final Pattern RATE = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*%\\s*/\\s*(year|month)\\s*");

    final Timeline timeline;
    /** Each path: its driver's index and its value at a month given the driver's value at month 0. */
    final List<Path> paths;

    /** A path compiled: {@code at(month, start)}. */
    record Path(int driver, String driverId, PathFn fn) {
    }

    @FunctionalInterface
    interface PathFn {
        double at(int month, double start);
    }

    private MonthlyPlan(Timeline timeline, List<Path> paths) {
        this.timeline = timeline;
        this.paths = List.copyOf(paths);
    }

    /** The scenario's timeline compiled, each problem added to {@code check}; null without a timeline. */
    static MonthlyPlan of(Scenario sc, Checker check) {
        Timeline t = sc.timeline();
        if (t == null) return null;
        Place section = Place.part("timeline");
        if (t.months() < 1 || t.months() > Timeline.MAX_MONTHS) {
            check.add(section.field("months"), Code.RANGE, "months must be from 1 to " + Timeline.MAX_MONTHS + " (have " + t.months() + ")");
        }
        if (t.start() != null && !t.start().matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            check.add(section.field("start"), Code.RANGE, "'" + t.start() + "' is not a month as YYYY-MM, such as \"2026-01\"");
        }
        List<Path> paths = new ArrayList<>();
        Set<String> pathed = new HashSet<>();
        for (int i = 0; i < t.paths().size(); i++) {
            TimelinePath p = t.paths().get(i);
            Place at = Place.path("timeline.paths", i);
            costscope.model.Driver d = p.driver() == null ? null : sc.driver(p.driver());
            int driver = d == null ? -1 : sc.drivers().indexOf(d);   // (an immutable list's indexOf refuses null)
            if (p.driver() != null && driver < 0) {
                check.driverRef(p.driver(), at.field("driver"), "");
            } else if (p.driver() != null && !pathed.add(p.driver())) {
                check.add(at.field("driver"), Code.CONFLICT, "driver '" + p.driver() + "' already has a path: give each driver one");
            }
            PathFn fn = path(p, at, check);
            if (driver >= 0 && fn != null) paths.add(new Path(driver, p.driver(), fn));
        }
        Set<String> levers = new HashSet<>();
        sc.levers().forEach(l -> levers.add(l.id()));
        for (int i = 0; i < t.events().size(); i++) {
            TimelineEvent e = t.events().get(i);
            Place at = Place.path("timeline.events", i);
            check.month(e.month(), at.field("month"));
            for (String l : e.levers().keySet()) {
                if (!levers.contains(l)) {
                    check.add(costscope.model.Problem.of(at.row("levers").key(l), Code.UNKNOWN_REFERENCE,
                            "'" + l + "' is not a lever" + check.suggest(l), l));
                }
            }
            if (e.variant() != null && sc.variant(e.variant()) == null) {
                check.add(costscope.model.Problem.of(at.field("variant"), Code.UNKNOWN_REFERENCE,
                        "'" + e.variant() + "' is not a variant", e.variant()));
            }
            money(e.cost(), at.field("cost"), "cost", check);
            money(e.funding(), at.field("funding"), "funding", check);
        }
        return new MonthlyPlan(t, paths);
    }

    private static void money(Double v, Place at, String what, Checker check) {
        if (v != null && !(v >= 0)) check.add(at, Code.RANGE, what + " must be 0 or more (have " + v + ")");
    }

    /** The path's function of the month, or null after adding its problem. */
    private static PathFn path(TimelinePath p, Place at, Checker check) {
        if (p.growth() != null) {
            Double rate = monthlyRate(p.growth());
            if (rate == null) {
                check.add(at.field("growth"), Code.FORMULA, "'" + p.growth() + "' is not a growth rate: give a rate per month"
                        + " such as 0.15, or a percentage per year or month such as \"20%/year\"");
                return null;
            }
            if (!(rate > -1)) {
                check.add(at.field("growth"), Code.RANGE, "a growth rate must be above -100% (have " + p.growth() + ")");
                return null;
            }
            double r = rate;
            return (month, start) -> start * Math.pow(1 + r, month);
        }
        if (!p.milestones().isEmpty()) {
            List<Milestone> ms = p.milestones();
            Interpolation how = p.interpolate() == null ? Interpolation.LINEAR : p.interpolate();
            for (int k = 0; k < ms.size(); k++) {
                Place mw = at.row("milestones", k);
                if (ms.get(k).month() < 0) check.add(mw.field("month"), Code.RANGE, "month must be 0 or more");
                if (k > 0 && ms.get(k).month() <= ms.get(k - 1).month()) {
                    check.add(mw.field("month"), Code.RANGE, "milestones must be in order of month (month "
                            + ms.get(k).month() + " is not after " + ms.get(k - 1).month() + ")");
                    return null;
                }
                if (!Double.isFinite(ms.get(k).value())) check.add(mw.field("value"), Code.RANGE, "value must be a finite number");
                if (how == Interpolation.LOG && !(ms.get(k).value() > 0)) {
                    check.add(mw.field("value"), Code.RANGE, "log interpolation needs values above 0 (have " + ms.get(k).value() + ")");
                    return null;
                }
            }
            int[] month = ms.stream().mapToInt(Milestone::month).toArray();
            double[] value = ms.stream().mapToDouble(Milestone::value).toArray();
            return (m, start) -> interpolate(month, value, how, m);
        }
        if (p.formula() != null) {
            try {
                Expr x = Parser.parse(p.formula());
                Fn f = Compiler.compile(x, name -> {
                    if (name.name().equals("month")) return Compiler.slot(0);
                    throw new FormulaException("unknown name '" + name.name() + "': a path's formula is a formula of month",
                            name.start(), name.end());
                });
                return (month, start) -> f.eval(new double[]{month});
            } catch (FormulaException e) {
                check.add(at.field("formula").at(e.start()), Code.FORMULA, e.detail());
                return null;
            }
        }
        return null;   // the reader reported a path with none of growth, milestones and formula
    }

    /** A growth text as a compound rate per month: "0.15" is 0.15; "20%/year" is 1.2^(1/12) - 1; "2%/month" is 0.02. */
    static Double monthlyRate(String text) {
        Matcher m = RATE.matcher(text);
        if (m.matches()) {
            double pct = Double.parseDouble(m.group(1)) / 100;
            return m.group(2).equals("month") ? pct : Math.pow(1 + pct, 1.0 / 12) - 1;
        }
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The value at month m between milestones: the first milestone's before it, the last one's after it; between two,
     * a straight line ({@code linear}), a constant rate of growth ({@code log}: a straight line in the logarithm) or
     * the earlier value until the next milestone ({@code step}).
     */
    static double interpolate(int[] month, double[] value, Interpolation how, int m) {
        if (m <= month[0]) return value[0];
        int n = month.length;
        if (m >= month[n - 1]) return value[n - 1];
        int k = 0;
        while (month[k + 1] <= m) k++;
        if (m == month[k]) return value[k];
        double f = (double) (m - month[k]) / (month[k + 1] - month[k]);
        return switch (how) {
            case LINEAR -> value[k] + f * (value[k + 1] - value[k]);
            case LOG -> value[k] * Math.pow(value[k + 1] / value[k], f);
            case STEP -> value[k];
        };
    }
}
