package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Functions;
import costscope.formula.Parser;
import costscope.model.Billing;
import costscope.model.Business;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Problem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.SliderScale;
import costscope.model.StatedFigure;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scenario compiled into a flat program over a {@code double[]} of slots: one step per node (driver, variable,
 * line item, category, total, business metric), in dependency order. Compile once per structural change; an
 * {@link Evaluator} re-runs the steps on every value change without parsing or looking up names.
 *
 * <p>Slot layout: driver inputs, lever states, lever savings, then one slot per node (items have four more:
 * quantity, effective unit price, billable quantity and basis).
 */
public final class CompiledScenario {

    /** Built-in names, valid in every formula; no id may use them. */
    public static final List<String> RESERVED = List.of("total", "annualTotal", "users", "costPerUser", "payingUsers",
            "revenue", "profit", "margin", "breakEvenRevenue", "breakEvenPayingUsers", "breakEvenConversion",
            "runwayMonths");
    /** Functions only valid in stated figures, taking an item or lever id. */
    public static final List<String> RESULT_FUNCTIONS = List.of("quantity", "unitPrice", "basis", "saving");
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One step of the program: computes its node's slot(s) from earlier slots. */
    interface Step {
        void run(double[] s);
    }

    /** A node whose value never changes during evaluation (an input read in place, or a constant). */
    private static final Step NO_STEP = s -> {
    };

    final Scenario scenario;
    final int slotCount;
    final Step[] steps;
    final double[] initial;
    final Map<String, Integer> nameSlot;
    final Map<String, Integer> driverIndex = new HashMap<>();
    final Map<String, Integer> leverIndex = new HashMap<>();
    final Map<String, Integer> itemIndex = new HashMap<>();
    final Map<String, Integer> categoryIndex = new HashMap<>();
    final int[] driverInput;
    final int[] driverSlot;
    final int[] variableSlot;
    final int[] leverSlot;
    final int[] savingSlot;
    final int[] itemSlot;
    final int[] itemCategory;
    final int[] categorySlot;
    final int totalSlot;
    final Map<String, Integer> metricSlot;
    final Fn[] statedOf;
    final List<String> order;

    // ------------------------------------------------------------------------------------------------------------

