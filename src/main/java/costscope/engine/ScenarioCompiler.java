package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Fn;
import costscope.model.Billing;
import costscope.model.Business;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Place;
import costscope.model.Pool;
import costscope.model.Problem;
import costscope.model.Problem.Code;
import costscope.model.Scenario;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a scenario's program: checks ids ({@link Checker}), lays out the slots ({@link SlotLayout}), compiles every
 * formula ({@link Formulas}), makes one step per node (drivers and variables with their levers, {@link ItemPricing}
 * per item, categories, the total, the {@link Metric}s), orders them ({@link DependencyGraph}: a cycle is a problem
 * naming its path), compiles the stated figures ({@link StatedFigures}) and checks the variants. Every problem is
 * collected with its place; the result is frozen into a {@link CompiledScenario}.
 */
final class ScenarioCompiler {
    /** A node whose value never changes during evaluation (an input read in place, or a constant). */
    static final CompiledScenario.Step NO_STEP = s -> {
    };

    /** One named node of the dependency graph: where it is (for a cycle's message), what it uses, its step. */
    private static final class Node {
        final Place place;
        final Set<String> deps = new LinkedHashSet<>();
        CompiledScenario.Step step;

        Node(Place place) {
            this.place = place;
        }
    }

    final Scenario sc;
    final List<Problem> problems = new ArrayList<>();
    final Checker check;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Slots whose value is a compile-time constant, set once in the initial state. */
    final Map<Integer, Double> constants = new HashMap<>();
    /** The lever effects that replace a driver's or variable's value, by its id. */
    final Map<String, LeverOverrides.Override[]> setters = new HashMap<>();
    SlotLayout layout;
    Formulas formulas;
    LeverOverrides levers;
    ItemPricing[] pricing;
    int[] itemCategory;
    List<String> order = List.of();
    Fn[] statedOf;
    MonthlyPlan timeline;

    ScenarioCompiler(Scenario sc) {
        this.sc = sc;
        this.check = new Checker(sc, problems);
    }

    /** Every problem compiling would report, in the order of the file's sections. */
    List<Problem> run() {
        check.ids();
        layout = new SlotLayout(sc);
        check.knownNames(layout.nameSlot.keySet());
        check.correlations();
        if (!problems.isEmpty()) return problems;
        formulas = new Formulas(sc, layout, check);
        levers = new LeverOverrides(sc, layout, check, formulas, problems);
        defineNodes();
        if (!problems.isEmpty()) return problems;
        order = order();
        if (!problems.isEmpty()) return problems;
        statedOf = StatedFigures.compile(sc, layout, check);
        variants();
        timeline = MonthlyPlan.of(sc, check);
        return problems;
    }

    /** The compiled formula of a field the scenario must give ("missing formula" when it does not). */
    private Fn formula(Place at, String text, Node node) {
        if (text == null) {
            check.add(at, Code.MISSING, "missing formula");
            return null;
        }
        Formulas.Compiled c = formulas.at(at);
        problems.addAll(c.problems());
        node.deps.addAll(c.names());
        return c.fn();
    }

    private Node node(String key, Place place) {
        Node n = new Node(place);
        nodes.put(key, n);
        return n;
    }

    /** A node computed by a formula: a constant is set once in the initial state and costs no step. */
    private void formulaStep(Node n, Fn f, int out) {
        if (f == null) return;
        if (Compiler.isConstant(f)) {
            constants.put(out, f.eval(null));
            n.step = NO_STEP;
        } else {
            n.step = new Steps.Formula(f, out);
        }
    }

    /** The lever effects replacing a driver's or variable's value (or an item field), their formulas' names added to the node. */
    private LeverOverrides.Override[] overrides(String key, Node n) {
        LeverOverrides.Override[] ov = levers.of(key);
        for (LeverOverrides.Override o : ov) n.deps.addAll(o.deps());
        return ov;
    }

    /** A value the last enabled lever's formula replaces: {@code from} computes the node's own value. */
    private static CompiledScenario.Step replaced(Fn from, LeverOverrides.Override[] ov, int out) {
        return new Steps.Replaced(from, ov, out);
    }

