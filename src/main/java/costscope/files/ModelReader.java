package costscope.files;

import costscope.files.ScenarioJson.FormulaText;
import costscope.model.Billing;
import costscope.model.Business;
import costscope.model.BusinessBuilder;
import costscope.model.Category;
import costscope.model.Correlation;
import costscope.model.CorrelationBuilder;
import costscope.model.Distribution;
import costscope.model.CategoryBuilder;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.DriverBuilder;
import costscope.model.FigureFormat;
import costscope.model.JsonNames;
import costscope.model.Lever;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffect;
import costscope.model.LeverEffectBuilder;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.Place;
import costscope.model.Pool;
import costscope.model.PoolBuilder;
import costscope.model.Problem.Code;
import costscope.model.Problem;
import costscope.model.Range;
import costscope.model.RangeBuilder;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.ScenarioBuilder;
import costscope.model.SliderScale;
import costscope.model.StatedFigure;
import costscope.model.StatedFigureBuilder;
import costscope.model.Sweep;
import costscope.model.Timeline;
import costscope.model.TimelineBuilder;
import costscope.model.TimelineEvent;
import costscope.model.TimelineEventBuilder;
import costscope.model.TimelinePath;
import costscope.model.TimelinePathBuilder;
import costscope.model.SweepBuilder;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;
import costscope.model.VariableBuilder;
import costscope.model.Variant;
import costscope.model.VariantBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
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

    /** A choice spelt as the file spells it ({@link JsonNames}); another text is a problem naming the choices. */
    private <E extends Enum<E>> E choice(String s, Class<E> type, Place at) {
        if (s == null) return null;
        E e = JsonNames.parse(type, s);
        if (e == null) {
            problems.add(Problem.of(at, Code.CHOICE, "'" + s + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(a -> "\"" + JsonNames.of(a) + "\"").collect(Collectors.joining(", ")), s));
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
        List<Correlation> correlations = list(f.correlations, null, "correlations", false, (c, at) -> CorrelationBuilder.builder()
                .between(list(require(c.between, at, "between"), at, "between", false, (id, iw) -> id))
                .rank(nz(require(c.rank, at, "rank")))
                .build());
        List<Variable> vars = list(f.variables, null, "variables", false, (v, at) -> VariableBuilder.builder()
                .id(require(v.id, at, "id"))
                .label(require(v.label, at, "label"))
                .unit(v.unit)
                .formula(text(require(v.formula, at, "formula")))
                .description(v.description)
                .build());
        List<Category> cats = list(f.categories, null, "categories", true, (c, at) -> CategoryBuilder.builder()
                .id(require(c.id, at, "id"))
                .label(require(c.label, at, "label"))
                .color(c.color)
                .description(c.description)
                .build());
        List<LineItem> items = list(f.items, null, "items", true, this::item);
        List<Pool> pools = list(f.pools, null, "pools", false, this::pool);
        List<Lever> levers = list(f.levers, null, "levers", false, this::lever);
        Business business = f.business == null ? null : business(f.business);
        Sweep sweep = f.sweep == null ? null : sweep(f.sweep);
        List<ScalePoint> points = list(f.scalePoints, null, "scalePoints", false, (p, at) -> new ScalePoint(
                require(p.id, at, "id"), p.label, nonNullValues(require(p.values, at, "values"), at.row("values"))));
        List<StatedFigure> stated = list(f.statedFigures, null, "statedFigures", false, this::stated);
        List<Variant> variants = list(f.variants, null, "variants", false, this::variant);
        Timeline timeline = f.timeline == null ? null : timeline(f.timeline);
        return ScenarioBuilder.builder()
                .name(f.name)
                .description(f.description)
                .currency(f.currency == null ? Scenario.DEFAULT_CURRENCY : f.currency)
                .hoursPerMonth(text(f.hoursPerMonth))
                .drivers(drivers)
                .correlations(correlations)
                .variables(vars)
                .categories(cats)
                .items(items)
                .pools(pools)
                .levers(levers)
                .business(business)
                .sweep(sweep)
                .scalePoints(points)
                .statedFigures(stated)
                .variants(variants)
                .timeline(timeline)
                .build();
    }

    private Timeline timeline(ScenarioJson.TimelineJ t) {
        Place at = Place.part("timeline");
        Integer months = require(t.months, at, "months");
        return TimelineBuilder.builder()
                .months(months == null ? 1 : months)
                .start(t.start)
                .paths(list(t.paths, null, "timeline.paths", false, this::path))
                .events(list(t.events, null, "timeline.events", false, this::event))
                .build();
    }

    private TimelinePath path(ScenarioJson.PathJ p, Place at) {
        if (p.milestones != null && p.milestones.isEmpty()) {
            problems.add(Problem.of(at.field("milestones"), Code.MISSING, "give at least one milestone"));
        }
        int given = (p.growth != null ? 1 : 0) + (p.milestones != null ? 1 : 0) + (p.formula != null ? 1 : 0);
        if (given != 1) {
            problems.add(Problem.of(at, given == 0 ? Code.MISSING : Code.CONFLICT,
                    "give exactly one of growth, milestones and formula (have " + (given == 0 ? "none" : given) + ")"));
        }
        if (p.interpolate != null && p.milestones == null) {
            problems.add(Problem.of(at.field("interpolate"), Code.CONFLICT, "interpolate goes with milestones"));
        }
        return TimelinePathBuilder.builder()
                .driver(require(p.driver, at, "driver"))
                .growth(text(p.growth))
                .milestones(list(p.milestones, at, "milestones", false, (m, mw) -> new TimelinePath.Milestone(
                        require(m.month, mw, "month") == null ? 0 : m.month, nz(require(m.value, mw, "value")))))
                .interpolate(choice(p.interpolate, TimelinePath.Interpolation.class, at.field("interpolate")))
                .formula(text(p.formula))
                .build();
    }

    private TimelineEvent event(ScenarioJson.EventJ e, Place at) {
        if ((e.levers == null || e.levers.isEmpty()) && e.variant == null && e.cost == null && e.funding == null) {
            problems.add(Problem.of(at, Code.MISSING, "an event switches levers, applies a variant, pays a cost or receives funding:"
                    + " give at least one of levers, variant, cost and funding"));
        }
        return TimelineEventBuilder.builder()
                .month(require(e.month, at, "month") == null ? 0 : e.month)
                .label(e.label)
                .levers(nonNullValues(e.levers, at.row("levers")))
                .variant(e.variant)
                .cost(e.cost)
                .funding(e.funding)
                .build();
    }

    private Sweep sweep(ScenarioJson.SweepJ s) {
        Place at = Place.section("sweep");
        return SweepBuilder.builder()
                .driver(require(s.driver, at, "driver"))
                .from(nz(require(s.from, at, "from")))
                .to(nz(require(s.to, at, "to")))
                .log(s.log != null && s.log)
                .build();
    }

    private StatedFigure stated(ScenarioJson.StatedJ s, Place at) {
        return StatedFigureBuilder.builder()
                .label(require(s.label, at, "label"))
                .at(s.at)
                .month(s.month)
                .levers(nonNullValues(s.levers, at.row("levers")))
                .set(nonNullValues(s.set, at.row("set")))
                .of(require(s.of, at, "of"))
                .value(statedValue(s, at))
                .low(s.low)
                .high(s.high)
                .rounding(s.rounding)
                .format(choice(s.format, FigureFormat.class, at.field("format")))
                .note(s.note)
                .build();
    }

    /** The figure's value, or the midpoint of its {@code low} to {@code high} (given together, instead of value and rounding). */
    private double statedValue(ScenarioJson.StatedJ s, Place at) {
        if (s.low == null && s.high == null) return nz(require(s.value, at, "value"));
        if (s.value != null || s.rounding != null) {
            problems.add(Problem.of(at.field(s.value != null ? "value" : "rounding"), Code.CONFLICT,
                    "give value (and rounding) or low and high, not both"));
            return 0;
        }
        if (s.low == null || s.high == null) {
            problems.add(Problem.of(at.field(s.low == null ? "low" : "high"), Code.MISSING, "a range needs both low and high"));
            return 0;
        }
        if (!(s.low <= s.high)) {
            problems.add(Problem.of(at.field("high"), Code.RANGE, "high (" + s.high + ") must not be below low (" + s.low + ")"));
            return 0;
        }
        return (s.low + s.high) / 2;
    }

    private Variant variant(ScenarioJson.VariantJ v, Place at) {
        Map<String, String> prices = new LinkedHashMap<>();
        for (Map.Entry<String, FormulaText> e : nonNullValues(v.prices, at.row("prices")).entrySet()) {
            prices.put(e.getKey(), e.getValue().text());
        }
        return VariantBuilder.builder()
                .id(require(v.id, at, "id"))
                .label(v.label)
                .description(v.description)
                .drivers(nonNullValues(v.drivers, at.row("drivers")))
                .levers(nonNullValues(v.levers, at.row("levers")))
                .prices(prices)
                .build();
    }

    private Driver driver(ScenarioJson.DriverJ d, Place at) {
        return DriverBuilder.builder()
                .id(require(d.id, at, "id"))
                .label(require(d.label, at, "label"))
                .unit(d.unit)
                .value(nz(require(d.value, at, "value")))
                .min(d.min)
                .max(d.max)
                .step(d.step)
                .scale(choice(d.scale, SliderScale.class, at.field("scale")))
                .range(d.range == null ? null : range(d.range, at.row("range")))
                .description(d.description)
                .build();
    }

    private List<Tier> tiers(List<ScenarioJson.TierJ> in, Place at) {
        return list(in, at, "tiers", false, (t, tw) -> new Tier(t.upTo, text(require(t.unitPrice, tw, "unitPrice"))));
    }

    private Pool pool(ScenarioJson.PoolJ p, Place at) {
        List<String> items = list(require(p.items, at, "items"), at, "items", false, (id, iw) -> id);
        return PoolBuilder.builder()
                .id(require(p.id, at, "id"))
                .label(require(p.label, at, "label"))
                .items(items)
                .freeAllowance(text(p.freeAllowance))
                .unitPrice(text(p.unitPrice))
                .tiers(tiers(p.tiers, at))
                .tierMode(choice(p.tierMode, TierMode.class, at.field("tierMode")))
                .per(p.per)
                .priceUnit(p.priceUnit)
                .increment(text(p.increment))
                .description(p.description)
                .build();
    }

    private Range range(ScenarioJson.RangeJ r, Place at) {
        return RangeBuilder.builder()
                .distribution(choice(require(r.distribution, at, "distribution"), Distribution.class, at.field("distribution")))
                .low(r.low)
                .high(r.high)
                .mode(r.mode)
                .mean(r.mean)
                .sd(r.sd)
                .build();
    }

    private LineItem item(ScenarioJson.ItemJ i, Place at) {
        List<Tier> tiers = tiers(i.tiers, at);
        return LineItemBuilder.builder()
                .id(require(i.id, at, "id"))
                .label(require(i.label, at, "label"))
                .category(require(i.category, at, "category"))
                .quantity(text(require(i.quantity, at, "quantity")))
                .quantityUnit(i.quantityUnit)
                .unitPrice(text(i.unitPrice))
                .per(i.per)
                .priceUnit(i.priceUnit)
                .billing(choice(i.billing, Billing.class, at.field("billing")))
                .hours(text(i.hours))
                .freeAllowance(text(i.freeAllowance))
                .increment(text(i.increment))
                .tiers(tiers)
                .tierMode(choice(i.tierMode, TierMode.class, at.field("tierMode")))
                .minimumMonthly(text(i.minimumMonthly))
                .fixedMonthly(i.fixedMonthly)
                .upfront(text(i.upfront))
                .termMonths(i.termMonths)
                .description(i.description)
                .build();
    }

    private Lever lever(ScenarioJson.LeverJ l, Place at) {
        List<LeverEffect> effects = list(l.effects, at, "effects", true, (e, ew) -> LeverEffectBuilder.builder()
                .item(e.item)
                .category(e.category)
                .pool(e.pool)
                .set(e.set)
                .factor(e.factor)
                .quantity(text(e.quantity))
                .unitPrice(text(e.unitPrice))
                .fixedMonthly(e.fixedMonthly)
                .freeAllowance(text(e.freeAllowance))
                .tiers(e.tiers == null ? null : tiers(e.tiers, ew))
                .upfront(text(e.upfront))
                .formula(text(e.formula))
                .build());
        return LeverBuilder.builder()
                .id(require(l.id, at, "id"))
                .label(require(l.label, at, "label"))
                .enabled(l.enabled != null && l.enabled)
                .description(l.description)
                .effects(effects)
                .build();
    }

    private Business business(ScenarioJson.BusinessJ bz) {
        Place users = Place.section("business.users");
        Denominator u = bz.users == null ? null : new Denominator(null, bz.users.label, text(require(bz.users.formula, users, "formula")));
        if (bz.users != null && bz.users.id != null) {
            problems.add(Problem.of(users.field("id"), Code.UNKNOWN_FIELD, "users takes no id (it is always 'users')"));
        }
        List<Denominator> dens = list(bz.denominators, null, "business.denominators", false, (d, at) -> new Denominator(
                require(d.id, at, "id"), require(d.label, at, "label"), text(require(d.formula, at, "formula"))));
        return BusinessBuilder.builder()
                .users(u)
                .denominators(dens)
                .price(text(bz.price))
                .conversion(text(bz.conversion))
                .payingBase(text(bz.payingBase))
                .markup(text(bz.markup))
                .funding(text(bz.funding))
                .build();
    }
}
