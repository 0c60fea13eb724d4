package costscope.engine;

import costscope.formula.Functions;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Place;
import costscope.model.Problem.Code;
import costscope.model.Problem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.SliderScale;
import costscope.model.StatedFigure;
import costscope.model.Variant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a scenario that need no formula: ids (valid, not built-in, unique across the one namespace),
 * references by id (an item's category, a lever's target, a scale point's drivers, a stated figure's context, a
 * variant's names) with "did you mean" suggestions, and the ranges of values (a driver's min, max and step, a
 * category's colour, the chart range). Each check adds its problems, with their places, to one list.
 */
final class Checker {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Scenario sc;
    private final List<Problem> problems;
    /** Id to its kind ("driver", "item"...), as registered. */
    private final Map<String, String> idKind = new HashMap<>();
    /** Names suggestions are drawn from (set once the slots are laid out). */
    private NearMiss known = new NearMiss(List.of());

    Checker(Scenario sc, List<Problem> problems) {
        this.sc = sc;
        this.problems = problems;
    }

    void knownNames(Collection<String> names) {
        this.known = new NearMiss(names);
    }

    /** " (did you mean 'x'?)" or "". */
    String suggest(String name) {
        return known.suggest(name);
    }

    void add(Problem p) {
        problems.add(p);
    }

    void add(Place place, Code code, String message) {
        problems.add(Problem.of(place, code, message));
    }

    void add(Place place, Code code, String message, String subject) {
        problems.add(Problem.of(place, code, message, subject));
    }

    // --- ids ---------------------------------------------------------------------------------------------------

    /** Every id is valid, not a built-in or function name, and used once across the scenario. */
    void ids() {
        if (sc.drivers().isEmpty()) add(Place.section("drivers"), Code.MISSING, "a scenario needs at least one driver");
        if (sc.categories().isEmpty()) add(Place.section("categories"), Code.MISSING, "a scenario needs at least one category");
        for (int i = 0; i < sc.drivers().size(); i++) register(sc.drivers().get(i).id(), "driver", "drivers", i);
        for (int i = 0; i < sc.variables().size(); i++) register(sc.variables().get(i).id(), "variable", "variables", i);
        for (int i = 0; i < sc.items().size(); i++) register(sc.items().get(i).id(), "item", "items", i);
        for (int i = 0; i < sc.pools().size(); i++) register(sc.pools().get(i).id(), "pool", "pools", i);
        for (int i = 0; i < sc.categories().size(); i++) register(sc.categories().get(i).id(), "category", "categories", i);
        for (int i = 0; i < sc.levers().size(); i++) register(sc.levers().get(i).id(), "lever", "levers", i);
        if (sc.business() != null) {
            List<Denominator> ds = sc.business().denominators();
            for (int i = 0; i < ds.size(); i++) register(ds.get(i).id(), "denominator", "business.denominators", i);
        }
    }

    private void register(String id, String kind, String section, int index) {
        Place at = Place.path(section, index).field("id");
        if (!validId(id)) {
            add(at, Code.INVALID_ID, "'" + id + "' is not a valid id (letters, digits and _, not starting with a digit)", id);
            return;
        }
        if (Metric.reservedNames().contains(id) || id.startsWith(Metric.COST_PER.formulaName())) {
            add(at, Code.RESERVED_ID, "'" + id + "' is a built-in name; choose another id", id);
            return;
        }
        if (Functions.isFunction(id) || StatedFigures.FUNCTIONS.containsKey(id)) {
            add(at, Code.RESERVED_ID, "'" + id + "' is a function name; choose another id", id);
            return;
        }
        String prev = idKind.putIfAbsent(id, kind);
        if (prev != null) add(at, Code.DUPLICATE_ID, "id '" + id + "' is already used by " + article(prev) + " " + prev, id);
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    // --- values ------------------------------------------------------------------------------------------------

    void driver(Driver d, Place at) {
        if (!Double.isFinite(d.value())) add(at.field("value"), Code.RANGE, "value must be a finite number");
        if (d.min() != null && d.max() != null && d.min() >= d.max()) {
            add(at, Code.RANGE, "min (" + d.min() + ") must be below max (" + d.max() + ")");
        }
        if (d.scale() == SliderScale.LOG && d.effectiveMin() <= 0) add(at.field("min"), Code.RANGE, "a log slider needs min above 0");
        if (d.step() != null && d.step() <= 0) add(at.field("step"), Code.RANGE, "step must be above 0");
        boolean bounds = d.min() == null || d.max() == null || d.min() < d.max();   // else reported above
        if (bounds && d.range() != null && d.range().distribution() != null) {
            // the subject is the range's field the problem is about (low, high...), for the editor to show it there
            Sampler.Fault why = Sampler.fault(d.range(), d.min(), d.max());
            if (why != null && why.field() == null) add(at.row("range"), Code.RANGE, why.message());
            if (why != null && why.field() != null) add(at.row("range"), Code.RANGE, why.message(), why.field());
        }
    }

    /**
     * Each correlation names two different drivers with a range, once, with a rank from -1 to 1; together they make a
     * positive definite matrix (when not, the pair to change is named).
     */
    void correlations() {
        List<Driver> uncertain = sc.drivers().stream().filter(d -> d.range() != null).toList();
        List<String> ids = uncertain.stream().map(Driver::id).toList();
        double[][] m = new double[ids.size()][ids.size()];
        for (int i = 0; i < ids.size(); i++) m[i][i] = 1;
        java.util.Map<String, Integer> pairAt = new HashMap<>();
        boolean ok = true;
        for (int c = 0; c < sc.correlations().size(); c++) {
            var cor = sc.correlations().get(c);
            Place at = Place.path("correlations", c);
            if (cor.between().size() != 2) {
                add(at.field("between"), Code.RANGE, "between names two drivers, e.g. [\"users\", \"requests\"]");
                ok = false;
                continue;
            }
            String a = cor.between().get(0);
            String b = cor.between().get(1);
            boolean named = true;
            for (String id : cor.between()) {
                if (sc.driver(id) == null) {
                    add(at.field("between"), Code.UNKNOWN_REFERENCE, "'" + id + "' is not a driver" + suggest(id), id);
                    named = false;
                } else if (!ids.contains(id)) {
                    add(at.field("between"), Code.MISSING, "'" + id + "' has no range: only uncertain drivers correlate", id);
                    named = false;
                }
            }
            if (!named) {
                ok = false;
                continue;
            }
            if (a.equals(b)) {
                add(at.field("between"), Code.CONFLICT, "a driver cannot correlate with itself");
                ok = false;
                continue;
            }
            if (!(cor.rank() > -1 && cor.rank() < 1)) {
                add(at.field("rank"), Code.RANGE, "rank must be between -1 and 1 (not either end: drivers that move as one"
                        + " are one driver, so give one as a formula of the other)");
                ok = false;
                continue;
            }
            String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
            if (pairAt.putIfAbsent(key, c) != null) {
                add(at.field("between"), Code.DUPLICATE_ID, "'" + a + "' and '" + b + "' are correlated twice");
                ok = false;
                continue;
            }
            int i = ids.indexOf(a);
            int j = ids.indexOf(b);
            m[i][j] = cor.rank();
            m[j][i] = cor.rank();
        }
        if (!ok || sc.correlations().isEmpty()) return;
        int[] pair = RankCorrelation.notPositiveDefinite(m);
        if (pair != null) {
            String a = ids.get(pair[0]);
            String b = ids.get(pair[1]);
            String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
            Integer c = pairAt.get(key);
            Place at = c == null ? Place.section("correlations") : Place.path("correlations", c).field("rank");
            add(at, Code.RANGE, "these correlations cannot hold together (the matrix is not positive definite): change the"
                    + " one between '" + a + "' and '" + b + "'");
        }
    }

    void colours() {
        for (int c = 0; c < sc.categories().size(); c++) {
            Category cat = sc.categories().get(c);
            if (cat.color() != null && !Category.isColour(cat.color())) {
                add(Place.element("categories", c, cat.id()).field("color"), Code.RANGE,
                        "'" + cat.color() + "' is not a colour of the form #rrggbb");
            }
        }
    }

    // --- references --------------------------------------------------------------------------------------------

    /** The index of the item's category, or -1 with a problem. */
    int category(LineItem it, Place at, Map<String, Integer> categoryIndex) {
        Integer cat = it.category() == null ? null : categoryIndex.get(it.category());
        if (cat != null) return cat;
        if (it.category() == null) {
            add(at.field("category"), Code.MISSING, "missing category");
        } else {
            add(at.field("category"), Code.UNKNOWN_REFERENCE, "'" + it.category() + "' is not a category" + suggest(it.category()),
                    it.category());
        }
        return -1;
    }

    /** Whether a lever effect's target id is of the kind it needs (a problem when not). */
    boolean target(String target, String want, Place at) {
        String have = idKind.get(target);
        boolean ok = want.equals("driver or variable") ? "driver".equals(have) || "variable".equals(have) : want.equals(have);
        if (!ok) {
            // an id of another kind is named as such, not "did you mean" itself
            String why = have != null ? ", it is " + article(have) + " " + have : suggest(target);
            add(at, Code.UNKNOWN_REFERENCE, "'" + target + "' is not " + article(want) + " " + want + why, target);
        }
        return ok;
    }

    void scalePointsAndSweep() {
        for (int i = 0; i < sc.scalePoints().size(); i++) {
            ScalePoint p = sc.scalePoints().get(i);
            Place at = Place.element("scalePoints", i, p.id());
            if (p.id() == null || p.id().isBlank()) add(Place.path("scalePoints", i).field("id"), Code.MISSING, "missing id");
            for (int j = 0; j < i; j++) {
                if (p.id() != null && p.id().equals(sc.scalePoints().get(j).id())) {
                    add(at, Code.DUPLICATE_ID, "scale point id '" + p.id() + "' is used twice", p.id());
                }
            }
            for (String d : p.values().keySet()) driverRef(d, at.row("values"), "");
        }
        if (sc.sweep() != null) {
            var sw = sc.sweep();
            if (sc.driver(sw.driver()) == null) {
                add(Place.section("sweep").field("driver"), Code.UNKNOWN_REFERENCE, "'" + sw.driver() + "' is not a driver", sw.driver());
            }
            if (sw.log() && (sw.from() <= 0 || sw.to() <= 0)) add(Place.section("sweep"), Code.RANGE, "a log sweep needs from and to above 0");
            if (sw.from() >= sw.to()) add(Place.section("sweep"), Code.RANGE, "from must be below to");
        }
    }

    void driverRef(String d, Place at, String prefix) {
        if (sc.driver(d) == null) add(at, Code.UNKNOWN_REFERENCE, prefix + "'" + d + "' is not a driver" + suggest(d), d);
    }

    /** A month of the timeline (an event's, a stated figure's) is within its months; months count from 0. */
    void month(int month, Place at) {
        int months = sc.timeline().months();
        if (months > 0 && (month < 0 || month >= months)) {
            add(at, Code.RANGE, "month " + month + " is not within the timeline's months 0 to " + (months - 1)
                    + " (months are numbered from 0)");
        }
    }

    /** A stated figure's context: its scale point, levers and drivers exist; its rounding is not negative. */
    void statedContext(StatedFigure f, Place at, Set<String> leverIds) {
        if (f.at() != null && sc.scalePoint(f.at()) == null) {
            add(at.field("at"), Code.UNKNOWN_REFERENCE, "'" + f.at() + "' is not a scale point", f.at());
        }
        if (f.month() != null) {
            if (sc.timeline() == null) {
                add(at.field("month"), Code.UNKNOWN_REFERENCE, "a figure at a month needs the scenario's timeline");
            } else {
                month(f.month(), at.field("month"));
            }
        }
        for (String l : f.levers().keySet()) {
            if (!leverIds.contains(l)) add(at.field("levers"), Code.UNKNOWN_REFERENCE, "'" + l + "' is not a lever" + suggest(l), l);
        }
        for (String d : f.set().keySet()) driverRef(d, at.field("set"), "");
        if (f.rounding() != null && f.rounding() < 0) add(at.field("rounding"), Code.RANGE, "rounding must not be negative");
    }

    /**
     * Variant {@code i}: its id is valid and unique among the variants ({@code seen}, their own namespace); every name
     * it sets is a driver, lever, or flat-priced item or pool; values are finite. Returns whether its prices are to be checked
     * by compiling the model with the variant applied.
     */
    boolean variant(int i, Set<String> seen) {
        Variant v = sc.variants().get(i);
        Place at = Place.element("variants", i, v.id());
        if (!validId(v.id())) {
            add(Place.path("variants", i).field("id"), Code.INVALID_ID,
                    "'" + v.id() + "' is not a valid id (letters, digits and _, not starting with a digit)", v.id());
        } else if (!seen.add(v.id())) {
            add(Place.path("variants", i).field("id"), Code.DUPLICATE_ID, "variant id '" + v.id() + "' is used twice", v.id());
        }
        for (Map.Entry<String, Double> e : v.drivers().entrySet()) {
            if (sc.driver(e.getKey()) == null) {
                driverRef(e.getKey(), at.row("drivers"), "");
            } else if (!Double.isFinite(e.getValue())) {
                add(at.row("drivers").key(e.getKey()), Code.RANGE, "value must be a finite number");
            }
        }
        for (String l : v.levers().keySet()) {
            if (!"lever".equals(idKind.get(l))) add(at.row("levers"), Code.UNKNOWN_REFERENCE, "'" + l + "' is not a lever" + suggest(l), l);
        }
        boolean ok = true;
        for (String item : v.prices().keySet()) {
            LineItem it = item(item);
            var pool = sc.pool(item);
            if (pool != null) {
                if (!pool.tiers().isEmpty()) {
                    add(at.row("prices").key(item), Code.CONFLICT, "pool '" + item + "' is priced in tiers; a variant can only"
                            + " replace a flat unit price");
                    ok = false;
                }
            } else if (it == null) {
                add(at.row("prices"), Code.UNKNOWN_REFERENCE, "'" + item + "' is not a line item or pool" + suggest(item), item);
                ok = false;
            } else if (sc.poolOf(item) != null) {
                add(at.row("prices").key(item), Code.CONFLICT, "'" + item + "' is in pool '" + sc.poolOf(item).id()
                        + "', which prices it; give the pool's price instead");
                ok = false;
            } else if (!it.tiers().isEmpty()) {
                add(at.row("prices").key(item), Code.CONFLICT, "'" + item + "' is priced in tiers; a variant can only"
                        + " replace a flat unit price");
                ok = false;
            }
        }
        return ok && !v.prices().isEmpty();
    }

    private LineItem item(String id) {
        for (LineItem it : sc.items()) if (it.id().equals(id)) return it;
        return null;
    }
}
