package costscope.files;

import costscope.files.ScenarioJson.FormulaText;
import costscope.model.Billing;
import costscope.model.Business;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.FigureFormat;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Problem.Code;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.SliderScale;
import costscope.model.StatedFigure;
import costscope.model.Sweep;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;
import costscope.model.Variant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Converts the file's objects ({@link ScenarioJson}) to the model, collecting every missing or invalid field with its place. */
final class ModelReader {
    private final List<Problem> problems;

    ModelReader(List<Problem> problems) {
        this.problems = problems;
    }

    private <T> T require(T v, Place at, String field) {
        if (v == null) problems.add(Problem.of(at.field(field), Code.MISSING, "missing required field '" + field + "'", field));
        return v;
    }

    private static String text(FormulaText t) {
        return FormulaText.text(t);
    }

    /**
     * The elements of a list, each converted; a null element is a problem, a missing required list too. A list of the
     * file ({@code owner} null) has elements {@code name[i]}; a list inside an element, {@code owner.name[i]}.
     */
    private <J, M> List<M> list(List<J> in, Place owner, String name, boolean required, BiFunction<J, Place, M> conv) {
        List<M> out = new ArrayList<>();
        if (in == null) {
            Place list = owner == null ? Place.section(name) : owner.field(name);
            if (required) problems.add(Problem.of(list, Code.MISSING, "missing required field '" + list.where() + "'"));
            return out;
        }
        for (int i = 0; i < in.size(); i++) {
            J j = in.get(i);
            Place at = owner == null ? Place.path(name, i) : owner.row(name, i);
            if (j == null) {
                problems.add(Problem.of(at, Code.NULL, "null is not allowed here"));
                continue;
            }
            out.add(conv.apply(j, at));
        }
        return out;
    }

    private <E extends Enum<E>> E choice(String s, Function<String, E> parse, E[] all, Function<E, String> json, Place at) {
        if (s == null) return null;
        E e = parse.apply(s);
        if (e == null) {
            problems.add(Problem.of(at, Code.CHOICE, "'" + s + "' is not one of "
                    + Arrays.stream(all).map(a -> "\"" + json.apply(a) + "\"").collect(Collectors.joining(", ")), s));
        }
        return e;
    }

