package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/** The business model. Every value is a formula string or null. */
@RecordBuilder
public record Business(Denominator users, List<Denominator> denominators, String price, String conversion,
                       String payingBase, String markup, String funding) implements BusinessBuilder.With {
    public Business {
        denominators = denominators == null ? List.of() : List.copyOf(denominators);
    }

    public static Business empty() {
        return new Business(null, List.of(), null, null, null, null, null);
    }
}