    // --- nodes -------------------------------------------------------------------------------------------------

    private void defineNodes() {
        for (int i = 0; i < sc.drivers().size(); i++) {
            Driver d = sc.drivers().get(i);
            Place at = Place.element("drivers", i, d.id());
            Node n = node(d.id(), at);
            check.driver(d, at);
            int in = layout.driverInput[i];
            int out = layout.driverSlot[i];
            LeverOverrides.Override[] ov = overrides(d.id(), n);
            if (ov.length == 0) {
                n.step = out == in ? NO_STEP : new Steps.Copy(in, out);
            } else {
                n.step = replaced(Compiler.slot(in), ov, out);
                setters.put(d.id(), ov);
            }
        }
        for (int i = 0; i < sc.variables().size(); i++) {
            Variable v = sc.variables().get(i);
            Place at = Place.element("variables", i, v.id());
            Node n = node(v.id(), at);
            Fn f = formula(at.field("formula"), v.formula(), n);
            int out = layout.variableSlot[i];
            LeverOverrides.Override[] ov = overrides(v.id(), n);
            if (f == null) continue;
            if (ov.length == 0) {
                formulaStep(n, f, out);
            } else {
                n.step = replaced(f, ov, out);
                setters.put(v.id(), ov);
            }
        }
        int hoursSlot = hoursPerMonth();
        check.colours();
        Map<String, Integer> catIdx = new HashMap<>();
        for (int c = 0; c < sc.categories().size(); c++) catIdx.put(sc.categories().get(c).id(), c);
        itemCategory = new int[sc.items().size()];
        pricing = new ItemPricing[sc.items().size()];
        for (int i = 0; i < sc.items().size(); i++) item(i, catIdx, hoursSlot);
        pools();
        categoriesAndTotal();
        upfront();
        business();
        check.scalePointsAndSweep();
    }

    private int hoursPerMonth() {
        Node hours = node("hoursPerMonth", Place.section("hoursPerMonth"));
        int slot = layout.hidden();
        if (sc.hoursPerMonth() == null) {
            constants.put(slot, Double.parseDouble(Scenario.DEFAULT_HOURS_PER_MONTH));
            hours.step = NO_STEP;
        } else {
            formulaStep(hours, formula(Place.section("hoursPerMonth"), sc.hoursPerMonth(), hours), slot);
        }
        return slot;
    }

    private void item(int i, Map<String, Integer> catIdx, int hoursSlot) {
        LineItem it = sc.items().get(i);
        Place w = Place.element("items", i, it.id());
        Node n = node(it.id(), w);
        itemCategory[i] = check.category(it, w, catIdx);
        Fn qty = formula(w.field("quantity"), it.quantity(), n);
        Pool pool = sc.poolOf(it.id());
        LeverOverrides.Override[] qOv = overrides(it.id() + LeverOverrides.QUANTITY, n);
        Tariff tariff = null;
        Fn hours = null;
        Fn minimum = null;
        boolean ok = qty != null;
        if (pool != null) {
            pooledItem(it, w, pool);
        } else {
            tariff = charge(w, it.unitPrice(), it.tiers(), it.freeAllowance(), it.increment(), it.effectivePer(),
                    it.effectiveTierMode(), it.id(), n, "item");
            ok &= tariff != null;
            minimum = it.minimumMonthly() == null ? null : formula(w.field("minimumMonthly"), it.minimumMonthly(), n);
            if (minimum != null && Compiler.isConstant(minimum) && !(minimum.eval(null) >= 0)) {
                check.add(w.field("minimumMonthly"), Code.RANGE, "minimumMonthly must be 0 or more");
            }
            ok &= it.minimumMonthly() == null || minimum != null;
            if (it.hours() != null) {
                hours = formula(w.field("hours"), it.hours(), n);
                if (it.effectiveBilling() != Billing.HOURLY) check.add(w.field("hours"), Code.CONFLICT, "hours only apply to billing \"hourly\"");
                ok &= hours != null;
            } else if (it.effectiveBilling() == Billing.HOURLY) {
                n.deps.add("hoursPerMonth");
                hours = Compiler.slot(hoursSlot);
            }
        }
        Fn upfront = it.upfront() == null ? null : formula(w.field("upfront"), it.upfront(), n);
        ok &= it.upfront() == null || upfront != null;
        if (it.termMonths() != null && it.termMonths() <= 0) check.add(w.field("termMonths"), Code.RANGE, "termMonths must be at least 1");
        LeverOverrides.Override[] uOv = overrides(it.id() + LeverOverrides.UPFRONT, n);
        if (!ok) return;
        pricing[i] = new ItemPricing(qty, qOv, tariff, hours, minimum, it.fixedMonthly(),
                levers.of(it.id() + LeverOverrides.FIXED), levers.of(it.id() + LeverOverrides.FACTOR), upfront, uOv,
                Math.max(1, it.effectiveTermMonths()), layout.itemSlot[i]);
        n.step = pricing[i];
    }

