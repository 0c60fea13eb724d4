package costscope.whatif;

import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.Variant;

import java.util.ArrayList;
import java.util.List;

/** Naming the states of a model that what-if analysis compares: its variants, and the model as it is ("base"). */
public final class Variants {
    /** The id that names the model as it is, without a variant's overrides (unless a variant has that id). */
    public static final String BASE = "base";

    private Variants() {
    }

    /**
     * The state an id names: a variant applied to the model, or the model itself for {@value #BASE}; an id that names
     * neither is an {@link InputException} listing the ids there are.
     */
    public static Compare.Named resolve(Scenario sc, String id) {
        Variant v = sc.variant(id);
        // the states compared need not check the variant list again each time they are compiled
        if (v != null) return new Compare.Named(v.id(), v.displayName(), sc.withOverrides(v).alone());
        if (id.equals(BASE)) return new Compare.Named(BASE, "Base model", sc.alone());
        throw new InputException("'" + id + "' is not a variant (have: " + String.join(", ", ids(sc)) + ")");
    }

    /** Every id {@link #resolve} accepts, variants first. */
    public static List<String> ids(Scenario sc) {
        List<String> out = new ArrayList<>(sc.variants().stream().map(Variant::id).toList());
        if (!out.contains(BASE)) out.add(BASE);
        return out;
    }

    /**
     * Switching the explorer to a variant: its driver values and lever states. Its prices are not written into the
     * model's line items (that would replace the model's own prices for good, and a later save would write them as
     * the base); they apply wherever the variant is evaluated as such: Compare, the waterfall, the command line.
     */
    public static Scenario switchTo(Scenario sc, String id) {
        Variant v = sc.variant(id);
        return v == null ? sc : sc.withOverrides(valuesOf(v));
    }

    /** Whether the sliders and levers are in the variant's state (switching to it would change nothing). */
    public static boolean matches(Scenario sc, Variant v) {
        return sc.withOverrides(valuesOf(v)).equals(sc);
    }

    /** The variant's driver values and lever states, without its prices. */
    private static Variant valuesOf(Variant v) {
        return v.withPrices(java.util.Map.of());
    }

    /** An id for a new variant named {@code name}: "Haiku for moderation" -> haiku_for_moderation (unique). */
    public static String newId(Scenario sc, String name) {
        String base = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty()) base = "variant";
        if (Character.isDigit(base.charAt(0))) base = "v_" + base;
        String id = base;
        for (int n = 2; sc.variant(id) != null || id.equals(BASE); n++) id = base + "_" + n;
        return id;
    }

    /** The scenario with a new variant recording its current state, named {@code name}. */
    public static Scenario saveCurrent(Scenario sc, String name) {
        List<Variant> vs = new ArrayList<>(sc.variants());
        vs.add(sc.snapshot(newId(sc, name), name, null));
        return sc.withVariants(vs);
    }

    /** The scenario with variant {@code id} recording its current state (label and description kept; prices kept). */
    public static Scenario updateToCurrent(Scenario sc, String id) {
        return replace(sc, id, v -> {
            Variant snap = sc.snapshot(v.id(), v.label(), v.description());
            return v.withDrivers(snap.drivers()).withLevers(snap.levers());
        });
    }

    public static Scenario rename(Scenario sc, String id, String label) {
        return replace(sc, id, v -> v.withLabel(label));
    }

    /** Removes the variant; a timeline event that applied it no longer does (and goes when it did nothing else). */
    public static Scenario remove(Scenario sc, String id) {
        Scenario out = sc.withVariants(sc.variants().stream().filter(v -> !v.id().equals(id)).toList());
        if (sc.timeline() == null) return out;
        List<costscope.model.TimelineEvent> events = new ArrayList<>();
        for (costscope.model.TimelineEvent e : sc.timeline().events()) {
            if (!id.equals(e.variant())) {
                events.add(e);
            } else if (!e.levers().isEmpty() || e.cost() != null || e.funding() != null) {
                events.add(e.withVariant(null));
            }
        }
        return out.withTimeline(sc.timeline().withEvents(events));
    }

    private static Scenario replace(Scenario sc, String id, java.util.function.UnaryOperator<Variant> f) {
        if (sc.variant(id) == null) throw new IllegalArgumentException("'" + id + "' is not a variant");
        return sc.withVariants(sc.variants().stream().map(v -> v.id().equals(id) ? f.apply(v) : v).toList());
    }

    /** "Sets 2 drivers, 7 levers and 1 price", for tooltips. */
    public static String summary(Variant v) {
        List<String> parts = new ArrayList<>();
        if (!v.drivers().isEmpty()) parts.add(count(v.drivers().size(), "driver"));
        if (!v.levers().isEmpty()) parts.add(count(v.levers().size(), "lever"));
        if (!v.prices().isEmpty()) parts.add(count(v.prices().size(), "price"));
        if (parts.isEmpty()) return "Changes nothing: the base model as it is";
        String last = parts.remove(parts.size() - 1);
        return "Sets " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
