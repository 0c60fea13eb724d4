package costscope.ui.charts;

import costscope.engine.Palette;
import costscope.model.Category;

import java.util.List;

/**
 * Category colours as CSS tokens. The charts panel defines one looked-up colour per category, {@code -cs-cat-N}
 * (N = the category's position): the scenario's own colour, or the theme's palette token {@code -cs-series-N} (the
 * same colours as {@link Palette}, which {@code Results.CategoryResult.color()} reports). Every chart node of a
 * category (line, area, pie slice, legend swatch) is styled with that one token, so a category has the same colour
 * in every chart.
 */
public final class CategoryColors {
    /** Palette tokens defined in theme.css: -cs-series-0 .. -cs-series-11. */
    static final int THEME_TOKENS = 12;

    private CategoryColors() {
    }

    /** The token of the category at {@code index}: {@code -cs-cat-3}. */
    public static String token(int index) {
        return "-cs-cat-" + index;
    }

    /** The value of a category's token: its own {@code #rrggbb}, or the theme palette token for its position. */
    public static String value(Category c, int index) {
        if (Category.isColour(c.color())) return c.color();
        return "-cs-series-" + Math.floorMod(index, THEME_TOKENS);
    }

    /** The hex colour the token resolves to (what {@code Results.CategoryResult.color()} reports). */
    public static String hex(Category c, int index) {
        if (Category.isColour(c.color())) return c.color();
        return Palette.color(index);
    }

    /** Token definitions for the panel's inline style: {@code -cs-cat-0: #8e6cc9; -cs-cat-1: -cs-series-1;}. */
    public static String definitions(List<Category> categories) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            b.append(token(i)).append(": ").append(value(categories.get(i), i)).append("; ");
        }
        return b.toString().trim();
    }

    public static String stroke(int index) {
        return "-fx-stroke: " + token(index) + ";";
    }

    public static String fill(int index) {
        return "-fx-fill: " + token(index) + ";";
    }

    public static String pie(int index) {
        return "-fx-pie-color: " + token(index) + ";";
    }

    public static String background(int index) {
        return "-fx-background-color: " + token(index) + ";";
    }

    /** Colours a stacked area series' band and top edge (the group {@link RangeAreaChart} makes) by category index. */
    public static void colourArea(javafx.scene.Node group, int index) {
        for (javafx.scene.Node n : ((javafx.scene.Group) group).getChildren()) {
            n.setStyle(n.getStyleClass().contains("chart-series-area-fill") ? fill(index) : stroke(index));
        }
    }
}