    /**
     * The charge of an item or a pool ({@code kind}) from its fields, with the levers that replace its allowance,
     * unit price or tiers: every problem reported at its field, every name used added to the node; null when it has
     * problems.
     */
    private Tariff charge(Place w, String unitPrice, List<Tier> tiers, String freeAllowance, String increment, double per,
                          TierMode mode, String id, Node n, String kind) {
        boolean tiered = !tiers.isEmpty();
        Fn price = null;
        boolean ok = true;
        if (tiered && unitPrice != null) {
            check.add(new Problem(w, Code.CONFLICT, "give either unitPrice or tiers, not both", List.of("unitPrice", "tiers")));
            ok = false;
        } else if (!tiered) {
            if (unitPrice == null) {
                check.add(w.field("unitPrice"), Code.MISSING, "missing unitPrice (or tiers)");
                ok = false;
            } else {
                price = formula(w.field("unitPrice"), unitPrice, n);
                ok = price != null;
            }
        }
        Tariff.Table table = null;
        if (tiered) {
            table = Tariff.table(tiers, w, formulas, check, n.deps);
            ok &= table != null;
        }
        Fn free = freeAllowance == null ? null : formula(w.field("freeAllowance"), freeAllowance, n);
        ok &= freeAllowance == null || free != null;
        Fn inc = increment == null ? null : formula(w.field("increment"), increment, n);
        ok &= increment == null || inc != null;
        if (inc != null && Compiler.isConstant(inc) && !(inc.eval(null) > 0)) {
            check.add(w.field("increment"), Code.RANGE, "increment must be above 0");
        }
        if (per <= 0) check.add(w.field("per"), Code.RANGE, "per must be above 0");
        LeverOverrides.Override[] fOv = overrides(id + LeverOverrides.FREE, n);
        LeverOverrides.Override[] pOv = overrides(id + LeverOverrides.UNIT_PRICE, n);
        LeverOverrides.Override[] tOv = overrides(id + LeverOverrides.TIERS, n);
        if (tiered && pOv.length > 0) {
            check.add(w, Code.CONFLICT, "a lever replaces the unit price of a tiered " + kind + "; change its tiers instead");
        }
        return ok ? new Tariff(free, fOv, inc, price, pOv, table, tOv, mode == TierMode.VOLUME, per) : null;
    }

    /** An item in a pool gives no price of its own, and no lever changes one: the pool prices it. */
    private void pooledItem(LineItem it, Place w, Pool pool) {
        String in = "'" + it.id() + "' is in pool '" + pool.id() + "', which prices it: ";
        Map<String, Boolean> own = new LinkedHashMap<>();
        own.put("unitPrice", it.unitPrice() != null);
        own.put("tiers", !it.tiers().isEmpty());
        own.put("tierMode", it.tierMode() != null);
        own.put("per", it.per() != null);
        own.put("freeAllowance", it.freeAllowance() != null);
        own.put("increment", it.increment() != null);
        own.put("minimumMonthly", it.minimumMonthly() != null);
        own.put("fixedMonthly", it.fixedMonthly() != null);
        own.put("hours", it.hours() != null);
        own.put("billing", it.billing() != null && it.billing() != Billing.MONTHLY);
        own.forEach((field, has) -> {
            if (has) check.add(w.field(field), Code.CONFLICT, in + "remove its " + field, it.id());
        });
        for (String change : List.of(LeverOverrides.UNIT_PRICE, LeverOverrides.FREE, LeverOverrides.TIERS)) {
            for (LeverOverrides.Override o : levers.of(it.id() + change)) {
                check.add(Place.element("levers", o.lever(), sc.levers().get(o.lever()).id()).row("effects", o.effect()),
                        Code.CONFLICT, in + "change the pool's " + change.substring(1) + " instead", it.id());
            }
        }
    }

