package costscope.ui.charts;

import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.Category;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The one legend of every chart: a row per category with its colour swatch (the category's token), its name and its
 * share at the current point; categories that cost nothing now are greyed. Rows are built when the categories change;
 * each recalculation only sets the share texts. Tooltips (name, monthly cost, share) are formatted when shown.
 */
public final class CategoryLegend {
    private static final PseudoClass ZERO = PseudoClass.getPseudoClass("zero");

    private final VBox rows;
    private final List<Label> shares = new ArrayList<>();
    private List<ChartData.LegendRow> current = List.of();
    private String currency = "USD";

    public CategoryLegend(VBox rows) {
        this.rows = rows;
    }

    public void rebuild(List<Category> cats) {
        rows.getChildren().clear();
        shares.clear();
        current = List.of();
        for (int i = 0; i < cats.size(); i++) rows.getChildren().add(row(cats.get(i), i));
    }

    private HBox row(Category c, int index) {
        Region swatch = new Region();
        swatch.getStyleClass().add("legend-swatch");
        swatch.setStyle(CategoryColors.background(index));
        Label name = new Label(c.label());
        name.getStyleClass().add("legend-name");
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label share = new Label();
        share.getStyleClass().add("legend-share");
        share.setMinWidth(Region.USE_PREF_SIZE);
        shares.add(share);
        HBox row = new HBox(6, swatch, name, share);
        row.getStyleClass().add("legend-row");
        row.setId("legend-" + c.id());
        costscope.ui.base.LazyTooltip.showing(row, 0, () -> tooltip(index));
        return row;
    }

    private String tooltip(int index) {
        if (index >= current.size()) return "";
        ChartData.LegendRow r = current.get(index);
        return r.label() + ": " + Formats.money(r.monthly(), currency) + " / month, " + Formats.percent(r.share())
                + " of the total";
    }

    public void show(Results r) {
        currency = r.compiled().scenario().currency();
        List<ChartData.LegendRow> now = ChartData.legend(r);
        for (int i = 0; i < now.size() && i < shares.size(); i++) {
            ChartData.LegendRow row = now.get(i);
            if (i < current.size() && current.get(i).share() == row.share() && current.get(i).zero() == row.zero()) continue;
            shares.get(i).setText(row.zero() && Double.isFinite(row.monthly()) ? "0%" : Formats.percent(row.share()));
            rows.getChildren().get(i).pseudoClassStateChanged(ZERO, row.zero());
        }
        current = now;
    }
}
