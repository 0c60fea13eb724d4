package costscope.ui.tables;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the breakdown: a category (with its total), a line item, or the total. Its values are properties so a
 * recalculation updates the row in place; {@link #key()} names it across rebuilds ("item:ID", "category:ID", "total").
 */
public final class BreakdownRow {
    public enum Kind { CATEGORY, ITEM, TOTAL }

    private final Kind kind;
    private final String id;
    private final int order;
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    /** The category colour (#rrggbb), for category and item rows. */
    private final StringProperty color = new SimpleStringProperty(this, "color");
    private final ObjectProperty<Amount> quantity = new SimpleObjectProperty<>(this, "quantity", Amount.EMPTY);
    private final ObjectProperty<Amount> unitPrice = new SimpleObjectProperty<>(this, "unitPrice", Amount.EMPTY);
    private final ObjectProperty<Amount> monthly = new SimpleObjectProperty<>(this, "monthly", Amount.EMPTY);
    private final ObjectProperty<Amount> share = new SimpleObjectProperty<>(this, "share", Amount.EMPTY);
    private final ObjectProperty<Amount> perUser = new SimpleObjectProperty<>(this, "perUser", Amount.EMPTY);

    /** A row; {@code order} is its place in the model's order (the order without sorting). */
    public BreakdownRow(Kind kind, String id, int order) {
        this.kind = kind;
        this.id = id;
        this.order = order;
    }

    public int order() {
        return order;
    }

    public static String key(Kind kind, String id) {
        return switch (kind) {
            case CATEGORY -> "category:" + id;
            case ITEM -> "item:" + id;
            case TOTAL -> "total";
        };
    }

    public String key() {
        return key(kind, id);
    }

    public Kind kind() {
        return kind;
    }

    /** The item or category id; null for the total. */
    public String id() {
        return id;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty colorProperty() {
        return color;
    }

    public ObjectProperty<Amount> quantityProperty() {
        return quantity;
    }

    public ObjectProperty<Amount> unitPriceProperty() {
        return unitPrice;
    }

    public ObjectProperty<Amount> monthlyProperty() {
        return monthly;
    }

    public ObjectProperty<Amount> shareProperty() {
        return share;
    }

    public ObjectProperty<Amount> perUserProperty() {
        return perUser;
    }

    @Override
    public String toString() {
        return key() + " " + label.get() + " " + monthly.get();
    }
}
