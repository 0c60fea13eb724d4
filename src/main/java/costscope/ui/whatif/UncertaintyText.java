package costscope.ui.whatif;

import costscope.engine.MonteCarlo;
import costscope.model.FigureFormat;
import costscope.ui.charts.InfluenceChart;
import costscope.whatif.WhatIfTables;

import java.util.List;
import java.util.stream.Collectors;

/** The words of the uncertainty charts: caption, status, value labels and the charts' accessible text. No JavaFX. */
public final class UncertaintyText {
    /** Shown instead of the charts while no driver has a range. */
    public static final String HINT = "Give a driver a range (Model tab or the driver's row) to see how uncertain this output is";
    /** The influence chart's title. */
    public static final String INFLUENCE_TITLE = "What drives the spread";

    private UncertaintyText() {
    }

    /** "10,000 samples" */
    public static String samples(int n) {
        return String.format("%,d", n) + (n == 1 ? " sample" : " samples");
    }

    /**
     * "10,000 samples, seed 1: mean $1,144.12, P10–P90 $1,080.50 – $1,205.10"; an output the ranges do not move says
     * so; samples that are not a number are counted.
     */
    public static String caption(Uncertainty u, String currency) {
        MonteCarlo.Spread s = u.spread();
        FigureFormat f = u.output().format();
        String head = samples(u.samples()) + ", seed " + u.seed() + ": ";
        String body;
        if (s.notANumber() == u.samples()) {
            body = u.output().label() + " is not a number in any sample";
        } else if (!u.varies()) {
            body = u.output().label() + " is " + value(s.min(), f, currency) + " in every sample; the ranges given do not move it";
        } else {
            // no break inside "P10–P90 $a – $b": a narrow caption wraps before it
            body = "mean " + value(s.mean(), f, currency) + ", P10\u2013P90\u00a0" + value(s.p10(), f, currency)
                    + "\u00a0\u2013\u00a0" + value(s.p90(), f, currency);
        }
        if (s.notANumber() > 0 && s.notANumber() < u.samples()) {
            body += " (" + String.format("%,d", s.notANumber()) + " not a number, left out)";
        }
        return head + body;
    }

    /** The status beside the progress indicator: what is on show while a run is going, or "" when all is done. */
    public static String status(Uncertainty shown, boolean running, int wanted) {
        if (!running) return "";
        if (shown != null && !shown.complete() && shown.samples() < wanted) {
            return "First estimate from " + samples(shown.samples()) + "; " + String.format("%,d", wanted) + " on the way\u2026";
        }
        return "Simulating " + samples(wanted) + "\u2026";
    }

    /** A value in the output's display format, as the rest of the app shows it. */
    public static String value(double v, FigureFormat f, String currency) {
        return WhatIfTables.format(v, f, currency);
    }

    /** The histogram's title: "Spread of Monthly total". */
    public static String histogramTitle(String outputLabel) {
        return "Spread of " + outputLabel;
    }

    /** The histogram's accessible text: its title and key figures. */
    public static String histogramAccessible(Uncertainty u, String currency) {
        MonteCarlo.Spread s = u.spread();
        FigureFormat f = u.output().format();
        return histogramTitle(u.output().label()) + ", histogram of " + samples(u.samples()) + ": now "
                + value(u.now(), f, currency) + "; P10 " + value(s.p10(), f, currency) + ", P50 " + value(s.p50(), f, currency)
                + ", P90 " + value(s.p90(), f, currency) + "; mean " + value(s.mean(), f, currency) + "; from "
                + value(s.min(), f, currency) + " to " + value(s.max(), f, currency);
    }

    /** The influence chart's accessible text: its title and each driver's rank correlation, largest first. */
    public static String influenceAccessible(String outputLabel, List<MonteCarlo.Influence> influence) {
        if (influence.isEmpty()) return INFLUENCE_TITLE + " of " + outputLabel + ": no uncertain driver";
        return INFLUENCE_TITLE + " of " + outputLabel + ", rank correlation of each uncertain driver: "
                + influence.stream().map(i -> i.label() + " " + InfluenceChart.rankText(i.rank())).collect(Collectors.joining(", "));
    }

    /** One driver's words: what its rank correlation says. */
    public static String influenceRow(MonteCarlo.Influence i, String outputLabel) {
        if (Double.isNaN(i.rank())) return i.label() + ": no rank correlation (" + outputLabel + " does not vary)";
        String way = i.rank() > 0 ? "higher" : "lower";
        String tail = Math.abs(i.rank()) < 0.05 ? "; it hardly moves " + outputLabel
                : "; when it is higher, " + outputLabel + " tends to be " + way;
        return i.label() + " (" + i.driver() + "): rank correlation " + InfluenceChart.rankText(i.rank()) + " with " + outputLabel + tail;
    }
}
