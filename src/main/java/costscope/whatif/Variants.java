package costscope.whatif;

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

    /** The state an id names: a variant applied to the model, or the model itself for {@value #BASE}. */
    public static Compare.Named resolve(Scenario sc, String id) {
        Variant v = sc.variant(id);
        if (v != null) return new Compare.Named(v.id(), v.displayName(), sc.withOverrides(v));
        if (id.equals(BASE)) return new Compare.Named(BASE, "Base model", sc);
        throw new IllegalArgumentException("'" + id + "' is not a variant (have: " + String.join(", ", ids(sc)) + ")");
    }

    /** Every id {@link #resolve} accepts, variants first. */
    public static List<String> ids(Scenario sc) {
        List<String> out = new ArrayList<>(sc.variants().stream().map(Variant::id).toList());
        if (!out.contains(BASE)) out.add(BASE);
        return out;
    }
}
