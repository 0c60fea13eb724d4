package costscope.files;

import costscope.files.ScenarioJson.FormulaText;
import costscope.model.Business;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.StatedFigure;
import costscope.model.Tier;
import costscope.model.Variable;
import costscope.model.Variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts the model to the file's objects ({@link ScenarioJson}) for Jackson to write in their declared order.
 * Optional lists and maps that are empty, and a lever's {@code enabled} when false, are left out (null).
 */
final class ModelWriter {
    private ModelWriter() {
    }

    private static <M, J> List<J> list(List<M> in, Function<M, J> conv) {
        return in.stream().map(conv).toList();
    }

    private static <M, J> List<J> optional(List<M> in, Function<M, J> conv) {
        return in.isEmpty() ? null : list(in, conv);
    }

    private static <V> LinkedHashMap<String, V> optional(Map<String, V> in) {
        return in.isEmpty() ? null : new LinkedHashMap<>(in);
    }

    private static FormulaText f(String text) {
        return FormulaText.of(text);
    }

    static ScenarioJson.File file(Scenario s) {
        ScenarioJson.File f = new ScenarioJson.File();
        f.format = Scenario.FORMAT;
        f.version = Scenario.VERSION;
        f.name = s.name();
        f.description = s.description();
        f.currency = s.currency();
        f.hoursPerMonth = f(s.hoursPerMonth());
        f.drivers = list(s.drivers(), ModelWriter::driver);
        f.variables = optional(s.variables(), ModelWriter::variable);
        f.categories = list(s.categories(), ModelWriter::category);
        f.items = list(s.items(), ModelWriter::item);
        f.levers = optional(s.levers(), ModelWriter::lever);
        f.business = s.business() == null ? null : business(s.business());
        if (s.sweep() != null) {
            f.sweep = new ScenarioJson.SweepJ();
            f.sweep.driver = s.sweep().driver();
            f.sweep.from = s.sweep().from();
            f.sweep.to = s.sweep().to();
            f.sweep.log = s.sweep().log();
        }
        f.scalePoints = optional(s.scalePoints(), ModelWriter::point);
        f.statedFigures = optional(s.statedFigures(), ModelWriter::stated);
        f.variants = optional(s.variants(), ModelWriter::variant);
        return f;
    }

    private static ScenarioJson.DriverJ driver(Driver d) {
        ScenarioJson.DriverJ j = new ScenarioJson.DriverJ();
        j.id = d.id();
        j.label = d.label();
        j.unit = d.unit();
        j.value = d.value();
        j.min = d.min();
        j.max = d.max();
        j.step = d.step();
        j.scale = d.scale() == null ? null : d.scale().json();
        j.description = d.description();
        return j;
    }

    private static ScenarioJson.VariableJ variable(Variable v) {
        ScenarioJson.VariableJ j = new ScenarioJson.VariableJ();
        j.id = v.id();
        j.label = v.label();
        j.unit = v.unit();
        j.formula = f(v.formula());
        j.description = v.description();
        return j;
    }

    private static ScenarioJson.CategoryJ category(Category c) {
        ScenarioJson.CategoryJ j = new ScenarioJson.CategoryJ();
        j.id = c.id();
        j.label = c.label();
        j.color = c.color();
        j.description = c.description();
        return j;
    }

    private static ScenarioJson.ItemJ item(LineItem i) {
        ScenarioJson.ItemJ j = new ScenarioJson.ItemJ();
        j.id = i.id();
        j.label = i.label();
        j.category = i.category();
        j.quantity = f(i.quantity());
        j.quantityUnit = i.quantityUnit();
        j.unitPrice = f(i.unitPrice());
        j.per = i.per();
        j.priceUnit = i.priceUnit();
        j.billing = i.billing() == null ? null : i.billing().json();
        j.hours = f(i.hours());
        j.freeAllowance = f(i.freeAllowance());
        j.tiers = optional(i.tiers(), ModelWriter::tier);
        j.tierMode = i.tierMode() == null ? null : i.tierMode().json();
        j.fixedMonthly = i.fixedMonthly();
        j.description = i.description();
        return j;
    }

    private static ScenarioJson.TierJ tier(Tier t) {
        ScenarioJson.TierJ j = new ScenarioJson.TierJ();
        j.upTo = t.upTo();
        j.unitPrice = f(t.unitPrice());
        return j;
    }

    private static ScenarioJson.LeverJ lever(Lever l) {
        ScenarioJson.LeverJ j = new ScenarioJson.LeverJ();
        j.id = l.id();
        j.label = l.label();
        j.enabled = l.enabled() ? Boolean.TRUE : null;
        j.description = l.description();
        j.effects = list(l.effects(), ModelWriter::effect);
        return j;
    }

    private static ScenarioJson.EffectJ effect(LeverEffect e) {
        ScenarioJson.EffectJ j = new ScenarioJson.EffectJ();
        j.item = e.item();
        j.category = e.category();
        j.set = e.set();
        j.factor = e.factor();
        j.quantity = f(e.quantity());
        j.unitPrice = f(e.unitPrice());
        j.fixedMonthly = e.fixedMonthly();
        j.formula = f(e.formula());
        return j;
    }

    private static ScenarioJson.BusinessJ business(Business b) {
        ScenarioJson.BusinessJ j = new ScenarioJson.BusinessJ();
        if (b.users() != null) j.users = denominator(b.users());
        j.denominators = optional(b.denominators(), ModelWriter::denominator);
        j.price = f(b.price());
        j.conversion = f(b.conversion());
        j.payingBase = f(b.payingBase());
        j.markup = f(b.markup());
        j.funding = f(b.funding());
        return j;
    }

    private static ScenarioJson.DenominatorJ denominator(Denominator d) {
        ScenarioJson.DenominatorJ j = new ScenarioJson.DenominatorJ();
        j.id = d.id();
        j.label = d.label();
        j.formula = f(d.formula());
        return j;
    }

    private static ScenarioJson.ScalePointJ point(ScalePoint p) {
        ScenarioJson.ScalePointJ j = new ScenarioJson.ScalePointJ();
        j.id = p.id();
        j.label = p.label();
        j.values = new LinkedHashMap<>(p.values());
        return j;
    }

    private static ScenarioJson.StatedJ stated(StatedFigure s) {
        ScenarioJson.StatedJ j = new ScenarioJson.StatedJ();
        j.label = s.label();
        j.at = s.at();
        j.levers = optional(s.levers());
        j.set = optional(s.set());
        j.of = s.of();
        j.value = s.value();
        j.rounding = s.rounding();
        j.format = s.format() == null ? null : s.format().json();
        j.note = s.note();
        return j;
    }

    private static ScenarioJson.VariantJ variant(Variant v) {
        ScenarioJson.VariantJ j = new ScenarioJson.VariantJ();
        j.id = v.id();
        j.label = v.label();
        j.description = v.description();
        j.drivers = optional(v.drivers());
        j.levers = optional(v.levers());
        if (!v.prices().isEmpty()) {
            j.prices = new LinkedHashMap<>();
            v.prices().forEach((k, p) -> j.prices.put(k, f(p)));
        }
        return j;
    }
}
