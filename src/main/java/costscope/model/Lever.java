package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/** A named optimization that can be switched on and off. */
@RecordBuilder
public record Lever(String id, String label, boolean enabled, String description, List<LeverEffect> effects) implements Element, LeverBuilder.With {
    public Lever {
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

}
