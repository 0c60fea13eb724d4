package costscope.ui.export;

import costscope.export.chart.ChartKind;
import costscope.ui.charts.CompareBars;
import costscope.ui.charts.TornadoChart;
import costscope.ui.charts.WaterfallChart;
import costscope.whatif.WhatIfInput;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.Region;

/** The what-if charts as nodes for a slide (the same classes as the What-if tab): compare bars, waterfall, tornado. */
final class WhatIfCharts {
    /** Rows of a slide's tornado grow up to this height to fill the chart area. */
    static final double DECK_ROW_HEIGHT = 110;

    private WhatIfCharts() {
    }

    /** The chart node of a what-if kind (FX thread). */
    static Region node(ChartKind kind, WhatIfInput in, String currency) {
        return switch (kind) {
            case COMPARE -> {
                BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
                chart.getStyleClass().add("compare-bars");
                new CompareBars(chart).show(in.compare(), currency);
                yield chart;
            }
            case WATERFALL -> {
                WaterfallChart w = new WaterfallChart();
                w.setData(in.waterfall(), in.fromLabel(), in.toLabel(), currency);
                yield w;
            }
            case TORNADO -> {
                TornadoChart t = new TornadoChart();
                t.setMaxRowHeight(DECK_ROW_HEIGHT);
                t.show(in.sensitivity(), currency, 12);
                javafx.scene.layout.HBox legend = new javafx.scene.layout.HBox(
                        swatch("tornado-swatch-low"), legendText(TornadoChart.lowLegend(in.sensitivity())),
                        swatch("tornado-swatch-high"), legendText(TornadoChart.highLegend(in.sensitivity())),
                        swatch("tornado-swatch-base"), legendText(TornadoChart.baseLegend(in.sensitivity())));
                legend.getStyleClass().add("tornado-legend");
                Fit fit = new Fit(t);
                javafx.scene.layout.VBox.setVgrow(fit, javafx.scene.layout.Priority.ALWAYS);
                javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(legend, fit);
                box.getStyleClass().add("tornado-deck");
                yield box;
            }
            default -> throw new IllegalArgumentException(kind + " is not a what-if chart");
        };
    }

    private static Region swatch(String kind) {
        Region r = new Region();
        r.getStyleClass().addAll(kind.equals("tornado-swatch-base") ? java.util.List.of(kind) : java.util.List.of("tornado-swatch", kind));
        return r;
    }

    private static javafx.scene.control.Label legendText(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.getStyleClass().add("tornado-legend-text");
        return l;
    }

    /** Lays the tornado out to fill its area: the rows share the height. */
    private static final class Fit extends Region {
        private final TornadoChart tornado;

        Fit(TornadoChart tornado) {
            this.tornado = tornado;
            getChildren().add(tornado);
        }

        @Override
        protected void layoutChildren() {
            tornado.setFitHeight(getHeight());
            tornado.resizeRelocate(0, 0, getWidth(), Math.min(getHeight(), tornado.prefHeight(getWidth())));
        }
    }
}