    /** Compiles a scenario, or throws with every problem found (formula positions, unknown names, cycles). */
    public static CompiledScenario compile(Scenario scenario) throws ScenarioException {
        Builder b = new Builder(scenario);
        b.run();
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(scenario.name(), b.problems);
        }
        return new CompiledScenario(b);
    }

    /** Every problem that compiling would report, without throwing. */
    public static List<Problem> validate(Scenario scenario) {
        Builder b = new Builder(scenario);
        b.run();
        return List.copyOf(b.problems);
    }

    private CompiledScenario(Builder b) {
        this.scenario = b.sc;
        this.slotCount = b.slots;
        this.nameSlot = Map.copyOf(b.nameSlot);
        this.driverInput = b.driverInput;
        this.driverSlot = b.driverSlot;
        this.variableSlot = b.variableSlot;
        this.leverSlot = b.leverSlot;
        this.savingSlot = b.savingSlot;
        this.itemSlot = b.itemSlot;
        this.itemCategory = b.itemCategory;
        this.categorySlot = b.categorySlot;
        this.totalSlot = b.totalSlot;
        this.metricSlot = Map.copyOf(b.metricSlot);
        this.order = List.copyOf(b.order);
        List<Step> st = new ArrayList<>();
        for (String key : b.order) {
            Step step = b.nodes.get(key).step;
            if (step != NO_STEP) st.add(step);
        }
        this.steps = st.toArray(new Step[0]);
        this.initial = new double[slotCount];
        for (Map.Entry<Integer, Double> e : b.constants.entrySet()) initial[e.getKey()] = e.getValue();
        for (int i = 0; i < scenario.drivers().size(); i++) {
            driverIndex.put(scenario.drivers().get(i).id(), i);
            initial[driverInput[i]] = scenario.drivers().get(i).value();
        }
        for (int i = 0; i < scenario.levers().size(); i++) {
            leverIndex.put(scenario.levers().get(i).id(), i);
            initial[leverSlot[i]] = scenario.levers().get(i).enabled() ? 1 : 0;
        }
        for (int i = 0; i < scenario.items().size(); i++) itemIndex.put(scenario.items().get(i).id(), i);
        for (int i = 0; i < scenario.categories().size(); i++) categoryIndex.put(scenario.categories().get(i).id(), i);
        Arrays.fill(initial, savingSlot.length == 0 ? 0 : savingSlot[0], savingSlot.length == 0 ? 0 : savingSlot[0] + savingSlot.length, Double.NaN);
        this.statedOf = b.statedOf;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** A fresh evaluator holding the file's driver values and lever states. */
    public Evaluator newEvaluator() {
        return new Evaluator(this);
    }

    /** A fresh evaluator holding the driver values and lever states of {@code values}, a state of this model. */
    public Evaluator newEvaluator(Scenario values) {
        Evaluator e = new Evaluator(this);
        e.setValues(values);
        return e;
    }

    /** Compiles {@code s} and returns an evaluator at its driver values and lever states. */
    public static Evaluator evaluatorAt(Scenario s) throws ScenarioException {
        return compile(s).newEvaluator(s);
    }

    /** Steps run per recalculation: nodes less the inputs read in place and the constants. */
    public int stepCount() {
        return steps.length;
    }

    /** Slots in the state array (copied once per snapshot). */
    public int slotCount() {
        return slotCount;
    }

    /** Node names in evaluation order (for diagnostics and tests of recalculation order). */
    public List<String> evaluationOrder() {
        return order;
    }

    /** Compiles a stated-figure style formula (names, quantity(), unitPrice(), basis(), saving()) against this model. */
    public Fn compileResultFormula(String formula) throws FormulaException {
        Expr e = Parser.parse(formula);
        return Compiler.compile(e, resultScope());
    }

    int slotOf(String name) {
        Integer s = nameSlot.get(name);
        return s == null ? -1 : s;
    }

    int itemAux(int item, int offset) {
        return itemSlot[item] + offset;
    }

    private Compiler.Scope resultScope() {
        return new Compiler.Scope() {
            @Override
            public Fn name(Expr.Name n) throws FormulaException {
                Integer slot = nameSlot.get(n.name());
                if (slot == null) throw new FormulaException("unknown name '" + n.name() + "'", n.start(), n.end());
                return Compiler.slot(slot);
            }

            @Override
            public Fn special(Expr.Call c) throws FormulaException {
                return resultFunction(c, itemIndex::get, leverIndex::get, itemSlot, savingSlot);
            }
        };
    }

    static Fn resultFunction(Expr.Call c, java.util.function.Function<String, Integer> items,
                             java.util.function.Function<String, Integer> levers, int[] itemSlot, int[] savingSlot)
            throws FormulaException {
        int offset = switch (c.name()) {
            case "quantity" -> ItemSlots.QUANTITY;
            case "unitPrice" -> ItemSlots.UNIT_PRICE;
            case "basis" -> ItemSlots.BASIS;
            case "saving" -> -1;
            default -> Integer.MIN_VALUE;
        };
        if (offset == Integer.MIN_VALUE) return null;
        String what = c.name().equals("saving") ? "a lever id" : "an item id";
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Name arg)) {
            throw new FormulaException(c.name() + "() takes one argument, " + what, c.start(), c.end());
        }
        Integer idx = c.name().equals("saving") ? levers.apply(arg.name()) : items.apply(arg.name());
        if (idx == null) {
            throw new FormulaException("'" + arg.name() + "' is not " + what, arg.start(), arg.end());
        }
        return Compiler.slot(offset < 0 ? savingSlot[idx] : itemSlot[idx] + offset);
    }

    /** Offsets of an item's auxiliary slots from its cost slot. */
    static final class ItemSlots {
        static final int QUANTITY = 1;
        static final int UNIT_PRICE = 2;
        static final int BILLABLE = 3;
        static final int BASIS = 4;
        static final int COUNT = 5;

        private ItemSlots() {
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One named unit of the dependency graph. */
    private static final class Node {
        final String key;
        final String where;
        final Set<String> deps = new LinkedHashSet<>();
        Step step;

        Node(String key, String where) {
            this.key = key;
            this.where = where;
        }
    }

    private static final class Builder {
        final Scenario sc;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Map<String, Integer> nameSlot = new HashMap<>();
        final Map<String, Integer> metricSlot = new LinkedHashMap<>();
        final Map<String, String> idKind = new HashMap<>();
        /** Slots whose value is a compile-time constant, set once in the initial state. */
        final Map<Integer, Double> constants = new HashMap<>();
        List<String> order = List.of();
        int slots;
        int[] driverInput;
        int[] driverSlot;
        int[] variableSlot;
        int[] leverSlot;
        int[] savingSlot;
        int[] itemSlot;
        int[] itemCategory;
        int[] categorySlot;
        int totalSlot;
        Fn[] statedOf;

        /** Lever chains per target key (driver/variable id or item id + field). */
        final Map<String, List<LeverOverride>> overrides = new HashMap<>();

        record LeverOverride(int leverSlot, Fn fn, double value) {
        }

        Builder(Scenario sc) {
            this.sc = sc;
        }

        final Compiler.Scope scope = new Compiler.Scope() {
            @Override
            public Fn name(Expr.Name n) throws FormulaException {
                Integer slot = nameSlot.get(n.name());
                if (slot == null) throw new FormulaException("unknown name '" + n.name() + "'", n.start(), n.end());
                return Compiler.slot(slot);
            }
        };

        void run() {
            registerIds();
            allocate();
            defineNodes();
            if (!problems.isEmpty()) return;
            order = topologicalOrder();
            if (!problems.isEmpty()) return;
            compileStated();
            checkVariants();
        }

        // --- variants ----------------------------------------------------------------------------------------------

        /**
         * Variant ids are valid and unique (their own namespace); every name they set is a driver, lever or flat-priced
         * item; values are finite; and a variant with prices compiles (its price formulas parse, name known things and
         * make no cycle), checked by compiling the model with the variant applied.
         */
        private void checkVariants() {
            List<costscope.model.Variant> vs = sc.variants();
            java.util.Set<String> seen = new java.util.HashSet<>();
            Map<String, LineItem> items = new HashMap<>();
            for (LineItem it : sc.items()) items.put(it.id(), it);
            java.util.Set<String> leverIds = new java.util.HashSet<>();
            for (Lever l : sc.levers()) leverIds.add(l.id());
            for (int i = 0; i < vs.size(); i++) {
                costscope.model.Variant v = vs.get(i);
                String where = "variants[" + i + "] '" + v.id() + "'";
                if (v.id() == null || !ID.matcher(v.id()).matches()) {
                    problems.add(Problem.at("variants[" + i + "].id", "'" + v.id() + "' is not a valid id (letters, digits and _, not starting with a digit)"));
                } else if (!seen.add(v.id())) {
                    problems.add(Problem.at("variants[" + i + "].id", "variant id '" + v.id() + "' is used twice"));
                }
                for (Map.Entry<String, Double> e : v.drivers().entrySet()) {
                    if (sc.driver(e.getKey()) == null) {
                        problems.add(Problem.at(where + ", drivers", "'" + e.getKey() + "' is not a driver" + suggest(e.getKey())));
                    } else if (!Double.isFinite(e.getValue())) {
                        problems.add(Problem.at(where + ", drivers." + e.getKey(), "value must be a finite number"));
                    }
                }
                for (String l : v.levers().keySet()) {
                    if (!leverIds.contains(l)) problems.add(Problem.at(where + ", levers", "'" + l + "' is not a lever" + suggest(l)));
                }
                boolean pricesOk = true;
                for (String item : v.prices().keySet()) {
                    LineItem it = items.get(item);
                    if (it == null) {
                        problems.add(Problem.at(where + ", prices", "'" + item + "' is not a line item" + suggest(item)));
                        pricesOk = false;
                    } else if (!it.tiers().isEmpty()) {
                        problems.add(Problem.at(where + ", prices." + item, "'" + item + "' is priced in tiers; a variant can only"
                                + " replace a flat unit price"));
                        pricesOk = false;
                    }
                }
                if (pricesOk && !v.prices().isEmpty()) {
                    Scenario applied = sc.withOverrides(v).withVariants(List.of());
                    for (Problem p : validate(applied)) {
                        problems.add(new Problem(where + ", prices (" + p.where() + ")", p.line(), p.column(), p.position(), p.message()));
                    }
                }
            }
        }

        // --- ids ---------------------------------------------------------------------------------------------------

        private void registerIds() {
            if (sc.drivers().isEmpty()) problems.add(Problem.at("drivers", "a scenario needs at least one driver"));
            if (sc.categories().isEmpty()) problems.add(Problem.at("categories", "a scenario needs at least one category"));
            for (int i = 0; i < sc.drivers().size(); i++) register(sc.drivers().get(i).id(), "driver", "drivers[" + i + "]");
            for (int i = 0; i < sc.variables().size(); i++) register(sc.variables().get(i).id(), "variable", "variables[" + i + "]");
            for (int i = 0; i < sc.items().size(); i++) register(sc.items().get(i).id(), "item", "items[" + i + "]");
            for (int i = 0; i < sc.categories().size(); i++) register(sc.categories().get(i).id(), "category", "categories[" + i + "]");
            for (int i = 0; i < sc.levers().size(); i++) register(sc.levers().get(i).id(), "lever", "levers[" + i + "]");
            Business bz = business();
            for (int i = 0; i < bz.denominators().size(); i++) {
                Denominator d = bz.denominators().get(i);
                register(d.id(), "denominator", "business.denominators[" + i + "]");
            }
        }

        private void register(String id, String kind, String where) {
            if (id == null || !ID.matcher(id).matches()) {
                problems.add(Problem.at(where + ".id", "'" + id + "' is not a valid id (letters, digits and _, not starting with a digit)"));
                return;
            }
            if (RESERVED.contains(id) || id.startsWith("costPer_")) {
                problems.add(Problem.at(where + ".id", "'" + id + "' is a built-in name; choose another id"));
                return;
            }
            if (Functions.isFunction(id) || RESULT_FUNCTIONS.contains(id)) {
                problems.add(Problem.at(where + ".id", "'" + id + "' is a function name; choose another id"));
                return;
            }
            String prev = idKind.putIfAbsent(id, kind);
            if (prev != null) {
                problems.add(Problem.at(where + ".id", "id '" + id + "' is already used by a " + prev));
            }
        }

        private Business business() {
            return sc.business() == null ? Business.empty() : sc.business();
        }

        // --- slots -------------------------------------------------------------------------------------------------

        private void allocate() {
            int nd = sc.drivers().size();
            int nl = sc.levers().size();
            driverInput = new int[nd];
            for (int i = 0; i < nd; i++) driverInput[i] = slots++;
            leverSlot = new int[nl];
            for (int i = 0; i < nl; i++) leverSlot[i] = slots++;
            savingSlot = new int[nl];
            for (int i = 0; i < nl; i++) savingSlot[i] = slots++;
            driverSlot = new int[nd];
            Set<String> replaced = new java.util.HashSet<>();
            for (Lever l : sc.levers()) {
                for (LeverEffect e : l.effects()) if (e.set() != null) replaced.add(e.set());
            }
            for (int i = 0; i < nd; i++) {
                String id = sc.drivers().get(i).id();
                if (replaced.contains(id) || nameSlot.containsKey(id)) {
                    driverSlot[i] = name(id);
                } else {
                    // no lever replaces this driver: formulas read its input slot directly, no copy step
                    driverSlot[i] = driverInput[i];
                    nameSlot.put(id, driverInput[i]);
                }
            }
            variableSlot = new int[sc.variables().size()];
            for (int i = 0; i < variableSlot.length; i++) variableSlot[i] = name(sc.variables().get(i).id());
            itemSlot = new int[sc.items().size()];
            for (int i = 0; i < itemSlot.length; i++) {
                itemSlot[i] = name(sc.items().get(i).id());
                slots += ItemSlots.COUNT - 1;
            }
            categorySlot = new int[sc.categories().size()];
            for (int i = 0; i < categorySlot.length; i++) categorySlot[i] = name(sc.categories().get(i).id());
            totalSlot = name("total");
            for (String m : RESERVED) {
                if (!m.equals("total")) metricSlot.put(m, name(m));
            }
            metricSlot.put("total", totalSlot);
            for (Denominator d : business().denominators()) {
                if (d.id() != null) metricSlot.put("costPer_" + d.id(), name("costPer_" + d.id()));
            }
        }

        private int name(String n) {
            Integer prev = nameSlot.get(n);
            if (prev != null) return prev;
            int s = slots++;
            nameSlot.put(n, s);
            return s;
        }

        private int hidden() {
            return slots++;
        }

        // --- formulas ----------------------------------------------------------------------------------------------

        /** Parses and checks a formula, adding its names to the node's deps; null (with a problem) when invalid. */
        private Fn formula(String text, String where, Node node) {
            if (text == null) {
                problems.add(Problem.at(where, "missing formula"));
                return null;
            }
            Expr e;
            try {
                e = Parser.parse(text);
            } catch (FormulaException x) {
                problems.add(Problem.inFormula(where, x.start(), x.detail()));
                return null;
            }
            FormulaException calls = Compiler.checkCalls(e);
            if (calls != null) {
                problems.add(Problem.inFormula(where, calls.start(), calls.detail()));
                return null;
            }
            boolean ok = true;
            for (Expr.Name n : Compiler.names(e)) {
                if (!nameSlot.containsKey(n.name())) {
                    problems.add(Problem.inFormula(where, n.start(), "unknown name '" + n.name() + "'" + suggest(n.name())));
                    ok = false;
                } else {
                    node.deps.add(n.name());
                }
            }
            if (!ok) return null;
            try {
                return Compiler.compile(e, scope);
            } catch (FormulaException x) {
                problems.add(Problem.inFormula(where, x.start(), x.detail()));
                return null;
            }
        }

        private String suggest(String name) {
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (String k : nameSlot.keySet()) {
                int d = distance(name.toLowerCase(), k.toLowerCase());
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            return best != null && bestD <= Math.max(1, name.length() / 3) && bestD < name.length()
                    ? " (did you mean '" + best + "'?)" : "";
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) prev[j] = j;
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }

        private Node node(String key, String where) {
            Node n = new Node(key, where);
            nodes.put(key, n);
            return n;
        }

        private static String itemWhere(int i, LineItem it) {
            return "items[" + i + "] '" + it.id() + "'";
        }

        // --- nodes -------------------------------------------------------------------------------------------------

        private void defineNodes() {
            if (!problems.isEmpty()) return;
            leverOverrides();
            for (int i = 0; i < sc.drivers().size(); i++) {
                Driver d = sc.drivers().get(i);
                Node n = node(d.id(), "drivers[" + i + "] '" + d.id() + "'");
                checkDriver(d, "drivers[" + i + "] '" + d.id() + "'");
                int in = driverInput[i];
                int out = driverSlot[i];
                List<LeverOverride> ov = leverDeps(d.id(), n);
                if (ov.isEmpty()) {
                    n.step = out == in ? NO_STEP : s -> s[out] = s[in];
                } else {
                    LeverOverride[] o = ov.toArray(new LeverOverride[0]);
                    n.step = s -> {
                        double v = s[in];
                        for (LeverOverride x : o) if (s[x.leverSlot] != 0) v = x.fn.eval(s);
                        s[out] = v;
                    };
                }
            }
            for (int i = 0; i < sc.variables().size(); i++) {
                Variable v = sc.variables().get(i);
                String where = "variables[" + i + "] '" + v.id() + "'";
                Node n = node(v.id(), where);
                Fn f = formula(v.formula(), where + ", field formula", n);
                int out = variableSlot[i];
                List<LeverOverride> ov = leverDeps(v.id(), n);
                if (f == null) continue;
                if (ov.isEmpty() && Compiler.isConstant(f)) {
                    constants.put(out, f.eval(null));
                    n.step = NO_STEP;
                } else if (ov.isEmpty()) {
                    n.step = s -> s[out] = f.eval(s);
                } else {
                    LeverOverride[] o = ov.toArray(new LeverOverride[0]);
                    n.step = s -> {
                        double x = f.eval(s);
                        for (LeverOverride e : o) if (s[e.leverSlot] != 0) x = e.fn.eval(s);
                        s[out] = x;
                    };
                }
            }
            Node hours = node("hoursPerMonth", "hoursPerMonth");
            int hoursSlot = hidden();
            Fn hoursFn = formula(sc.hoursPerMonth() == null ? Scenario.DEFAULT_HOURS_PER_MONTH : sc.hoursPerMonth(),
                    "hoursPerMonth", hours);
            if (hoursFn != null && Compiler.isConstant(hoursFn)) {
                constants.put(hoursSlot, hoursFn.eval(null));
                hours.step = NO_STEP;
            } else if (hoursFn != null) {
                hours.step = s -> s[hoursSlot] = hoursFn.eval(s);
            }
            itemCategory = new int[sc.items().size()];
            Map<String, Integer> catIdx = new HashMap<>();
            for (int c = 0; c < sc.categories().size(); c++) {
                Category cat = sc.categories().get(c);
                catIdx.put(cat.id(), c);
                if (cat.color() != null && !cat.color().matches("#[0-9a-fA-F]{6}")) {
                    problems.add(Problem.at("categories[" + c + "] '" + cat.id() + "', field color",
                            "'" + cat.color() + "' is not a colour of the form #rrggbb"));
                }
            }
            for (int i = 0; i < sc.items().size(); i++) {
                item(i, catIdx, hoursSlot);
            }
            for (int c = 0; c < sc.categories().size(); c++) {
                Category cat = sc.categories().get(c);
                Node n = node(cat.id(), "categories[" + c + "] '" + cat.id() + "'");
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < sc.items().size(); i++) {
                    if (itemCategory[i] == c) {
                        members.add(itemSlot[i]);
                        n.deps.add(sc.items().get(i).id());
                    }
                }
                int[] m = members.stream().mapToInt(Integer::intValue).toArray();
                int out = categorySlot[c];
                n.step = s -> {
                    double sum = 0;
                    for (int k : m) sum += s[k];
                    s[out] = sum;
                };
            }
            Node total = node("total", "total");
            int[] cats = categorySlot.clone();
            for (Category c : sc.categories()) total.deps.add(c.id());
            int ts = totalSlot;
            total.step = s -> {
                double sum = 0;
                for (int k : cats) sum += s[k];
                s[ts] = sum;
            };
            businessNodes();
            for (int i = 0; i < sc.scalePoints().size(); i++) {
                ScalePoint p = sc.scalePoints().get(i);
                String where = "scalePoints[" + i + "] '" + p.id() + "'";
                if (p.id() == null || p.id().isBlank()) problems.add(Problem.at("scalePoints[" + i + "].id", "missing id"));
                for (int j = 0; j < i; j++) {
                    if (p.id() != null && p.id().equals(sc.scalePoints().get(j).id())) {
                        problems.add(Problem.at(where, "scale point id '" + p.id() + "' is used twice"));
                    }
                }
                for (String d : p.values().keySet()) {
                    if (sc.driver(d) == null) problems.add(Problem.at(where + ", values", "'" + d + "' is not a driver" + suggest(d)));
                }
            }
            if (sc.sweep() != null) {
                var sw = sc.sweep();
                Driver d = sc.driver(sw.driver());
                if (d == null) problems.add(Problem.at("sweep.driver", "'" + sw.driver() + "' is not a driver"));
                if (sw.log() && (sw.from() <= 0 || sw.to() <= 0)) problems.add(Problem.at("sweep", "a log sweep needs from and to above 0"));
                if (sw.from() >= sw.to()) problems.add(Problem.at("sweep", "from must be below to"));
            }
        }

        private void checkDriver(Driver d, String where) {
            if (!Double.isFinite(d.value())) problems.add(Problem.at(where + ", field value", "value must be a finite number"));
            if (d.min() != null && d.max() != null && d.min() >= d.max()) {
                problems.add(Problem.at(where, "min (" + d.min() + ") must be below max (" + d.max() + ")"));
            }
            if (d.scale() == SliderScale.LOG && d.effectiveMin() <= 0) {
                problems.add(Problem.at(where + ", field min", "a log slider needs min above 0"));
            }
            if (d.step() != null && d.step() <= 0) problems.add(Problem.at(where + ", field step", "step must be above 0"));
        }

        private List<LeverOverride> leverDeps(String key, Node n) {
            List<LeverOverride> ov = overrides.getOrDefault(key, List.of());
            for (LeverOverride o : ov) n.deps.addAll(pendingDeps.getOrDefault(o, Set.of()));
            return ov;
        }

        final Map<LeverOverride, Set<String>> pendingDeps = new HashMap<>();

        private void leverOverrides() {
            for (int l = 0; l < sc.levers().size(); l++) {
                Lever lv = sc.levers().get(l);
                String lw = "levers[" + l + "] '" + lv.id() + "'";
                if (lv.effects().isEmpty()) problems.add(Problem.at(lw, "a lever needs at least one effect"));
                for (int e = 0; e < lv.effects().size(); e++) {
                    LeverEffect ef = lv.effects().get(e);
                    String where = lw + ", effects[" + e + "]";
                    LeverEffect.Kind kind = ef.kind();
                    if (kind == null) {
                        problems.add(Problem.at(where, "an effect needs exactly one target (item, category or set) and one change"
                                + " (factor, quantity, unitPrice, fixedMonthly, or formula with set)"));
                        continue;
                    }
                    String target = kind == LeverEffect.Kind.SET ? ef.set() : kind == LeverEffect.Kind.CATEGORY_FACTOR ? ef.category() : ef.item();
                    String want = switch (kind) {
                        case SET -> "driver or variable";
                        case CATEGORY_FACTOR -> "category";
                        default -> "item";
                    };
                    String have = idKind.get(target);
                    boolean ok = kind == LeverEffect.Kind.SET ? "driver".equals(have) || "variable".equals(have) : want.equals(have);
                    if (!ok) {
                        problems.add(Problem.at(where, "'" + target + "' is not " + (want.equals("item") ? "an " : "a ") + want + suggest(target)));
                        continue;
                    }
                    int ls = leverSlot[l];
                    switch (kind) {
                        case ITEM_FACTOR -> add(target + "#factor", new LeverOverride(ls, null, ef.factor()), Set.of());
                        case CATEGORY_FACTOR -> {
                            for (LineItem it : sc.items()) {
                                if (target.equals(it.category())) add(it.id() + "#factor", new LeverOverride(ls, null, ef.factor()), Set.of());
                            }
                        }
                        case ITEM_FIXED -> add(target + "#fixed", new LeverOverride(ls, null, ef.fixedMonthly()), Set.of());
                        default -> {
                            String text = kind == LeverEffect.Kind.SET ? ef.formula() : kind == LeverEffect.Kind.ITEM_QUANTITY ? ef.quantity() : ef.unitPrice();
                            String field = kind == LeverEffect.Kind.SET ? "formula" : kind == LeverEffect.Kind.ITEM_QUANTITY ? "quantity" : "unitPrice";
                            Node tmp = new Node("tmp", where);
                            Fn f = formula(text, where + ", field " + field, tmp);
                            if (f == null) continue;
                            String key = kind == LeverEffect.Kind.SET ? target : target + "#" + field;
                            add(key, new LeverOverride(ls, f, 0), tmp.deps);
                        }
                    }
                }
            }
        }

        private void add(String key, LeverOverride o, Set<String> deps) {
            overrides.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            pendingDeps.put(o, deps);
        }

        private void item(int i, Map<String, Integer> catIdx, int hoursSlot) {
            LineItem it = sc.items().get(i);
            String w = itemWhere(i, it);
            Node n = node(it.id(), w);
            Integer cat = it.category() == null ? null : catIdx.get(it.category());
            if (cat == null) {
                problems.add(Problem.at(w + ", field category", it.category() == null ? "missing category"
                        : "'" + it.category() + "' is not a category" + suggest(it.category())));
                itemCategory[i] = -1;
            } else {
                itemCategory[i] = cat;
            }
            Fn qty = formula(it.quantity(), w + ", field quantity", n);
            boolean tiered = !it.tiers().isEmpty();
            Fn price = null;
            if (tiered && it.unitPrice() != null) {
                problems.add(Problem.at(w, "give either unitPrice or tiers, not both"));
            } else if (!tiered) {
                price = it.unitPrice() == null ? null : formula(it.unitPrice(), w + ", field unitPrice", n);
                if (it.unitPrice() == null) problems.add(Problem.at(w + ", field unitPrice", "missing unitPrice (or tiers)"));
            }
            Fn free = it.freeAllowance() == null ? null : formula(it.freeAllowance(), w + ", field freeAllowance", n);
            Fn hours = null;
            if (it.hours() != null) {
                hours = formula(it.hours(), w + ", field hours", n);
                if (it.effectiveBilling() != Billing.HOURLY) problems.add(Problem.at(w + ", field hours", "hours only apply to billing \"hourly\""));
            } else if (it.effectiveBilling() == Billing.HOURLY) {
                n.deps.add("hoursPerMonth");
            }
            double[] upTo = new double[it.tiers().size()];
            Fn[] tierPrice = new Fn[it.tiers().size()];
            for (int t = 0; t < it.tiers().size(); t++) {
                Tier tier = it.tiers().get(t);
                String tw = w + ", tiers[" + t + "]";
                tierPrice[t] = formula(tier.unitPrice(), tw + ", field unitPrice", n);
                boolean last = t == it.tiers().size() - 1;
                if (tier.upTo() == null && !last) problems.add(Problem.at(tw, "only the last tier may omit upTo"));
                if (tier.upTo() != null && last && tiered) {
                    // a bounded last tier: quantities above it are priced at the last tier's price
                }
                upTo[t] = tier.upTo() == null ? Double.POSITIVE_INFINITY : tier.upTo();
                if (t > 0 && upTo[t] <= upTo[t - 1]) problems.add(Problem.at(tw + ", field upTo", "tiers must ascend: upTo " + tier.upTo() + " is not above the previous tier's"));
            }
            if (it.effectivePer() <= 0) problems.add(Problem.at(w + ", field per", "per must be above 0"));
            LeverOverride[] qOv = leverDeps(it.id() + "#quantity", n).toArray(new LeverOverride[0]);
            LeverOverride[] pOv = leverDeps(it.id() + "#unitPrice", n).toArray(new LeverOverride[0]);
            if (tiered && pOv.length > 0) problems.add(Problem.at(w, "a lever replaces the unit price of a tiered item; change its tiers instead"));
            LeverOverride[] fOv = overrides.getOrDefault(it.id() + "#factor", List.of()).toArray(new LeverOverride[0]);
            LeverOverride[] xOv = overrides.getOrDefault(it.id() + "#fixed", List.of()).toArray(new LeverOverride[0]);
            if (qty == null || (!tiered && price == null) || (tiered && Arrays.asList(tierPrice).contains(null))) return;
            final Fn fq = qty, fp = price, ff = free;
            final Fn fh = hours != null ? hours : (it.effectiveBilling() == Billing.HOURLY ? (s -> s[hoursSlot]) : null);
            final double per = it.effectivePer();
            final boolean volume = it.effectiveTierMode() == TierMode.VOLUME;
            final Double fixed = it.fixedMonthly();
            final int out = itemSlot[i];
            n.step = s -> {
                double q = fq.eval(s);
                for (LeverOverride o : qOv) if (s[o.leverSlot] != 0) q = o.fn.eval(s);
                double billable = q;
                if (ff != null) billable = q - ff.eval(s);
                if (billable < 0) billable = 0;
                double priced;
                double unit;
                if (tierPrice.length == 0) {
                    unit = fp.eval(s);
                    for (LeverOverride o : pOv) if (s[o.leverSlot] != 0) unit = o.fn.eval(s);
                    priced = billable * unit / per;
                } else {
                    priced = 0;
                    if (volume) {
                        int t = 0;
                        while (t < upTo.length - 1 && billable > upTo[t]) t++;
                        priced = billable * tierPrice[t].eval(s) / per;
                    } else {
                        double lower = 0;
                        for (int t = 0; t < upTo.length && billable > lower; t++) {
                            double hi = t == upTo.length - 1 ? billable : Math.min(billable, upTo[t]);
                            priced += (hi - lower) * tierPrice[t].eval(s) / per;
                            lower = hi;
                        }
                    }
                    unit = billable > 0 ? priced * per / billable : tierPrice[0].eval(s);
                }
                if (fh != null) priced *= fh.eval(s);
                double monthly = fixed != null ? fixed : priced;
                for (LeverOverride o : xOv) if (s[o.leverSlot] != 0) monthly = o.value;
                for (LeverOverride o : fOv) {
                    if (s[o.leverSlot] != 0) {
                        priced *= o.value;
                        monthly *= o.value;
                    }
                }
                s[out] = monthly;
                s[out + ItemSlots.QUANTITY] = q;
                s[out + ItemSlots.UNIT_PRICE] = unit;
                s[out + ItemSlots.BILLABLE] = billable;
                s[out + ItemSlots.BASIS] = priced;
            };
        }

        private void businessNodes() {
            Business bz = business();
            int users = metricSlot.get("users");
            Node un = node("users", "business.users");
            Fn usersFn = bz.users() == null ? Compiler.constant(Double.NaN) : formula(bz.users().formula(), "business.users, field formula", un);
            if (usersFn != null && Compiler.isConstant(usersFn)) {
                constants.put(users, usersFn.eval(null));
                un.step = NO_STEP;
            } else if (usersFn != null) {
                un.step = s -> s[users] = usersFn.eval(s);
            }
            Node cpu = node("costPerUser", "costPerUser");
            cpu.deps.add("total");
            cpu.deps.add("users");
            int cpuSlot = metricSlot.get("costPerUser");
            cpu.step = s -> s[cpuSlot] = s[totalSlot] / s[users];
            for (int i = 0; i < bz.denominators().size(); i++) {
                Denominator d = bz.denominators().get(i);
                if (d.id() == null) continue;
                String key = "costPer_" + d.id();
                Node dn = node(key, "business.denominators[" + i + "] '" + d.id() + "'");
                dn.deps.add("total");
                Fn f = formula(d.formula(), dn.where + ", field formula", dn);
                int slot = metricSlot.get(key);
                if (f != null) dn.step = s -> s[slot] = s[totalSlot] / f.eval(s);
            }
            int price = hiddenFormula("business.price", bz.price(), Double.NaN);
            int conversion = hiddenFormula("business.conversion", bz.conversion(), 0);
            int markup = hiddenFormula("business.markup", bz.markup(), 0);
            int funding = hiddenFormula("business.funding", bz.funding(), Double.NaN);
            int base;
            if (bz.payingBase() == null) {
                base = users;
            } else {
                base = hiddenFormula("business.payingBase", bz.payingBase(), Double.NaN);
            }
            String baseKey = bz.payingBase() == null ? "users" : "business.payingBase";
            int paying = metricSlot.get("payingUsers");
            metric("payingUsers", List.of(baseKey, "business.conversion"), s -> s[paying] = s[base] * s[conversion]);
            int revenue = metricSlot.get("revenue");
            metric("revenue", List.of("payingUsers", "business.price"), s -> s[revenue] = s[paying] * s[price]);
            int profit = metricSlot.get("profit");
            metric("profit", List.of("revenue", "total"), s -> s[profit] = s[revenue] - s[totalSlot]);
            int margin = metricSlot.get("margin");
            metric("margin", List.of("profit", "revenue"), s -> s[margin] = s[profit] / s[revenue]);
            int ber = metricSlot.get("breakEvenRevenue");
            metric("breakEvenRevenue", List.of("total", "business.markup"), s -> s[ber] = s[totalSlot] * (1 + s[markup]));
            int bep = metricSlot.get("breakEvenPayingUsers");
            metric("breakEvenPayingUsers", List.of("breakEvenRevenue", "business.price"), s -> s[bep] = s[ber] / s[price]);
            int bec = metricSlot.get("breakEvenConversion");
            metric("breakEvenConversion", List.of("breakEvenPayingUsers", baseKey), s -> s[bec] = s[bep] / s[base]);
            int runway = metricSlot.get("runwayMonths");
            metric("runwayMonths", List.of("total", "revenue", "business.funding"), s -> {
                double r = s[revenue];
                double burn = s[totalSlot] - (Double.isNaN(r) ? 0 : r);
                s[runway] = burn <= 0 ? Double.POSITIVE_INFINITY : s[funding] / burn;
            });
            int annual = metricSlot.get("annualTotal");
            metric("annualTotal", List.of("total"), s -> s[annual] = s[totalSlot] * 12);
        }

        private int hiddenFormula(String key, String text, double dflt) {
            Node n = node(key, key);
            int slot = hidden();
            Fn f = text == null ? Compiler.constant(dflt) : formula(text, key, n);
            if (f != null && Compiler.isConstant(f)) {
                constants.put(slot, f.eval(null));
                n.step = NO_STEP;
            } else if (f != null) {
                n.step = s -> s[slot] = f.eval(s);
            }
            return slot;
        }

        private void metric(String key, List<String> deps, Step step) {
            Node n = node(key, key);
            n.deps.addAll(deps);
            n.step = step;
        }

        // --- order -------------------------------------------------------------------------------------------------

        /** Tarjan's strongly connected components; a component of more than one node (or a self-loop) is a cycle. */
        private List<String> topologicalOrder() {
            List<String> keys = new ArrayList<>(nodes.keySet());
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) idx.put(keys.get(i), i);
            int n = keys.size();
            int[][] adj = new int[n][];
            for (int i = 0; i < n; i++) {
                adj[i] = nodes.get(keys.get(i)).deps.stream().filter(idx::containsKey).mapToInt(idx::get).toArray();
            }
            int[] index = new int[n];
            int[] low = new int[n];
            boolean[] onStack = new boolean[n];
            Arrays.fill(index, -1);
            int[] stack = new int[n];
            int sp = 0;
            int counter = 0;
            List<String> out = new ArrayList<>(n);
            // iterative Tarjan: each SCC is emitted after all SCCs it depends on, which is a valid evaluation order
            int[] callNode = new int[n];
            int[] callEdge = new int[n];
            for (int root = 0; root < n; root++) {
                if (index[root] >= 0) continue;
                int depth = 0;
                callNode[0] = root;
                callEdge[0] = 0;
                index[root] = low[root] = counter++;
                stack[sp++] = root;
                onStack[root] = true;
                while (depth >= 0) {
                    int v = callNode[depth];
                    if (callEdge[depth] < adj[v].length) {
                        int w = adj[v][callEdge[depth]++];
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[sp++] = w;
                            onStack[w] = true;
                            depth++;
                            callNode[depth] = w;
                            callEdge[depth] = 0;
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                    } else {
                        if (low[v] == index[v]) {
                            List<Integer> comp = new ArrayList<>();
                            int w;
                            do {
                                w = stack[--sp];
                                onStack[w] = false;
                                comp.add(w);
                            } while (w != v);
                            boolean selfLoop = comp.size() == 1 && Arrays.stream(adj[v]).anyMatch(x -> x == v);
                            if (comp.size() > 1 || selfLoop) {
                                reportCycle(comp, keys, adj);
                            }
                            for (int c : comp) out.add(keys.get(c));
                        }
                        depth--;
                        if (depth >= 0) {
                            int parent = callNode[depth];
                            low[parent] = Math.min(low[parent], low[v]);
                        }
                    }
                }
            }
            return out;
        }

        private void reportCycle(List<Integer> comp, List<String> keys, int[][] adj) {
            Set<Integer> in = new LinkedHashSet<>(comp);
            int start = comp.stream().min(Integer::compare).orElseThrow();
            // walk from start inside the component until we come back: BFS for a shortest path back to start
            Map<Integer, Integer> prev = new HashMap<>();
            java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
            q.add(start);
            Integer end = null;
            while (!q.isEmpty() && end == null) {
                int v = q.poll();
                for (int w : adj[v]) {
                    if (!in.contains(w)) continue;
                    if (w == start) {
                        end = v;
                        break;
                    }
                    if (!prev.containsKey(w)) {
                        prev.put(w, v);
                        q.add(w);
                    }
                }
            }
            List<String> path = new ArrayList<>();
            for (Integer v = end; v != null && v != start; v = prev.get(v)) path.add(0, keys.get(v));
            path.add(0, keys.get(start));
            path.add(keys.get(start));
            // read as "a uses b uses c uses a"
            problems.add(Problem.at(nodes.get(keys.get(start)).where, "cycle: " + String.join(" -> ", path)));
        }

        // --- stated figures ----------------------------------------------------------------------------------------

        private void compileStated() {
            List<StatedFigure> figs = sc.statedFigures();
            statedOf = new Fn[figs.size()];
            Map<String, Integer> items = new HashMap<>();
            for (int i = 0; i < sc.items().size(); i++) items.put(sc.items().get(i).id(), i);
            Map<String, Integer> levers = new HashMap<>();
            for (int i = 0; i < sc.levers().size(); i++) levers.put(sc.levers().get(i).id(), i);
            Compiler.Scope rs = new Compiler.Scope() {
                @Override
                public Fn name(Expr.Name n) throws FormulaException {
                    return scope.name(n);
                }

                @Override
                public Fn special(Expr.Call c) throws FormulaException {
                    return resultFunction(c, items::get, levers::get, itemSlot, savingSlot);
                }
            };
            for (int i = 0; i < figs.size(); i++) {
                StatedFigure f = figs.get(i);
                String where = "statedFigures[" + i + "] '" + f.label() + "'";
                if (f.at() != null && sc.scalePoint(f.at()) == null) {
                    problems.add(Problem.at(where + ", field at", "'" + f.at() + "' is not a scale point"));
                }
                for (String l : f.levers().keySet()) {
                    if (!levers.containsKey(l)) problems.add(Problem.at(where + ", field levers", "'" + l + "' is not a lever" + suggest(l)));
                }
                for (String d : f.set().keySet()) {
                    if (sc.driver(d) == null) problems.add(Problem.at(where + ", field set", "'" + d + "' is not a driver" + suggest(d)));
                }
                if (f.rounding() != null && f.rounding() < 0) problems.add(Problem.at(where + ", field rounding", "rounding must not be negative"));
                if (f.of() == null) {
                    problems.add(Problem.at(where + ", field of", "missing formula"));
                    continue;
                }
                try {
                    Expr e = Parser.parse(f.of());
                    statedOf[i] = Compiler.compile(e, rs);
                } catch (FormulaException x) {
                    String detail = x.detail();
                    if (detail.startsWith("unknown name '")) {
                        String nm = detail.substring(14, detail.indexOf('\'', 14));
                        detail += suggest(nm);
                    }
                    problems.add(Problem.inFormula(where + ", field of", x.start(), detail));
                }
            }
        }
    }
}
