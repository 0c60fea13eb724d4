package costscope.export.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The charts of the app that can be exported, by their CLI id (also used in exported file names). */
public enum ChartKind {
    COST_PER_USER("Cost per user"),
    TOTAL("Monthly cost by category"),
    CATEGORY_SHARES("Category shares"),
    SHARES_OVER_SCALE("Shares across the range"),
    COMPARE("Variants by category"),
    WATERFALL("Savings waterfall"),
    TORNADO("Sensitivity (tornado)"),
    TIMELINE("Monthly cost over the timeline"),
    CASH("Cash over the timeline");

    private final String title;

    ChartKind(String title) {
        this.title = title;
    }

    /** The CLI id: the name in lower case with hyphens ({@code cost-per-user}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The default title when the scenario does not give a better one. */
    public String title() {
        return title;
    }

    /** The kind with this id, or null. */
    public static ChartKind byId(String id) {
        for (ChartKind k : values()) if (k.id().equals(id)) return k;
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ChartKind::id).toList();
    }
}
