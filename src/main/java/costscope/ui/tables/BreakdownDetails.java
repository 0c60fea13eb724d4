package costscope.ui.tables;

import costscope.export.Explain;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.Category;
import costscope.model.LineItem;
import costscope.model.Scenario;

/** What the breakdown's details pane says about a row: the item's arithmetic, a category's or the total's share. */
public record BreakdownDetails(String title, String subtitle, String explain, String description) {
    public static final BreakdownDetails NONE = new BreakdownDetails("Details",
            "Select a line item to see its arithmetic: quantity, free allowance, tiers, unit price, hours and levers.", "", "");

    /** The details of a row key ("item:ID", "category:ID", "total") in {@code r}. */
    public static BreakdownDetails of(Results r, String key) {
        if (r == null || key == null) return NONE;
        Scenario sc = r.compiled().scenario();
        String cur = sc.currency();
        if (key.startsWith("item:")) {
            String id = key.substring(5);
            LineItem it = sc.items().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
            if (it == null) return NONE;
            Results.ItemResult ir = r.item(id);
            String explain;
            try {
                explain = Explain.text(r, id);
            } catch (RuntimeException e) {
                explain = "= " + Formats.money(ir.monthly(), cur) + " / month";
            }
            return new BreakdownDetails(it.label(), r.category(it.category()).label() + " \u00b7 "
                    + Formats.percent(ir.share()) + " of the total", explain, nz(it.description()));
        }
        if (key.startsWith("category:")) {
            String id = key.substring(9);
            Category c = sc.categories().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (c == null) return NONE;
            Results.CategoryResult cr = r.category(id);
            StringBuilder b = new StringBuilder();
            long n = sc.items().stream().filter(i -> id.equals(i.category())).count();
            for (LineItem it : sc.items()) {
                if (!id.equals(it.category())) continue;
                if (b.length() > 0) b.append('\n');
                b.append(it.label()).append(": ").append(Formats.money(r.item(it.id()).monthly(), cur));
            }
            if (n > 1) b.append("\n= ").append(Formats.money(cr.monthly(), cur)).append(" / month");
            return new BreakdownDetails(c.label(), n + (n == 1 ? " item" : " items") + " \u00b7 "
                    + Formats.percent(cr.share()) + " of the total", b.toString(), nz(c.description()));
        }
        StringBuilder b = new StringBuilder();
        for (Results.CategoryResult c : r.categories()) {
            if (b.length() > 0) b.append('\n');
            b.append(c.label()).append(": ").append(Formats.money(c.monthly(), cur));
        }
        b.append("\n= ").append(Formats.money(r.monthlyTotal(), cur)).append(" / month, ")
                .append(Formats.money(r.annualTotal(), cur)).append(" / year");
        return new BreakdownDetails("Total", "Every line item, per month", b.toString(), "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
