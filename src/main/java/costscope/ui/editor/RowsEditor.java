package costscope.ui.editor;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small editable table of a line item's tiers (up to, unit price) or a lever's effects (target kind, target,
 * change, value): one row of fields per entry, a remove button per row and an add button. Each row's fields are
 * {@link FormField}s keyed {@code tiers[1].upTo}, {@code effects[0].value}...
 */
final class RowsEditor {
    enum Mode { TIERS, EFFECTS }

    private static final Map<String, String> TARGETS = Map.of("item", "line item", "category", "category", "set", "driver or variable");
    private static final Map<String, String> CHANGES = Map.of("factor", "cost \u00d7", "quantity", "quantity =",
            "unitPrice", "unit price =", "fixedMonthly", "monthly =", "formula", "value =");

    private final Mode mode;
    private final VBox box = new VBox(4);
    private final GridPane grid = new GridPane();
    private final List<FormField> fields = new ArrayList<>();
    private final Map<String, String> names;
    private final Runnable onStructure;
    private final Consumer<FormField> register;
    private Choices choices;
    private int rows = -1;
    private int loadedRows;

    /**
     * {@code register} is told of every new field; {@code onStructure} runs when the user adds or removes a row.
     * {@code names} maps ids to the text the target choices show.
     */
    RowsEditor(Mode mode, Choices choices, Map<String, String> names, Consumer<FormField> register, Runnable onStructure) {
        this.mode = mode;
        this.choices = choices;
        this.names = names;
        this.register = register;
        this.onStructure = onStructure;
        grid.getStyleClass().add("rows-table");
        grid.setHgap(6);
        grid.setVgap(4);
        String prefix = mode == Mode.TIERS ? "tiers" : "effects";
        grid.setId("editor-" + prefix);
        Button add = new Button(mode == Mode.TIERS ? "Add tier" : "Add effect");
        add.setId("editor-add-" + (mode == Mode.TIERS ? "tier" : "effect"));
        add.getStyleClass().add("small-button");
        add.setOnAction(e -> {
            List<List<String>> values = values();
            values.add(newRow(values));
            show(values);
            onStructure.run();
        });
        box.getChildren().addAll(grid, add);
        box.getStyleClass().add("rows-editor");
    }

    VBox node() {
        return box;
    }

    int rows() {
        return rows;
    }

    /** True when the user has added or removed rows since the last load. */
    boolean changed() {
        return rows != loadedRows;
    }

    List<FormField> fields() {
        return fields;
    }

    void setChoices(Choices c) {
        choices = c;
        if (mode == Mode.EFFECTS) {
            for (int r = 0; r < Math.max(0, rows); r++) field(r, "targetId").setChoices(choices.targets(field(r, "target").text()));
        }
    }

    FormField field(int row, String column) {
        String key = (mode == Mode.TIERS ? "tiers[" : "effects[") + row + "]." + column;
        for (FormField f : fields) if (f.key().equals(key)) return f;
        return null;
    }

    private List<String> columns() {
        return mode == Mode.TIERS ? List.of("upTo", "unitPrice") : List.of("target", "targetId", "change", "value");
    }

