package costscope.ui.tables;

import costscope.export.Explain;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.LineItem;
import costscope.model.Scenario;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The breakdown's tree (category -> line item, then the total) over a hidden root. {@link #update} rebuilds the tree
 * only when the structure changes (categories, items or their membership) and otherwise writes the new values into
 * the existing rows, so expansion, selection and scroll position survive every recalculation.
 */
public final class BreakdownTree {
    private final TreeItem<BreakdownRow> root = new TreeItem<>();
    private final Map<String, TreeItem<BreakdownRow>> items = new HashMap<>();
    private List<List<String>> structure;

    public TreeItem<BreakdownRow> root() {
        return root;
    }

    /** The tree item of a row key ("item:ID", "category:ID", "total"), or null. */
    public TreeItem<BreakdownRow> find(String key) {
        return items.get(key);
    }

    /** Every row, in tree order (as sorted) (categories each followed by their items, then the total). */
    public List<BreakdownRow> rows() {
        List<BreakdownRow> out = new ArrayList<>();
        for (TreeItem<BreakdownRow> c : root.getChildren()) {
            out.add(c.getValue());
            for (TreeItem<BreakdownRow> i : c.getChildren()) out.add(i.getValue());
        }
        return out;
    }

    public BreakdownRow row(String key) {
        TreeItem<BreakdownRow> t = items.get(key);
        return t == null ? null : t.getValue();
    }

    /** Shows {@code r}; returns true when the rows were rebuilt (collapsed categories stay collapsed). */
    public boolean update(Results r) {
        Scenario sc = r.compiled().scenario();
        List<List<String>> now = structureOf(sc);
        boolean rebuild = !now.equals(structure);
        if (rebuild) {
            Set<String> collapsed = new HashSet<>();
            for (TreeItem<BreakdownRow> c : root.getChildren()) {
                if (!c.isExpanded() && !c.isLeaf()) collapsed.add(c.getValue().key());
            }
            structure = now;
            items.clear();
            List<TreeItem<BreakdownRow>> cats = new ArrayList<>();
            for (List<String> group : now) {
                TreeItem<BreakdownRow> cat = add(new BreakdownRow(BreakdownRow.Kind.CATEGORY, group.get(0), items.size()));
                for (String id : group.subList(1, group.size())) {
                    cat.getChildren().add(add(new BreakdownRow(BreakdownRow.Kind.ITEM, id, items.size())));
                }
                cat.setExpanded(!collapsed.contains(cat.getValue().key()));
                cats.add(cat);
            }
            cats.add(add(new BreakdownRow(BreakdownRow.Kind.TOTAL, null, items.size())));
            root.getChildren().setAll(cats);
        }
        fill(r);
        return rebuild;
    }

    private TreeItem<BreakdownRow> add(BreakdownRow row) {
        TreeItem<BreakdownRow> t = new TreeItem<>(row);
        items.put(row.key(), t);
        return t;
    }

    /** Category ids, each followed by its item ids, in display order. */
    static List<List<String>> structureOf(Scenario sc) {
        List<List<String>> out = new ArrayList<>();
        for (var c : sc.categories()) {
            List<String> g = new ArrayList<>();
            g.add(c.id());
            for (LineItem it : sc.items()) if (c.id().equals(it.category())) g.add(it.id());
            out.add(g);
        }
        return out;
    }

    private void fill(Results r) {
        Scenario sc = r.compiled().scenario();
        String cur = sc.currency();
        double users = users(r);
        for (Results.CategoryResult c : r.categories()) {
            BreakdownRow row = row(BreakdownRow.key(BreakdownRow.Kind.CATEGORY, c.id()));
            row.labelProperty().set(c.label());
            row.colorProperty().set(c.color());
            row.monthlyProperty().set(money(c.monthly(), cur));
            row.shareProperty().set(share(c.share()));
            row.perUserProperty().set(perUser(c.monthly(), users, cur));
        }
        for (LineItem it : sc.items()) {
            BreakdownRow row = row(BreakdownRow.key(BreakdownRow.Kind.ITEM, it.id()));
            Results.ItemResult ir = r.item(it.id());
            row.labelProperty().set(it.label());
            row.colorProperty().set(r.category(it.category()).color());
            row.quantityProperty().set(new Amount(ir.quantity(), quantityText(ir.quantity(), it)));
            row.unitPriceProperty().set(new Amount(ir.unitPrice(), unitPriceText(ir.unitPrice(), sc, it, cur)));
            row.monthlyProperty().set(money(ir.monthly(), cur));
            row.shareProperty().set(share(ir.share()));
            row.perUserProperty().set(perUser(ir.monthly(), users, cur));
        }
        BreakdownRow total = row("total");
        total.labelProperty().set("Total");
        total.monthlyProperty().set(money(r.monthlyTotal(), cur));
        total.shareProperty().set(share(r.monthlyTotal() == 0 ? Double.NaN : 1.0));
        total.perUserProperty().set(perUser(r.monthlyTotal(), users, cur));
    }

    /** The users metric, or NaN when the business model has no users. */
    static double users(Results r) {
        return r.compiled().scenario().business() == null || r.compiled().scenario().business().users() == null
                ? Double.NaN : r.value("users");
    }

    /** "150,000,000 tokens". */
    public static String quantityText(double q, LineItem it) {
        String unit = it.quantityUnit();
        return Formats.number(q) + (unit == null || unit.isBlank() ? "" : " " + unit);
    }

    /** "$3.00 / 1M tokens"; a tiered item's (or tiered pool's) price is the average of its tiers. */
    public static String unitPriceText(double p, Scenario sc, LineItem it, String currency) {
        String per = Explain.priceUnit(sc, it);
        var pool = sc.poolOf(it.id());
        boolean tiered = pool != null ? !pool.tiers().isEmpty() : !it.tiers().isEmpty();
        return Explain.price(p, currency) + (per.isEmpty() ? "" : " / " + per) + (tiered ? " (avg)" : "");
    }

    static Amount money(double v, String currency) {
        return new Amount(v, Formats.money(v, currency));
    }

    static Amount share(double v) {
        return new Amount(v, Formats.percent(v));
    }

    static Amount perUser(double monthly, double users, String currency) {
        if (Double.isNaN(users)) return Amount.EMPTY;
        return money(monthly / users, currency);
    }
}
