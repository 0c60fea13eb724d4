package costscope.cli;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.formula.NumberInput;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.whatif.Variants;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that set the state a command works at, {@code --variant ID}, {@code --at POINT}, {@code --set ID=VALUE}
 * and {@code --lever ID=on|off}: declared here once for every command that takes them (a picocli mixin), with their
 * one parser, {@link #applyTo}. A command may word the descriptions differently through its resource bundle (keys
 * {@code variant}, {@code at}, {@code set}, {@code lever}).
 */
public final class StateOptions {
    @Option(names = "--variant", paramLabel = "ID", descriptionKey = "variant",
            description = "start from a variant of the model (see `compare`)")
    String variant;
    @Mixin
    AtOption point;
    @Option(names = "--set", paramLabel = "ID=VALUE", descriptionKey = "set",
            description = "set a driver; values like 1000, 100k, 2.5M, 1e9, 5%%")
    List<String> sets = new ArrayList<>();
    @Option(names = "--lever", paramLabel = "ID=on|off", descriptionKey = "lever", description = "switch a lever on or off")
    List<String> levers = new ArrayList<>();

    /** The scale point id given with --at, or null. */
    public String at() {
        return point.at;
    }

    /** An evaluator of the compiled scenario at the state the options give (recompiled if a variant changes the items). */
    Evaluator evaluator(Path file, CompiledScenario c) throws ScenarioException {
        Scenario s = applyTo(file, c.scenario());
        if (!s.items().equals(c.scenario().items())) c = CompiledScenario.compile(s);
        return c.newEvaluator(s);
    }

    /**
     * Applies the options to a scenario read from {@code file}, in this order: the variant, the scale point, the
     * driver values, the levers. Bad input throws an IllegalArgumentException whose message names the file.
     */
    public Scenario applyTo(Path file, Scenario sc) {
        if (variant != null && !(variant.equals(Variants.BASE) && sc.variant(variant) == null)) {
            if (sc.variant(variant) == null) {
                throw bad(file, "--variant " + variant + ": no such variant (have: "
                        + (sc.variants().isEmpty() ? "none" : String.join(", ", sc.variants().stream().map(v -> v.id()).toList())) + ")");
            }
            sc = sc.withVariant(variant);
        }
        String at = at();
        if (at != null) {
            if (sc.scalePoint(at) == null) {
                throw bad(file, "--at " + at + ": no such scale point (have: "
                        + String.join(", ", sc.scalePoints().stream().map(p -> p.id()).toList()) + ")");
            }
            sc = sc.atScalePoint(at);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw bad(file, "--set " + s + ": expected ID=VALUE");
            String id = s.substring(0, eq).trim();
            if (sc.driver(id) == null) {
                throw bad(file, "--set " + s + ": '" + id + "' is not a driver (have: "
                        + String.join(", ", sc.drivers().stream().map(d -> d.id()).toList()) + ")");
            }
            try {
                sc = sc.withDriverValue(id, NumberInput.parse(s.substring(eq + 1)));
            } catch (InputException x) {
                throw bad(file, "--set " + s + ": " + x.getMessage());
            }
        }
        for (String l : levers) {
            int eq = l.indexOf('=');
            if (eq <= 0) throw bad(file, "--lever " + l + ": expected ID=on or ID=off");
            String id = l.substring(0, eq).trim();
            String v = l.substring(eq + 1).trim().toLowerCase();
            if (sc.levers().stream().noneMatch(x -> x.id().equals(id))) {
                throw bad(file, "--lever " + l + ": '" + id + "' is not a lever (have: "
                        + String.join(", ", sc.levers().stream().map(x -> x.id()).toList()) + ")");
            }
            if (!v.equals("on") && !v.equals("off")) throw bad(file, "--lever " + l + ": expected on or off");
            sc = sc.withLeverEnabled(id, v.equals("on"));
        }
        return sc;
    }

    private static InputException bad(Path file, String message) {
        return new InputException(file + ": " + message);
    }
}