    /** The rows' texts as the user has them. */
    List<List<String>> values() {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < Math.max(0, rows); r++) {
            List<String> row = new ArrayList<>();
            for (String c : columns()) row.add(field(r, c).text());
            out.add(row);
        }
        return out;
    }

    private List<String> newRow(List<List<String>> existing) {
        if (mode == Mode.TIERS) {
            String price = existing.isEmpty() ? "" : existing.get(existing.size() - 1).get(1);
            return List.of("", price);
        }
        String first = choices.targets("category").isEmpty() ? "" : choices.targets("category").get(0);
        return List.of("category", first, "factor", "1");
    }

    /** Loads rows from the model; a field being typed in keeps its text. Rebuilds when the number of rows changes. */
    void load(List<List<String>> values, boolean keepMidEdit) {
        loadedRows = values.size();
        if (values.size() != rows) {
            show(values);
            for (FormField f : fields) f.load(f.text(), false);
            return;
        }
        for (int r = 0; r < Math.max(0, rows); r++) {
            List<String> cs = columns();
            for (int c = 0; c < cs.size(); c++) {
                FormField f = field(r, cs.get(c));
                if (cs.get(c).equals("targetId")) f.setChoices(choices.targets(values.get(r).get(0)));
                if (cs.get(c).equals("change")) f.setChoices(Drafts.changesFor(values.get(r).get(0)));
                f.load(values.get(r).get(c), keepMidEdit);
            }
        }
    }

    /** Rebuilds the rows with these texts (they count as changes: the loaded values stay those of the model). */
    private void show(List<List<String>> values) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        fields.clear();
        rows = values.size();
        List<String> cs = columns();
        for (int c = 0; c < cs.size(); c++) {
            if (!values.isEmpty()) {
                Label h = new Label(header(cs.get(c)));
                h.getStyleClass().add("rows-header");
                grid.add(h, c, 0);
            }
            ColumnConstraints cc = new ColumnConstraints();
            String col = cs.get(c);
            boolean narrow = mode == Mode.EFFECTS && (col.equals("target") || col.equals("change"));
            cc.setHgrow(narrow ? Priority.NEVER : mode == Mode.EFFECTS && col.equals("value") ? Priority.SOMETIMES : Priority.ALWAYS);
            cc.setMinWidth(narrow ? 110 : 90);
            cc.setPrefWidth(narrow ? 115 : mode == Mode.EFFECTS && col.equals("value") ? 110 : 160);
            grid.getColumnConstraints().add(cc);
        }
        if (values.isEmpty()) {
            Label none = new Label(mode == Mode.TIERS ? "No tiers: the unit price applies to every unit." : "No effects.");
            none.getStyleClass().add("rows-empty");
            grid.add(none, 0, 1, cs.size(), 1);
        }
        for (int r = 0; r < values.size(); r++) {
            List<String> row = values.get(r);
            for (int c = 0; c < cs.size(); c++) {
                FormField f = make(r, cs.get(c), row.get(0));
                f.setText(row.get(c));
                fields.add(f);
                register.accept(f);
                grid.add(f.cell(), c, r + 1);
            }
            int index = r;
            Button remove = new Button("Remove");
            remove.getStyleClass().add("small-button");
            remove.setId("editor-remove-" + (mode == Mode.TIERS ? "tier-" : "effect-") + r);
            remove.setTooltip(new Tooltip(mode == Mode.TIERS ? "Remove this tier" : "Remove this effect"));
            remove.setOnAction(e -> {
                List<List<String>> now = values();
                now.remove(index);
                show(now);
                onStructure.run();
            });
            remove.setMinWidth(Button.USE_PREF_SIZE);
            HBox hb = new HBox(remove);
            grid.add(hb, cs.size(), r + 1);
        }
    }

    private static String header(String column) {
        return switch (column) {
            case "upTo" -> "Up to (units, blank for the last tier)";
            case "unitPrice" -> "Unit price";
            case "target" -> "Applies to";
            case "targetId" -> "Which";
            case "change" -> "Change";
            default -> "Value";
        };
    }

    private FormField make(int r, String column, String target) {
        String key = (mode == Mode.TIERS ? "tiers[" : "effects[") + r + "]." + column;
        return switch (column) {
            case "target" -> {
                FormField f = FormField.choice(key, List.of("item", "category", "set"), TARGETS);
                f.control().setAccessibleText("What effect " + (r + 1) + " applies to");
                yield f;
            }
            case "targetId" -> {
                FormField f = FormField.choice(key, choices.targets(target), names);
                // the closed choice shows the id (what formulas use); the list shows labels too
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<String> c = (javafx.scene.control.ComboBox<String>) f.control();
                c.setButtonCell(new javafx.scene.control.ListCell<>() {
                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty || item == null ? null : item);
                    }
                });
                yield f;
            }
            case "change" -> FormField.choice(key, Drafts.changesFor(target), CHANGES);
            case "upTo" -> FormField.text(key, "e.g. 300000000");
            case "unitPrice" -> FormField.text(key, "number or formula");
            default -> FormField.text(key, "number or formula");
        };
    }

    /** After the target kind of a row changes: offer its ids and changes, keeping what still fits. */
    void targetChanged(FormField target) {
        String k = target.key();
        int row = Integer.parseInt(k.substring(k.indexOf('[') + 1, k.indexOf(']')));
        FormField id = field(row, "targetId");
        FormField change = field(row, "change");
        List<String> ids = choices.targets(target.text());
        id.setChoices(ids);
        if (!ids.contains(id.text())) id.setText(ids.isEmpty() ? "" : ids.get(0));
        List<String> changes = Drafts.changesFor(target.text());
        change.setChoices(changes);
        if (!changes.contains(change.text())) change.setText(changes.isEmpty() ? "" : changes.get(0));
    }
}
