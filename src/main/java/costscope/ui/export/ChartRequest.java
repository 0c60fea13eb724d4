package costscope.ui.export;

import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;

/** What the export dialog asks for: which chart, in which format, how it looks. */
public record ChartRequest(ChartKind kind, boolean svg, DeckStyle style) {
    public String extension() {
        return svg ? "svg" : "png";
    }

    public ChartRequest withKind(ChartKind k) {
        return new ChartRequest(k, svg, style);
    }
}