    private <V> Map<String, V> nonNullValues(Map<String, V> m, Place at) {
        if (m == null) return Map.of();
        for (Map.Entry<String, V> e : m.entrySet()) {
            if (e.getValue() == null) problems.add(Problem.of(at.key(e.getKey()), Code.NULL, "null is not allowed here"));
        }
        m.values().removeIf(Objects::isNull);
        return m;
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    Scenario scenario(ScenarioJson.File f) {
        Place file = Place.file();
        if (require(f.format, file, "format") != null && !Scenario.FORMAT.equals(f.format)) {
            problems.add(Problem.of(Place.section("format"), Code.FORMAT,
                    "'" + f.format + "' is not a Costscope scenario (expected \"" + Scenario.FORMAT + "\")"));
        }
        if (require(f.version, file, "version") != null && f.version != Scenario.VERSION) {
            problems.add(Problem.of(Place.section("version"), Code.FORMAT,
                    "version " + f.version + " is not supported (this Costscope reads version " + Scenario.VERSION + ")"));
        }
        require(f.name, file, "name");
        List<Driver> drivers = list(f.drivers, null, "drivers", true, this::driver);
        List<Variable> vars = list(f.variables, null, "variables", false, (v, at) -> Variable.of(b -> {
            b.id = require(v.id, at, "id");
            b.label = require(v.label, at, "label");
            b.unit = v.unit;
            b.formula = text(require(v.formula, at, "formula"));
            b.description = v.description;
        }));
        List<Category> cats = list(f.categories, null, "categories", true, (c, at) -> Category.of(b -> {
            b.id = require(c.id, at, "id");
            b.label = require(c.label, at, "label");
            b.color = c.color;
            b.description = c.description;
        }));
        List<LineItem> items = list(f.items, null, "items", true, this::item);
        List<Lever> levers = list(f.levers, null, "levers", false, this::lever);
        Business business = f.business == null ? null : business(f.business);
        Sweep sweep = f.sweep == null ? null : sweep(f.sweep);
        List<ScalePoint> points = list(f.scalePoints, null, "scalePoints", false, (p, at) -> new ScalePoint(
                require(p.id, at, "id"), p.label, nonNullValues(require(p.values, at, "values"), at.row("values"))));
        List<StatedFigure> stated = list(f.statedFigures, null, "statedFigures", false, this::stated);
        List<Variant> variants = list(f.variants, null, "variants", false, this::variant);
        return Scenario.of(b -> {
            b.name = f.name;
            b.description = f.description;
            b.currency = f.currency == null ? Scenario.DEFAULT_CURRENCY : f.currency;
            b.hoursPerMonth = text(f.hoursPerMonth);
            b.drivers = drivers;
            b.variables = vars;
            b.categories = cats;
            b.items = items;
            b.levers = levers;
            b.business = business;
            b.sweep = sweep;
            b.scalePoints = points;
            b.statedFigures = stated;
            b.variants = variants;
        });
    }

    private Sweep sweep(ScenarioJson.SweepJ s) {
        Place at = Place.section("sweep");
        return Sweep.of(b -> {
            b.driver = require(s.driver, at, "driver");
            b.from = nz(require(s.from, at, "from"));
            b.to = nz(require(s.to, at, "to"));
            b.log = s.log != null && s.log;
        });
    }

    private StatedFigure stated(ScenarioJson.StatedJ s, Place at) {
        return StatedFigure.of(b -> {
            b.label = require(s.label, at, "label");
            b.at = s.at;
            b.levers = nonNullValues(s.levers, at.row("levers"));
            b.set = nonNullValues(s.set, at.row("set"));
            b.of = require(s.of, at, "of");
            b.value = nz(require(s.value, at, "value"));
            b.rounding = s.rounding;
            b.format = choice(s.format, FigureFormat::fromJson, FigureFormat.values(), FigureFormat::json, at.field("format"));
            b.note = s.note;
        });
    }

    private Variant variant(ScenarioJson.VariantJ v, Place at) {
        Map<String, String> prices = new LinkedHashMap<>();
        for (Map.Entry<String, FormulaText> e : nonNullValues(v.prices, at.row("prices")).entrySet()) {
            prices.put(e.getKey(), e.getValue().text());
        }
        return Variant.of(b -> {
            b.id = require(v.id, at, "id");
            b.label = v.label;
            b.description = v.description;
            b.drivers = nonNullValues(v.drivers, at.row("drivers"));
            b.levers = nonNullValues(v.levers, at.row("levers"));
            b.prices = prices;
        });
    }

    private Driver driver(ScenarioJson.DriverJ d, Place at) {
        return Driver.of(b -> {
            b.id = require(d.id, at, "id");
            b.label = require(d.label, at, "label");
            b.unit = d.unit;
            b.value = nz(require(d.value, at, "value"));
            b.min = d.min;
            b.max = d.max;
            b.step = d.step;
            b.scale = choice(d.scale, SliderScale::fromJson, SliderScale.values(), SliderScale::json, at.field("scale"));
            b.description = d.description;
        });
    }

    private LineItem item(ScenarioJson.ItemJ i, Place at) {
        List<Tier> tiers = list(i.tiers, at, "tiers", false, (t, tw) -> new Tier(t.upTo, text(require(t.unitPrice, tw, "unitPrice"))));
        return LineItem.of(b -> {
            b.id = require(i.id, at, "id");
            b.label = require(i.label, at, "label");
            b.category = require(i.category, at, "category");
            b.quantity = text(require(i.quantity, at, "quantity"));
            b.quantityUnit = i.quantityUnit;
            b.unitPrice = text(i.unitPrice);
            b.per = i.per;
            b.priceUnit = i.priceUnit;
            b.billing = choice(i.billing, Billing::fromJson, Billing.values(), Billing::json, at.field("billing"));
            b.hours = text(i.hours);
            b.freeAllowance = text(i.freeAllowance);
            b.tiers = tiers;
            b.tierMode = choice(i.tierMode, TierMode::fromJson, TierMode.values(), TierMode::json, at.field("tierMode"));
            b.fixedMonthly = i.fixedMonthly;
            b.description = i.description;
        });
    }

    private Lever lever(ScenarioJson.LeverJ l, Place at) {
        List<LeverEffect> effects = list(l.effects, at, "effects", true, (e, ew) -> LeverEffect.of(b -> {
            b.item = e.item;
            b.category = e.category;
            b.set = e.set;
            b.factor = e.factor;
            b.quantity = text(e.quantity);
            b.unitPrice = text(e.unitPrice);
            b.fixedMonthly = e.fixedMonthly;
            b.formula = text(e.formula);
        }));
        return Lever.of(b -> {
            b.id = require(l.id, at, "id");
            b.label = require(l.label, at, "label");
            b.enabled = l.enabled != null && l.enabled;
            b.description = l.description;
            b.effects = effects;
        });
    }

    private Business business(ScenarioJson.BusinessJ bz) {
        Place users = Place.section("business.users");
        Denominator u = bz.users == null ? null : new Denominator(null, bz.users.label, text(require(bz.users.formula, users, "formula")));
        if (bz.users != null && bz.users.id != null) {
            problems.add(Problem.of(users.field("id"), Code.UNKNOWN_FIELD, "users takes no id (it is always 'users')"));
        }
        List<Denominator> dens = list(bz.denominators, null, "business.denominators", false, (d, at) -> new Denominator(
                require(d.id, at, "id"), require(d.label, at, "label"), text(require(d.formula, at, "formula"))));
        return Business.of(b -> {
            b.users = u;
            b.denominators = dens;
            b.price = text(bz.price);
            b.conversion = text(bz.conversion);
            b.payingBase = text(bz.payingBase);
            b.markup = text(bz.markup);
            b.funding = text(bz.funding);
        });
    }
}
