package costscope.files;

import costscope.files.JsonText.FormulaText;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Problem.Code;
import costscope.model.Scenario;
import costscope.model.ScenarioBuilder;

import java.util.List;
import java.util.function.Function;


/**
 * A scenario file, version 1, as Jackson reads and writes it: the top-level fields in file order, each object of the
 * file in a class of its own ({@link DriverJson}, {@link ItemJson}...) that declares its fields in their order and
 * reads and writes them, so a new field is declared, read and written in one place. Jackson sees only these plain
 * classes (no polymorphic typing, no JavaFX types). Fields are boxed so that a missing field is null (reported with
 * its place) and a field left out is not written.
 */
final class ScenarioJson {
    public String format;
    public Integer version;
    public String name;
    public String description;
    public String currency;
    public FormulaText hoursPerMonth;
    public List<DriverJson> drivers;
    public List<VariableJson> variables;
    public List<CategoryJson> categories;
    public List<ItemJson> items;
    public List<LeverJson> levers;
    public BusinessJson business;
    public SweepJson sweep;
    public List<ScalePointJson> scalePoints;
    public List<StatedFigureJson> statedFigures;
    public List<VariantJson> variants;

    /** The scenario, every missing or invalid field a problem in {@code r}. */
    Scenario read(Reading r) {
        Place file = Place.file();
        if (r.require(format, file, "format") != null && !Scenario.FORMAT.equals(format)) {
            r.add(Problem.of(Place.section("format"), Code.FORMAT,
                    "'" + format + "' is not a Costscope scenario (expected \"" + Scenario.FORMAT + "\")"));
        }
        if (r.require(version, file, "version") != null && version != Scenario.VERSION) {
            r.add(Problem.of(Place.section("version"), Code.FORMAT,
                    "version " + version + " is not supported (this Costscope reads version " + Scenario.VERSION + ")"));
        }
        r.require(name, file, "name");
        return ScenarioBuilder.builder()
                .name(name)
                .description(description)
                .currency(currency == null ? Scenario.DEFAULT_CURRENCY : currency)
                .hoursPerMonth(Reading.text(hoursPerMonth))
                .drivers(r.list(drivers, null, "drivers", true, (j, at) -> j.read(r, at)))
                .variables(r.list(variables, null, "variables", false, (j, at) -> j.read(r, at)))
                .categories(r.list(categories, null, "categories", true, (j, at) -> j.read(r, at)))
                .items(r.list(items, null, "items", true, (j, at) -> j.read(r, at)))
                .levers(r.list(levers, null, "levers", false, (j, at) -> j.read(r, at)))
                .business(business == null ? null : business.read(r))
                .sweep(sweep == null ? null : sweep.read(r))
                .scalePoints(r.list(scalePoints, null, "scalePoints", false, (j, at) -> j.read(r, at)))
                .statedFigures(r.list(statedFigures, null, "statedFigures", false, (j, at) -> j.read(r, at)))
                .variants(r.list(variants, null, "variants", false, (j, at) -> j.read(r, at)))
                .build();
    }

    /** The file of a scenario; optional lists that are empty are left out. */
    static ScenarioJson of(Scenario s) {
        ScenarioJson f = new ScenarioJson();
        f.format = Scenario.FORMAT;
        f.version = Scenario.VERSION;
        f.name = s.name();
        f.description = s.description();
        f.currency = s.currency();
        f.hoursPerMonth = FormulaText.of(s.hoursPerMonth());
        f.drivers = all(s.drivers(), DriverJson::of);
        f.variables = optional(s.variables(), VariableJson::of);
        f.categories = all(s.categories(), CategoryJson::of);
        f.items = all(s.items(), ItemJson::of);
        f.levers = optional(s.levers(), LeverJson::of);
        f.business = s.business() == null ? null : BusinessJson.of(s.business());
        f.sweep = s.sweep() == null ? null : SweepJson.of(s.sweep());
        f.scalePoints = optional(s.scalePoints(), ScalePointJson::of);
        f.statedFigures = optional(s.statedFigures(), StatedFigureJson::of);
        f.variants = optional(s.variants(), VariantJson::of);
        return f;
    }

    private static <M, J> List<J> all(List<M> in, Function<M, J> conv) {
        return in.stream().map(conv).toList();
    }

    private static <M, J> List<J> optional(List<M> in, Function<M, J> conv) {
        return in.isEmpty() ? null : all(in, conv);
    }
}
