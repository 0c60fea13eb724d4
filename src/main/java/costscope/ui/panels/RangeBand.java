package costscope.ui.panels;

import costscope.export.Formats;
import costscope.model.Distribution;
import costscope.model.Range;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A driver's range drawn on its slider: a translucent band across the track from the range's low to its high (the 5th
 * to 95th percentile of a normal or lognormal range), and the mode of a triangular or PERT range as a tick. It lies
 * under the slider (the same size, in a stack; taller than the track, so it shows around it and the thumb stays on top)
 * and lets the mouse through. Its place comes from the slider's own value-to-pixel mapping ({@link SliderMapping#pixel})
 * on the track as the slider's skin lays it out, so it follows log sliders, resizing and the driver's min and max.
 */
final class RangeBand extends Pane {
    /** z of a standard normal at the 95th percentile: a normal range given as mean and sd spans mean +- Z95 sd. */
    private static final double Z95 = 1.6448536269514722;

    /** What the band spans (values) and where its tick is (NaN for none). */
    record Span(double from, double to, double mark) {
    }

    private final Slider slider;
    private final Region band = new Region();
    private final Region tick = new Region();
    /** Built when first asked for (the mouse over the band). */
    private Tooltip tooltip;
    private String text = "";
    private SliderMapping mapping;
    private Range range;
    private boolean shown;
    private Span span;

    RangeBand(Slider slider) {
        this.slider = slider;
        getStyleClass().add("range-band-layer");
        band.getStyleClass().add("range-band");
        tick.getStyleClass().add("range-mode");
        band.setManaged(false);
        tick.setManaged(false);
        getChildren().addAll(band, tick);
        setMouseTransparent(true);
        setPickOnBounds(false);
        show(null, null);
    }

    /** Shows a driver's range (null: none) on a slider mapped by {@code m}. */
    void show(Range r, SliderMapping m) {
        // a drag shows its row on every frame: only a new range or slider range needs the band laid out again
        if (shown && java.util.Objects.equals(r, range) && java.util.Objects.equals(m, mapping)) return;
        shown = true;
        range = r;
        mapping = m;
        span = r == null || m == null ? null : span(r);
        text = span == null ? "" : describe(r);
        if (tooltip != null && !tooltip.getText().equals(text)) tooltip.setText(text);
        band.setVisible(span != null);
        tick.setVisible(span != null && !Double.isNaN(span.mark()));
        requestLayout();
    }

    /** The band's tooltip ("PERT 3 – 5, mode 4"); empty without a range. */
    Tooltip tooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip(text);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(420);
        }
        return tooltip;
    }

    /** Whether a point of the slider (its own coordinates) is over the band. */
    boolean covers(double sliderX) {
        if (!band.isVisible()) return false;
        Bounds b = band.getBoundsInParent();
        double x = sliderX + slider.getBoundsInParent().getMinX();
        return x >= b.getMinX() && x <= b.getMaxX();
    }

    Region band() {
        return band;
    }

    Region tick() {
        return tick;
    }

    @Override
    protected void layoutChildren() {
        Node thumb = slider.lookup(".thumb");
        Node track = slider.lookup(".track");
        if (span == null || thumb == null || track == null || slider.getWidth() <= 0) {
            band.resizeRelocate(0, 0, 0, 0);
            tick.resizeRelocate(0, 0, 0, 0);
            return;
        }
        // the track as the slider's skin lays it out: from half a thumb in from the left to half a thumb in from the right
        double thumbWidth = thumb.getLayoutBounds().getWidth();
        double left = slider.snappedLeftInset();
        double trackStart = left + thumbWidth / 2;
        double trackLength = slider.getWidth() - left - slider.snappedRightInset() - thumbWidth;
        Bounds sb = slider.getBoundsInParent();
        Bounds tb = track.getBoundsInParent();
        double x0 = sb.getMinX() + mapping.pixel(span.from(), trackStart, trackLength);
        double x1 = sb.getMinX() + mapping.pixel(span.to(), trackStart, trackLength);
        double mid = sb.getMinY() + tb.getMinY() + tb.getHeight() / 2;
        double h = tb.getHeight() + 10;
        if (!Double.isFinite(x0) || !Double.isFinite(x1)) {
            band.resizeRelocate(0, 0, 0, 0);
            tick.resizeRelocate(0, 0, 0, 0);
            return;
        }
        band.resizeRelocate(x0, mid - h / 2, Math.max(2, x1 - x0), h);
        if (tick.isVisible()) {
            double xm = sb.getMinX() + mapping.pixel(span.mark(), trackStart, trackLength);
            double th = h + 4;
            tick.resizeRelocate(xm - 1, mid - th / 2, 2, th);
        }
    }

    /**
     * The values a range spans on the slider: low to high (for normal and lognormal the 5th and 95th percentiles,
     * which low and high are; a normal given as mean and sd spans the same percentiles), and the mode of a triangular or
     * PERT range (default: the midpoint). Null when the range lacks what it needs.
     */
    static Span span(Range r) {
        if (r == null || r.distribution() == null) return null;
        Double low = r.low();
        Double high = r.high();
        if (r.distribution() == Distribution.NORMAL && (low == null || high == null) && r.mean() != null && r.sd() != null) {
            low = r.mean() - Z95 * r.sd();
            high = r.mean() + Z95 * r.sd();
        }
        if (low == null || high == null || !(low <= high)) return null;
        boolean peaked = r.distribution() == Distribution.TRIANGULAR || r.distribution() == Distribution.PERT;
        double mark = !peaked ? Double.NaN : r.mode() != null ? r.mode() : 0.5 * low + 0.5 * high;
        return new Span(low, high, mark);
    }

    /**
     * A range in words, as the band's tooltip says it: "PERT 3 – 5, mode 4", "Uniform 3 – 5", "Normal 3 – 5 (5th to
     * 95th percentile)", "Normal, mean 4, sd 0.5".
     */
    static String describe(Range r) {
        if (r == null || r.distribution() == null) return "";
        String ends = r.low() == null || r.high() == null ? null : Formats.number(r.low()) + " \u2013 " + Formats.number(r.high());
        return switch (r.distribution()) {
            case UNIFORM -> "Uniform " + ends;
            case TRIANGULAR, PERT -> (r.distribution() == Distribution.PERT ? "PERT " : "Triangular ") + ends
                    + (r.mode() != null ? ", mode " + Formats.number(r.mode())
                    : ends == null ? "" : ", mode " + Formats.number(0.5 * r.low() + 0.5 * r.high()) + " (the midpoint)");
            case NORMAL -> ends != null ? "Normal " + ends + " (5th to 95th percentile)"
                    : "Normal, mean " + (r.mean() == null ? "?" : Formats.number(r.mean())) + ", sd "
                    + (r.sd() == null ? "?" : Formats.number(r.sd()));
            case LOGNORMAL -> "Lognormal " + ends + " (5th to 95th percentile)";
        };
    }
}
