package costscope.ui.editor;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The form of one model element: every field of its kind from the scenario format, laid out in two columns, with
 * the tiers table for line items and pools and the effects table for levers. Reads into a {@link Draft}, loads from one, and shows an
 * {@link EditCheck.Result}'s problems on their fields.
 */
final class ElementForm {
    private static final Map<String, String> CHOICE_NAMES = Map.ofEntries(
            Map.entry("", "default"), Map.entry("linear", "linear"), Map.entry("log", "logarithmic"),
            Map.entry("monthly", "monthly (price per unit-month)"), Map.entry("hourly", "hourly (price per unit-hour)"),
            Map.entry("perUnit", "per unit consumed"), Map.entry("graduated", "graduated (each part at its tier)"),
            Map.entry("volume", "volume (all at one tier)"));

    private final ElementKind kind;
    private final VBox root = new VBox(8);
    private final GridPane grid = new GridPane();
    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>(CHOICE_NAMES);
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label elementMessage = new Label();
    private final Runnable onChange;
    private final Consumer<FormField> onCommit;
    private RowsEditor rows;
    private Choices choices;
    private int gridRow;

    ElementForm(ElementKind kind, Choices choices, Runnable onChange, Consumer<FormField> onCommit) {
        this.kind = kind;
        this.onChange = onChange;
        this.onCommit = onCommit;
        this.choices = choices;
        names.putAll(choices.names());
        root.getStyleClass().add("element-form");
        root.setId("editor-form-" + kind.name().toLowerCase());
        title.getStyleClass().add("form-title");
        title.setId("editor-form-title");
        title.setMinWidth(Label.USE_PREF_SIZE); // the summary beside it gives way first
        summary.getStyleClass().add("form-summary");
        summary.setId("editor-form-summary");
        elementMessage.getStyleClass().add("form-message");
        elementMessage.setId("editor-form-message");
        elementMessage.setWrapText(true);
        elementMessage.managedProperty().bind(elementMessage.visibleProperty());
        elementMessage.setVisible(false);
        grid.getStyleClass().add("form-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        for (int c = 0; c < 4; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            if (c % 2 == 0) {
                cc.setMinWidth(100);
            } else {
                cc.setHgrow(Priority.ALWAYS);
                cc.setMinWidth(140);
                cc.setPercentWidth(-1);
            }
            grid.getColumnConstraints().add(cc);
        }
        HBox head = new HBox(12, title, summary);
        head.getStyleClass().add("form-head");
        root.getChildren().addAll(head, elementMessage, grid);
        layout(choices);
    }

    private void layout(Choices choices) {
        switch (kind) {
            case DRIVER -> {
                pair(text("id", "letters, digits and _"), "Id", text("label", "shown beside the slider"), "Label");
                pair(text("unit", "e.g. users"), "Unit", text("value", "e.g. 10000, 10k, 5%"), "Value");
                pair(text("min", "default 0"), "Slider min", text("max", "default 10 x value"), "Slider max");
                pair(text("step", "continuous"), "Step", choice("scale", List.of("", "linear", "log")), "Scale");
                gridRow = new RangeFields(this::register).addTo(grid, gridRow, this::addLabel);
                wide(area("description", "where the number comes from (tooltip)"), "Description");
            }
            case VARIABLE -> {
                pair(text("id", "letters, digits and _"), "Id", text("label", ""), "Label");
                pair(text("unit", "e.g. tokens/month"), "Unit", null, null);
                wide(text("formula", "e.g. active_users * messages * 900"), "Formula");
                wide(area("description", ""), "Description");
            }
            case ITEM -> {
                pair(text("id", "letters, digits and _"), "Id", text("label", ""), "Label");
                pair(choice("category", List.copyOf(choices.categories().keySet())), "Category",
                        choice("billing", List.of("", "monthly", "hourly", "perUnit")), "Billing");
                wide(text("quantity", "units per month: number or formula"), "Quantity");
                pair(text("quantityUnit", "e.g. tokens"), "Quantity unit", text("freeAllowance", "free units per month"), "Free allowance");
                wide(text("unitPrice", "price per 'per' units: number or formula (empty with tiers)"), "Unit price");
                pair(text("per", "default 1"), "Per", text("priceUnit", "e.g. 1M tokens"), "Price unit");
                pair(text("hours", "default: hours per month"), "Hours", text("fixedMonthly", "figure without basis"), "Fixed monthly");
                pair(text("increment", "billed in multiples of (e.g. 1000000)"), "Increment",
                        text("minimumMonthly", "at least this a month when used"), "Minimum monthly");
                pair(text("upfront", "one-time payment: number or formula"), "Upfront",
                        text("termMonths", "months it covers (default 12)"), "Term (months)");
                fields.get("upfront").setHint("A one-time payment (a reservation or savings plan bought upfront): a number"
                        + " or formula. upfrontTotal adds them up; amortizedMonthlyTotal spreads each over its term.");
                fields.get("termMonths").setHint("The months the upfront payment covers: a whole number, at least 1"
                        + " (default " + costscope.model.LineItem.DEFAULT_TERM_MONTHS + ").");
                pair(choice("tierMode", List.of("", "graduated", "volume")), "Tier mode", null, null);
                rows = new RowsEditor(RowsEditor.Mode.TIERS, choices, names, this::register, this::rowsChanged);
                wideNode(rows.node(), "Tiers");
                wide(area("description", "where the numbers come from"), "Description");
            }
            case POOL -> {
                pair(text("id", "letters, digits and _"), "Id", text("label", ""), "Label");
                poolItems();
                pair(text("freeAllowance", "free units a month, all items together"), "Free allowance",
                        text("increment", "billed in multiples of (e.g. 1000000)"), "Increment");
                wide(text("unitPrice", "price per 'per' units: number or formula (empty with tiers)"), "Unit price");
                pair(text("per", "default 1"), "Per", text("priceUnit", "e.g. 1M requests"), "Price unit");
                pair(choice("tierMode", List.of("", "graduated", "volume")), "Tier mode", null, null);
                rows = new RowsEditor(RowsEditor.Mode.TIERS, choices, names, this::register, this::rowsChanged);
                wideNode(rows.node(), "Tiers");
                wide(area("description", "where the numbers come from"), "Description");
            }
            case CATEGORY -> {
                pair(text("id", "letters, digits and _"), "Id", text("label", ""), "Label");
                FormField color = register(FormField.color("color"));
                color.control().setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
                Button palette = new Button("Use palette colour");
                palette.setId("editor-color-default");
                palette.getStyleClass().add("small-button");
                palette.setMinWidth(Button.USE_PREF_SIZE);
                palette.setOnAction(e -> color.resetColor());
                HBox box = new HBox(8, color.cell(), palette);
                HBox.setHgrow(color.cell(), Priority.ALWAYS);
                box.setPrefWidth(150);
                addLabel("Colour", 0, gridRow);
                grid.add(box, 1, gridRow++);
                wide(area("description", ""), "Description");
            }
            case LEVER -> {
                pair(text("id", "letters, digits and _"), "Id", text("label", ""), "Label");
                pair(register(FormField.toggle("enabled", "")), "Enabled", null, null);
                rows = new RowsEditor(RowsEditor.Mode.EFFECTS, choices, names, this::register, this::rowsChanged);
                wideNode(rows.node(), "Effects");
                wide(area("description", ""), "Description");
            }
        }
    }

    /**
     * A pool's items: the ids typed in one field, separated by commas (checked as you type, each problem at its id),
     * and a menu that adds one of the line items in no other pool.
     */
    private void poolItems() {
        FormField items = text("items", "line item ids, separated by commas");
        items.setHint("The line items this pool prices together: their ids, separated by commas. The pool prices the sum"
                + " of their quantities and shares the cost by quantity. An item that joins the pool leaves its own unit"
                + " price, tiers, free allowance and increment to the pool; one that leaves takes the pool's price.");
        MenuButton add = new MenuButton("Add item");
        add.setId("editor-pool-add-item");
        add.getStyleClass().add("small-button");
        add.setMinWidth(MenuButton.USE_PREF_SIZE);
        add.setTooltip(new Tooltip("Add a line item that is in no other pool"));
        add.setOnShowing(e -> {
            List<Drafts.IdAt> listed = Drafts.ids(items.text());
            add.getItems().clear();
            for (String id : choices.poolable(fields.get("id").loaded())) {
                if (listed.stream().anyMatch(x -> x.id().equals(id))) continue;
                MenuItem mi = new MenuItem(names.getOrDefault(id, id));
                mi.setId("editor-pool-item-" + id);
                mi.setOnAction(x -> {
                    String now = items.text().strip();
                    ((TextInputControl) items.control()).setText(now.isEmpty() ? id : now + ", " + id);
                    onCommit.accept(items);
                });
                add.getItems().add(mi);
            }
            if (add.getItems().isEmpty()) {
                MenuItem none = new MenuItem("every line item is listed or in another pool");
                none.setDisable(true);
                add.getItems().add(none);
            }
        });
        HBox box = new HBox(8, items.cell(), add);
        HBox.setHgrow(items.cell(), Priority.ALWAYS);
        items.control().setAccessibleText("Items");
        addLabel("Items", 0, gridRow);
        grid.add(box, 1, gridRow++, 3, 1);
    }

    private FormField text(String key, String prompt) {
        return register(FormField.text(key, prompt));
    }

    private FormField area(String key, String prompt) {
        return register(FormField.area(key, prompt));
    }

    private FormField choice(String key, List<String> values) {
        return register(FormField.choice(key, values, names));
    }

    private FormField register(FormField f) {
        fields.put(f.key(), f);
        f.onChange(onChange);
        f.onCommit(x -> {
            if (rows != null && x.key().endsWith(".target")) rows.targetChanged(x);
            if (rows != null && x.key().endsWith(".change")) rows.changeChanged(x);
            onCommit.accept(x);
        });
        return f;
    }

    private void rowsChanged() {
        fields.keySet().removeIf(k -> k.startsWith("tiers[") || k.startsWith("effects["));
        for (FormField f : rows.fields()) fields.put(f.key(), f);
        onChange.run();
        onCommit.accept(null);
    }

    private void addLabel(String text, int col, int row) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(l, col, row);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
    }

    private void pair(FormField a, String la, FormField b, String lb) {
        addLabel(la, 0, gridRow);
        a.control().setAccessibleText(la);
        a.cell().setPrefWidth(150);
        grid.add(a.cell(), 1, gridRow);
        if (b != null) {
            b.cell().setPrefWidth(150);
            addLabel(lb, 2, gridRow);
            b.control().setAccessibleText(lb);
            grid.add(b.cell(), 3, gridRow);
        }
        gridRow++;
    }

    private void wide(FormField f, String label) {
        f.control().setAccessibleText(label);
        wideNode(f.cell(), label);
    }

    private void wideNode(javafx.scene.Node n, String label) {
        addLabel(label, 0, gridRow);
        grid.add(n, 1, gridRow++, 3, 1);
    }

    /** What the right side shows while a heading is selected: how many there are, and a button to add one. */
    static VBox sectionPage(ElementKind k, int n, Runnable add) {
        Label title = new Label(k.section());
        title.getStyleClass().add("form-title");
        Label text = new Label(n + " " + k.noun() + (n == 1 ? "" : "s") + ". Select one in the list to edit it, or add a new one.");
        text.setWrapText(true);
        Button button = new Button("Add " + k.noun());
        button.setId("editor-add-in-section");
        button.setOnAction(e -> add.run());
        VBox page = new VBox(10, title, text, button);
        page.getStyleClass().add("element-form");
        return page;
    }

    ElementKind kind() {
        return kind;
    }

    VBox node() {
        return root;
    }

    FormField field(String key) {
        return fields.get(key);
    }

    List<FormField> fields() {
        return new ArrayList<>(fields.values());
    }

    void setTitle(String text, String tooltip) {
        title.setText(text);
        title.setTooltip(tooltip == null || tooltip.isBlank() ? null : new Tooltip(tooltip));
    }

    void setSummary(String text) {
        summary.setText(text);
    }

    void setChoices(Choices c) {
        choices = c;
        names.putAll(c.names());
        if (fields.get("category") != null) fields.get("category").setChoices(List.copyOf(c.categories().keySet()));
        if (rows != null) rows.setChoices(c);
    }

    /** The palette colour a category without its own colour gets (shown in the colour picker). */
    void setPaletteColor(String hex) {
        FormField c = fields.get("color");
        if (c != null) c.showDefaultColor(hex);
    }

    /** The draft the form holds now. */
    Draft read() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : Draft.fieldsOf(kind)) values.put(f, fields.get(f).text());
        List<Draft.TierRow> tiers = new ArrayList<>();
        List<Draft.EffectRow> effects = new ArrayList<>();
        if (rows != null) {
            for (List<String> r : rows.values()) {
                if (kind != ElementKind.LEVER) tiers.add(new Draft.TierRow(r.get(0), r.get(1)));
                else effects.add(new Draft.EffectRow(r.get(0), r.get(1), r.get(2), r.get(3)));
            }
        }
        return new Draft(kind, values, tiers, effects);
    }

    /** Loads the model's element; with {@code keepMidEdit} the field being typed in keeps its text. */
    void load(Draft d, boolean keepMidEdit) {
        for (String f : Draft.fieldsOf(kind)) fields.get(f).load(d.get(f), keepMidEdit);
        if (rows != null) {
            List<List<String>> values = new ArrayList<>();
            if (kind != ElementKind.LEVER) d.tiers().forEach(t -> values.add(List.of(t.upTo(), t.unitPrice())));
            else d.effects().forEach(e -> values.add(List.of(e.target(), e.targetId(), e.change(), e.value())));
            rows.load(values, keepMidEdit);
            fields.keySet().removeIf(k -> k.startsWith("tiers[") || k.startsWith("effects["));
            for (FormField f : rows.fields()) fields.put(f.key(), f);
        }
    }

    /** True when some field differs from what was loaded from the model. */
    boolean dirty() {
        if (rows != null && rows.changed()) return true;
        return fields.values().stream().anyMatch(FormField::dirty);
    }

    /** Shows each field's problem (and clears the others); problems of no field go above the form. */
    void show(EditCheck.Result r) {
        Map<String, FieldProblem> problems = r == null ? Map.of() : r.fields();
        List<String> other = new ArrayList<>();
        for (FieldProblem p : problems.values()) {
            if (!fields.containsKey(p.field())) other.add(p.display());
        }
        for (FormField f : fields.values()) f.show(problems.get(f.key()));
        elementMessage.setText(String.join("\n", other));
        elementMessage.setVisible(!other.isEmpty());
    }

    /** Clears every mark. */
    void clearProblems() {
        show(null);
    }
}