    /**
     * Each pool: its items exist, are in no other pool and count the same unit; its charge compiles. The pool's node
     * prices its items, so it takes their dependencies and each item's node depends on it alone.
     */
    private void pools() {
        Map<String, String> inPool = new HashMap<>();
        Map<String, Integer> itemIdx = new HashMap<>();
        for (int i = 0; i < sc.items().size(); i++) itemIdx.putIfAbsent(sc.items().get(i).id(), i);
        for (int p = 0; p < sc.pools().size(); p++) {
            Pool pool = sc.pools().get(p);
            Place w = Place.element("pools", p, pool.id());
            Node n = node(pool.id(), w);
            if (pool.items().isEmpty()) check.add(w.field("items"), Code.MISSING, "a pool needs at least one item");
            List<Integer> members = new ArrayList<>();
            String unitOf = null;
            String firstItem = null;
            for (int k = 0; k < pool.items().size(); k++) {
                String id = pool.items().get(k);
                Integer i = itemIdx.get(id);
                Place at = w.row("items", k);
                if (i == null) {
                    check.add(at, Code.UNKNOWN_REFERENCE, "'" + id + "' is not a line item" + check.suggest(id), id);
                    continue;
                }
                String prev = inPool.putIfAbsent(id, pool.id());
                if (prev != null) {
                    check.add(at, Code.CONFLICT, prev.equals(pool.id()) ? "'" + id + "' is listed twice"
                            : "'" + id + "' is already in pool '" + prev + "'", id);
                    continue;
                }
                String unit = sc.items().get(i).quantityUnit();
                if (firstItem == null) {
                    firstItem = id;
                    unitOf = unit;
                } else if (!java.util.Objects.equals(unit, unitOf)) {
                    check.add(at, Code.CONFLICT, "the items of a pool must count the same unit: '" + id + "' counts "
                            + describeUnit(unit) + ", '" + firstItem + "' counts " + describeUnit(unitOf), id);
                }
                members.add(i);
            }
            Tariff tariff = charge(w, pool.unitPrice(), pool.tiers(), pool.freeAllowance(), pool.increment(),
                    pool.effectivePer(), pool.effectiveTierMode(), pool.id(), n, "pool");
            ItemPricing[] ps = new ItemPricing[members.size()];
            boolean ok = tariff != null;
            for (int k = 0; k < ps.length; k++) {
                int i = members.get(k);
                String id = sc.items().get(i).id();
                Node item = nodes.get(id);
                // what the item's pricing uses moves to a node of its own ("fa quantity"), which the pool uses: a
                // cycle through the pool then names the item
                Node uses = node(id + " quantity", item.place.field("quantity"));
                uses.deps.addAll(item.deps);
                uses.step = NO_STEP;
                n.deps.add(id + " quantity");
                item.deps.clear();
                item.deps.add(pool.id());
                item.step = NO_STEP;
                ps[k] = pricing[i];
                ok &= ps[k] != null;
            }
            if (ok) n.step = new PoolPricing(p, pool.id(), tariff, ps, layout.poolSlot[p]);
        }
    }

    private static String describeUnit(String unit) {
        return unit == null ? "no unit" : "'" + unit + "'";
    }

