package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/**
 * How one driver moves over the months, by exactly one of: {@code growth}, a compound rate per month ("0.15") or per
 * year ("20%/year", also "2%/month"), from the driver's value at month 0; {@code milestones}, values at months with
 * {@code interpolate} between them (linear unless given); {@code formula}, any formula of {@code month}.
 */
@RecordBuilder
public record TimelinePath(String driver, String growth, List<Milestone> milestones, Interpolation interpolate,
                           String formula) implements TimelinePathBuilder.With {
    public TimelinePath {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** A driver's value at a month. */
    public record Milestone(int month, double value) {
    }

    /** Between two milestones: a straight line, a straight line in the logarithm (constant growth), or a step. */
    public enum Interpolation {
        LINEAR, LOG, STEP
    }
}
