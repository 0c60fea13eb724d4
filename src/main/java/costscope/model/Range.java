package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * How uncertain a driver is: a distribution and its parameters (see {@link Distribution}). Samples stay within the
 * driver's min and max where it gives them (the distribution truncated there).
 */
@RecordBuilder
public record Range(Distribution distribution, Double low, Double high, Double mode, Double mean, Double sd)
        implements RangeBuilder.With {
}