    /**
     * The upfront payments: {@code upfrontTotal} sums them, a hidden node their monthly shares (each payment over its
     * term), which {@link Metric#AMORTIZED_MONTHLY_TOTAL} adds to the monthly total.
     */
    private void upfront() {
        Node total = node(Metric.UPFRONT_TOTAL.formulaName(), Place.section(Metric.UPFRONT_TOTAL.formulaName()));
        for (LineItem it : sc.items()) total.deps.add(it.id());
        List<Integer> paying = new ArrayList<>();
        for (int i = 0; i < sc.items().size(); i++) {
            LineItem it = sc.items().get(i);
            if (it.upfront() != null || levers.of(it.id() + LeverOverrides.UPFRONT).length > 0) paying.add(layout.itemSlot[i]);
        }
        int[] of = paying.stream().mapToInt(Integer::intValue).toArray();
        int out = layout.metricSlot.get(Metric.UPFRONT_TOTAL.formulaName());
        int monthly = layout.hidden();
        hiddenInput.put(Metric.UPFRONT_MONTHLY, monthly);
        Node m = node(Metric.UPFRONT_MONTHLY, Place.section(Metric.UPFRONT_TOTAL.formulaName()));
        m.deps.add(Metric.UPFRONT_TOTAL.formulaName());
        m.step = NO_STEP;
        if (!sc.hasUpfront()) {
            // no payment anywhere: both stay 0, and the program runs no step for them
            total.step = NO_STEP;
            return;
        }
        total.step = new Steps.Upfront(of, out, monthly);
    }

