package costscope.export.chart;

import java.util.Arrays;
import java.util.List;

/** The charts of the app that can be exported, by their CLI id (also used in exported file names). */
public enum ChartKind {
    COST_PER_USER("cost-per-user", "Cost per user"),
    TOTAL("total", "Monthly cost by category"),
    CATEGORY_SHARES("category-shares", "Category shares"),
    SHARES_OVER_SCALE("shares-over-scale", "Shares across the range"),
    COMPARE("compare", "Variants by category"),
    WATERFALL("waterfall", "Savings waterfall"),
    TORNADO("tornado", "Sensitivity (tornado)");

    private final String id;
    private final String title;

    ChartKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** The default title when the scenario does not give a better one. */
    public String title() {
        return title;
    }

    /** The kind with this id, or null. */
    public static ChartKind byId(String id) {
        for (ChartKind k : values()) if (k.id.equals(id)) return k;
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ChartKind::id).toList();
    }
}
