package costscope.ui.editor;

import javafx.geometry.Insets;
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
 * A small editable table of a line item's or pool's tiers (up to, unit price), a lever's effects (target kind,
 * target, change, value) or the scenario's correlations (two uncertain drivers and their rank): one row of fields per
 * entry, a remove button per row and an add button. Each row's fields are {@link FormField}s keyed
 * {@code tiers[1].upTo}, {@code effects[0].value}, {@code correlations[0].rank}... An effect's value is a number, a
 * formula or a tier table typed in one line ({@link Drafts#parseTiers}); its prompt and tooltip follow the change.
 */
final class RowsEditor {
    enum Mode {
        TIERS("tiers", "tier"), EFFECTS("effects", "effect"), CORRELATIONS("correlations", "correlation");

        /** The rows' list in the file ("tiers"), and one row ("tier"). */
        final String list;
        final String one;

        Mode(String list, String one) {
            this.list = list;
            this.one = one;
        }
    }

    private static final Map<String, String> TARGETS = Map.of("item", "line item", "category", "category", "pool", "pool",
            "set", "driver or variable");
    private static final Map<String, String> CHANGES = Map.of("factor", "cost \u00d7", "quantity", "quantity =",
            "unitPrice", "unit price =", "fixedMonthly", "monthly =", "freeAllowance", "free allowance =",
            "tiers", "tiers =", "upfront", "upfront =", "formula", "value =");

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
    /** The change each effect row's value was last shown for: a switch to or from a tier table clears the value. */
    private final Map<Integer, String> shownChange = new java.util.HashMap<>();

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
        grid.setId("editor-" + mode.list);
        Button add = new Button("Add " + mode.one);
        add.setId("editor-add-" + mode.one);
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
        if (mode == Mode.CORRELATIONS) {
            for (FormField f : fields) if (!f.key().endsWith(".rank")) f.setChoices(List.copyOf(choices.uncertain().keySet()));
        }
    }

    FormField field(int row, String column) {
        String key = mode.list + "[" + row + "]." + column;
        for (FormField f : fields) if (f.key().equals(key)) return f;
        return null;
    }

    private List<String> columns() {
        return switch (mode) {
            case TIERS -> List.of("upTo", "unitPrice");
            case EFFECTS -> List.of("target", "targetId", "change", "value");
            case CORRELATIONS -> List.of("a", "b", "rank");
        };
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
        if (mode == Mode.CORRELATIONS) {
            // the first two uncertain drivers not correlated yet; the rank is the user's to type
            List<String> ids = List.copyOf(choices.uncertain().keySet());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i);
                    String b = ids.get(j);
                    if (existing.stream().noneMatch(r -> r.contains(a) && r.contains(b))) return List.of(a, b, "");
                }
            }
            return List.of(ids.isEmpty() ? "" : ids.get(0), ids.size() < 2 ? "" : ids.get(1), "");
        }
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
                if (mode == Mode.CORRELATIONS && !cs.get(c).equals("rank")) f.setChoices(List.copyOf(choices.uncertain().keySet()));
                f.load(values.get(r).get(c), keepMidEdit);
            }
            if (mode == Mode.EFFECTS) valueHint(r);
        }
    }

    /**
     * Rebuilds the rows with these texts (they count as changes: the loaded values stay those of the model). A tier
     * is one line; an effect is two: its target kind, target and change, then its value across them (wide enough
     * for a formula or a tier table and its message).
     */
    private void show(List<List<String>> values) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        fields.clear();
        shownChange.clear();
        rows = values.size();
        List<String> cs = columns();
        boolean effects = mode == Mode.EFFECTS;
        List<String> onLine = effects ? cs.subList(0, 3) : cs;
        for (int c = 0; c < onLine.size(); c++) {
            String col = onLine.get(c);
            if (!values.isEmpty()) {
                Label h = new Label(header(col));
                h.getStyleClass().add("rows-header");
                grid.add(h, c, 0);
            }
            ColumnConstraints cc = new ColumnConstraints();
            boolean narrow = effects && !col.equals("targetId") || col.equals("rank");
            cc.setHgrow(narrow ? Priority.NEVER : Priority.ALWAYS);
            cc.setMinWidth(narrow ? 110 : 90);
            cc.setPrefWidth(narrow ? 130 : 160);
            grid.getColumnConstraints().add(cc);
        }
        if (values.isEmpty()) {
            Label none = new Label(switch (mode) {
                case TIERS -> "No tiers: the unit price applies to every unit.";
                case EFFECTS -> "No effects.";
                case CORRELATIONS -> "No correlations: every uncertain driver is drawn on its own.";
            });
            none.getStyleClass().add("rows-empty");
            grid.add(none, 0, 1, onLine.size(), 1);
        }
        for (int r = 0; r < values.size(); r++) {
            List<String> row = values.get(r);
            int line = effects ? 2 * r + 1 : r + 1;
            for (int c = 0; c < cs.size(); c++) {
                FormField f = make(r, cs.get(c), row.get(0));
                f.setText(row.get(c));
                fields.add(f);
                register.accept(f);
                if (effects && cs.get(c).equals("value")) {
                    Label l = new Label(header("value"));
                    l.getStyleClass().add("rows-header");
                    l.setMinWidth(Label.USE_PREF_SIZE);
                    l.setPadding(new Insets(4, 0, 0, 0));
                    HBox box = new HBox(8, l, f.cell());
                    HBox.setHgrow(f.cell(), Priority.ALWAYS);
                    grid.add(box, 0, line + 1, onLine.size(), 1);
                } else {
                    if (effects && r > 0) GridPane.setMargin(f.cell(), new Insets(8, 0, 0, 0));
                    grid.add(f.cell(), c, line);
                }
            }
            if (effects) valueHint(r);
            int index = r;
            Button remove = new Button("Remove");
            remove.getStyleClass().add("small-button");
            remove.setId("editor-remove-" + mode.one + "-" + r);
            remove.setTooltip(new Tooltip("Remove this " + mode.one));
            remove.setOnAction(e -> {
                List<List<String>> now = values();
                now.remove(index);
                show(now);
                onStructure.run();
            });
            remove.setMinWidth(Button.USE_PREF_SIZE);
            HBox hb = new HBox(remove);
            if (effects && r > 0) GridPane.setMargin(hb, new Insets(8, 0, 0, 0));
            grid.add(hb, onLine.size(), line);
        }
    }

    private static String header(String column) {
        return switch (column) {
            case "upTo" -> "Up to (units, blank for the last tier)";
            case "unitPrice" -> "Unit price";
            case "target" -> "Applies to";
            case "targetId" -> "Which";
            case "change" -> "Change";
            case "a" -> "Driver";
            case "b" -> "moves with driver";
            case "rank" -> "Rank correlation";
            default -> "Value";
        };
    }

    private FormField make(int r, String column, String target) {
        String key = mode.list + "[" + r + "]." + column;
        return switch (column) {
            case "a", "b" -> {
                FormField f = FormField.choice(key, List.copyOf(choices.uncertain().keySet()), names);
                idButton(f);
                f.control().setAccessibleText((column.equals("a") ? "First" : "Second") + " driver of correlation " + (r + 1));
                f.setHint("An uncertain driver: one with a range.");
                yield f;
            }
            case "rank" -> {
                FormField f = FormField.text(key, "e.g. 0.6");
                f.control().setAccessibleText("Rank correlation " + (r + 1));
                f.setHint("From -1 to 1, not either end: above 0 the two drivers rise together, below 0 one rises as the"
                        + " other falls (Spearman rank correlation, by Iman-Conover: each keeps its distribution).");
                yield f;
            }
            case "target" -> {
                FormField f = FormField.choice(key, Drafts.targets(), TARGETS);
                f.control().setAccessibleText("What effect " + (r + 1) + " applies to");
                yield f;
            }
            case "targetId" -> {
                FormField f = FormField.choice(key, choices.targets(target), names);
                idButton(f);
                yield f;
            }
            case "change" -> FormField.choice(key, Drafts.changesFor(target), CHANGES);
            case "upTo" -> FormField.text(key, "e.g. 300000000");
            case "unitPrice" -> FormField.text(key, "number or formula");
            default -> FormField.text(key, "number or formula");
        };
    }

    /** The closed choice shows the id (what formulas and the file use); the list shows labels too. */
    private static void idButton(FormField f) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> c = (javafx.scene.control.ComboBox<String>) f.control();
        c.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
            }
        });
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
        changeChanged(change);
    }

    /**
     * After the change of a row is picked: its value's prompt and tooltip say what to type; a value typed for a tier
     * table, or for a number or formula, is cleared when the change switches between the two (a factor of 1 is not a
     * tier table to keep).
     */
    void changeChanged(FormField change) {
        String k = change.key();
        int row = Integer.parseInt(k.substring(k.indexOf('[') + 1, k.indexOf(']')));
        String was = shownChange.get(row);
        FormField value = field(row, "value");
        if (value != null && was != null && was.equals("tiers") != change.text().equals("tiers")) value.setText("");
        valueHint(row);
    }

    private void valueHint(int row) {
        FormField value = field(row, "value");
        FormField change = field(row, "change");
        if (value == null || change == null) return;
        String c = change.text();
        shownChange.put(row, c);
        value.setPrompt(switch (c) {
            case "factor" -> "e.g. 0.7";
            case "fixedMonthly" -> "a number";
            case "tiers" -> "e.g. 10000: 0.10; 80000: 0.07; 0.05";
            default -> "number or formula";
        });
        value.setHint(switch (c) {
            case "factor" -> "The cost is multiplied by this number while the lever is on.";
            case "fixedMonthly" -> "The monthly figure while the lever is on: a number.";
            case "tiers" -> Drafts.TIERS_SYNTAX;
            case "quantity", "unitPrice", "freeAllowance", "upfront" -> "The " + CHANGES.get(c).replace(" =", "")
                    + " while the lever is on: a number or formula.";
            case "formula" -> "The value while the lever is on: a number or formula.";
            default -> null;
        });
    }
}