    private void categoriesAndTotal() {
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < sc.categories().size(); c++) members.add(new ArrayList<>());
        for (int i = 0; i < sc.items().size(); i++) {
            if (itemCategory[i] >= 0) members.get(itemCategory[i]).add(i);
        }
        for (int c = 0; c < sc.categories().size(); c++) {
            Category cat = sc.categories().get(c);
            Node n = node(cat.id(), Place.element("categories", c, cat.id()));
            for (int i : members.get(c)) n.deps.add(sc.items().get(i).id());
            n.step = sum(members.get(c).stream().mapToInt(i -> layout.itemSlot[i]).toArray(), layout.categorySlot[c]);
        }
        Node total = node(Metric.TOTAL_NODE, Place.section(Metric.TOTAL_NODE));
        for (Category c : sc.categories()) total.deps.add(c.id());
        total.step = sum(layout.categorySlot.clone(), layout.totalSlot);
    }

    private static CompiledScenario.Step sum(int[] of, int out) {
        return new Steps.Sum(of, out);
    }

    /** The business inputs (hidden formulas with defaults) and every {@link Metric} but the total. */
    private void business() {
        Business bz = sc.business() == null ? Business.empty() : sc.business();
        int users = layout.metricSlot.get(Metric.USERS.formulaName());
        Node un = node(Metric.USERS.formulaName(), Place.section("business.users"));
        Fn usersFn = bz.users() == null ? Compiler.constant(Double.NaN)
                : formula(Place.part("business.users").field("formula"), bz.users().formula(), un);
        formulaStep(un, usersFn, users);
        metric(Metric.COST_PER_USER, Map.of());
        for (int i = 0; i < bz.denominators().size(); i++) {
            Denominator d = bz.denominators().get(i);
            if (d.id() == null) continue;
            String key = Metric.COST_PER.formulaName() + d.id();
            Place at = Place.element("business.denominators", i, d.id());
            Node dn = node(key, at);
            dn.deps.add(Metric.TOTAL_NODE);
            Fn f = formula(at.field("formula"), d.formula(), dn);
            int slot = layout.metricSlot.get(key);
            int total = layout.totalSlot;
            if (f != null) dn.step = new Steps.Per(total, f, slot);
        }
        input("price", bz.price(), Double.NaN);
        input("conversion", bz.conversion(), 0);
        input("markup", bz.markup(), 0);
        input("funding", bz.funding(), Double.NaN);
        String base = Metric.USERS.formulaName();
        if (bz.payingBase() != null) {
            input("payingBase", bz.payingBase(), Double.NaN);
            base = "business.payingBase";
        }
        Map<String, String> inputs = Map.of(Metric.PAYING_BASE, base);
        Map<String, String> runwayInputs = inputs;
        if (!Metric.sells(bz)) {
            // runway without revenue: the burn is the whole cost (the revenue node, not a number, is not used)
            input("noRevenue", null, 0);
            runwayInputs = Map.of(Metric.PAYING_BASE, base, "revenue", "business.noRevenue");
        }
        for (Metric m : Metric.values()) {
            if (m.op() != null && m != Metric.COST_PER_USER) metric(m, m == Metric.RUNWAY_MONTHS ? runwayInputs : inputs);
        }
    }

    /** A business input: a hidden node computing its formula, or its default when the file gives none. */
    private void input(String field, String text, double dflt) {
        String key = "business." + field;
        Place at = Place.section("business").field(field);
        Node n = node(key, at);
        int slot = layout.hidden();
        formulaStep(n, text == null ? Compiler.constant(dflt) : formula(at, text, n), slot);
        hiddenInput.put(key, slot);
    }

    /** The business inputs' hidden slots by node name ({@code business.funding}...). */
    final Map<String, Integer> hiddenInput = new HashMap<>();

    /** A metric's node: its inputs (renamed where the scenario says so) as dependencies, its operation as step. */
    private void metric(Metric m, Map<String, String> rename) {
        Node n = node(m.formulaName(), Place.section(m.formulaName()));
        int[] in = new int[m.inputs().size()];
        for (int k = 0; k < in.length; k++) {
            String name = rename.getOrDefault(m.inputs().get(k), m.inputs().get(k));
            n.deps.add(name);
            Integer slot = layout.nameSlot.get(name);
            in[k] = slot != null ? slot : hiddenInput.get(name);
        }
        String alias = layout.aliasOf(m.formulaName());
        if (alias != null) {
            // the name reads another node's slot: whatever reads the name runs after that node
            n.deps.add(alias);
            n.step = NO_STEP;
        } else {
            n.step = m.op().step(layout.metricSlot.get(m.formulaName()), in);
        }
    }

    // --- order, variants ---------------------------------------------------------------------------------------

    private List<String> order() {
        DependencyGraph g = new DependencyGraph();
        nodes.forEach((key, n) -> g.add(key, n.deps));
        DependencyGraph.Result r = g.sort();
        for (List<String> cycle : r.cycles()) {
            problems.add(new Problem(nodes.get(cycle.get(0)).place, Code.CYCLE, "cycle: " + String.join(" -> ", cycle), cycle));
        }
        return r.order();
    }

    /** Variant names exist and values are finite; a variant's prices compile on the model with the variant applied. */
    private void variants() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sc.variants().size(); i++) {
            if (!check.variant(i, seen)) continue;
            var v = sc.variants().get(i);
            Scenario applied = sc.withOverrides(v).alone();
            Place at = Place.element("variants", i, v.id()).row("prices");
            for (Problem p : new ScenarioCompiler(applied).run()) {
                problems.add(new Problem(at.inner(p.place().at(-1)).at(p.position()), p.code(), p.message(), p.subjects()));
            }
        }
    }

    /** Each node's uses, by position in {@link #order} (names that are not nodes left out). */
    int[][] uses() {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < order.size(); i++) at.put(order.get(i), i);
        int[][] out = new int[order.size()][];
        for (int i = 0; i < order.size(); i++) {
            out[i] = nodes.get(order.get(i)).deps.stream().filter(at::containsKey).mapToInt(at::get).toArray();
        }
        return out;
    }

    /** Each node's step by position in {@link #order} ({@link #NO_STEP} for inputs read in place and constants). */
    CompiledScenario.Step[] nodeSteps() {
        return order.stream().map(k -> nodes.get(k).step).toArray(CompiledScenario.Step[]::new);
    }

    CompiledScenario.Step[] steps() {
        List<CompiledScenario.Step> st = new ArrayList<>();
        for (String key : order) {
            CompiledScenario.Step step = nodes.get(key).step;
            if (step != NO_STEP) st.add(step);
        }
        return st.toArray(new CompiledScenario.Step[0]);
    }
}
