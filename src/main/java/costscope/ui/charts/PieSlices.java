package costscope.ui.charts;

import costscope.engine.Results;
import costscope.export.Formats;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Tooltip;

/**
 * The donut's data: one slice per category that costs something at the current point, coloured with the category's
 * token and labelled with its share. The slices are rebuilt only when that set of categories changes; otherwise
 * values and labels are set in place. Tooltips (name, monthly cost, share) are formatted when shown.
 */
public final class PieSlices {
    private final DonutChart chart;
    private List<ChartData.Slice> slices = List.of();
    private String currency = "USD";

    public PieSlices(DonutChart chart) {
        this.chart = chart;
    }

    public void clear() {
        slices = List.of();
        chart.getData().clear();
    }

    public void show(Results r, String currency) {
        this.currency = currency;
        List<ChartData.Slice> now = ChartData.slices(r);
        List<ChartData.Slice> before = slices;
        boolean sameSet = now.size() == before.size();
        for (int i = 0; sameSet && i < now.size(); i++) sameSet = now.get(i).category() == before.get(i).category();
        slices = now;
        if (!sameSet) {
            List<Node> nodes = fill(chart, now);
            for (int i = 0; i < now.size(); i++) {
                Node node = nodes.get(i);
                int index = i;
                Tooltip tip = new Tooltip();
                tip.setOnShowing(e -> tip.setText(tooltip(index)));
                Tooltip.install(node, tip);
            }
        } else {
            for (int i = 0; i < now.size(); i++) {
                PieChart.Data d = chart.getData().get(i);
                ChartData.Slice sl = now.get(i);
                if (d.getPieValue() != sl.monthly()) d.setPieValue(sl.monthly());
                if (before.get(i).share() != sl.share()) {
                    String pct = sl.percent();
                    if (!d.getName().equals(pct)) d.setName(pct);
                }
            }
        }
        chart.caption().setText(ChartData.shortMoney(r.monthlyTotal(), currency) + "\nper month");
    }

    /**
     * Puts the slices into a pie, one per category that costs something, each coloured with its category's token and
     * with the id {@code slice-ID}; returns their nodes in slice order.
     */
    public static List<Node> fill(PieChart chart, List<ChartData.Slice> slices) {
        List<PieChart.Data> data = new ArrayList<>();
        for (ChartData.Slice sl : slices) data.add(new PieChart.Data(sl.percent(), sl.monthly()));
        chart.getData().setAll(data);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Node node = data.get(i).getNode();
            node.setStyle(CategoryColors.pie(slices.get(i).category()));
            node.setId("slice-" + slices.get(i).id());
            nodes.add(node);
        }
        return nodes;
    }

    private String tooltip(int index) {
        if (index >= slices.size()) return "";
        ChartData.Slice sl = slices.get(index);
        return sl.label() + ": " + Formats.money(sl.monthly(), currency) + " / month (" + sl.percent() + ")";
    }
}
