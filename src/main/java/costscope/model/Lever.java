package costscope.model;

import java.util.List;

/** A named optimization that can be switched on and off. */
public record Lever(String id, String label, boolean enabled, String description, List<LeverEffect> effects) {
    public Lever {
        effects = List.copyOf(effects);
    }

    public Lever withEnabled(boolean on) {
        return new Lever(id, label, on, description, effects);
    }
}
