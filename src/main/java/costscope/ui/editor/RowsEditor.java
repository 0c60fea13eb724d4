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
 * target, change, value), the scenario's correlations (two uncertain drivers and their rank), or its timeline's paths
 * (driver, how, interpolation, value) and events (month, label, variant, levers, cost, funding): one row of fields per
 * entry, a remove button per row and an add button. Each row's fields are {@link FormField}s keyed
 * {@code tiers[1].upTo}, {@code effects[0].value}, {@code correlations[0].rank}, {@code events[0].cost}... An effect's
 * value is a number, a formula or a tier table typed in one line ({@link Drafts#parseTiers}); its prompt and tooltip
 * follow the change, as a path's value's follow how it moves.
 */
final class RowsEditor {
    enum Mode {
        TIERS("tiers", "tier", List.of("upTo", "unitPrice"), List.of()),
        EFFECTS("effects", "effect", List.of("target", "targetId", "change", "value"), List.of("value")),
        CORRELATIONS("correlations", "correlation", List.of("a", "b", "rank"), List.of()),
        PATHS("paths", "path", TimelineDraft.PATH_COLUMNS, List.of("value")),
        EVENTS("events", "event", TimelineDraft.EVENT_COLUMNS, List.of("levers", "variant"));

        /** The rows' list in the file ("tiers"), and one row ("tier"). */
        final String list;
        final String one;
        /** A row's texts, in order; those of them shown on a second line under the others. */
        final List<String> columns;
        final List<String> second;

        Mode(String list, String one, List<String> columns, List<String> second) {
            this.list = list;
            this.one = one;
            this.columns = columns;
            this.second = second;
        }
    }

    /** Columns as narrow as their content (kinds, changes, months, ranks, amounts, a variant's id) and their widths. */
    private static final Map<String, Integer> NARROW = Map.of("target", 130, "change", 130, "rank", 130, "month", 70,
            "how", 130, "interpolate", 120, "cost", 110, "funding", 110, "variant", 170);

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
        if (mode == Mode.PATHS) {
            for (FormField f : fields) if (f.key().endsWith(".driver")) f.setChoices(List.copyOf(choices.drivers().keySet()));
        }
        if (mode == Mode.EVENTS) {
            for (FormField f : fields) if (f.key().endsWith(".variant")) f.setChoices(variantChoices());
        }
    }

    /** No variant ("") or one of the scenario's. */
    private List<String> variantChoices() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(choices.variants().keySet());
        return out;
    }

    FormField field(int row, String column) {
        String key = mode.list + "[" + row + "]." + column;
        for (FormField f : fields) if (f.key().equals(key)) return f;
        return null;
    }

    private List<String> columns() {
        return mode.columns;
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
        if (mode == Mode.PATHS) {
            // the first driver without a path, growing; the rate is the user's to type
            String driver = choices.drivers().keySet().stream().filter(d -> existing.stream().noneMatch(r -> r.get(0).equals(d)))
                    .findFirst().orElse("");
            return List.of(driver, "growth", "", "");
        }
        if (mode == Mode.EVENTS) {
            // the month after the last event's; what happens is the user's to say
            int month = 0;
            for (List<String> r : existing) {
                try {
                    month = Math.max(month, Integer.parseInt(r.get(0).strip()) + 1);
                } catch (NumberFormatException e) {
                    // a month still being typed: the new event starts after the others that are read
                }
            }
            return List.of(String.valueOf(month), "New event", "", "", "", "");
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
            if (mode == Mode.PATHS) pathHint(r);
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
        boolean twoLines = !mode.second.isEmpty();
        List<String> onLine = cs.stream().filter(c -> !mode.second.contains(c)).toList();
        for (int c = 0; c < onLine.size(); c++) {
            String col = onLine.get(c);
            if (!values.isEmpty()) {
                Label h = new Label(header(col));
                h.getStyleClass().add("rows-header");
                grid.add(h, c, 0);
            }
            ColumnConstraints cc = new ColumnConstraints();
            Integer narrow = NARROW.get(col);
            cc.setHgrow(narrow != null ? Priority.NEVER : Priority.ALWAYS);
            cc.setMinWidth(narrow != null ? Math.min(narrow, 110) : 90);
            cc.setPrefWidth(narrow != null ? narrow : 160);
            grid.getColumnConstraints().add(cc);
        }
        if (values.isEmpty()) {
            Label none = new Label(switch (mode) {
                case TIERS -> "No tiers: the unit price applies to every unit.";
                case EFFECTS -> "No effects.";
                case CORRELATIONS -> "No correlations: every uncertain driver is drawn on its own.";
                case PATHS -> "No paths: every driver keeps its slider's value in every month.";
                case EVENTS -> "No events.";
            });
            none.getStyleClass().add("rows-empty");
            grid.add(none, 0, 1, onLine.size(), 1);
        }
        for (int r = 0; r < values.size(); r++) {
            List<String> row = values.get(r);
            int line = twoLines ? 2 * r + 1 : r + 1;
            HBox below = new HBox(8);
            Map<String, List<javafx.scene.Node>> belowCells = new java.util.HashMap<>();
            for (int c = 0; c < cs.size(); c++) {
                String col = cs.get(c);
                FormField f = make(r, col, row.get(0));
                f.setText(row.get(c));
                fields.add(f);
                register.accept(f);
                if (mode.second.contains(col)) {
                    // under the row's first line, each with its header: a wide value, levers, amounts
                    Label l = new Label(header(col));
                    l.getStyleClass().add("rows-header");
                    l.setMinWidth(Label.USE_PREF_SIZE);
                    l.setPadding(new Insets(4, 0, 0, 0));
                    belowCells.put(col, List.of(l, f.cell()));
                    Integer narrow = NARROW.get(col);
                    HBox.setHgrow(f.cell(), narrow != null ? Priority.NEVER : Priority.ALWAYS);
                    if (narrow != null) f.cell().setPrefWidth(narrow);
                } else {
                    if (twoLines && r > 0) GridPane.setMargin(f.cell(), new Insets(8, 0, 0, 0));
                    grid.add(f.cell(), onLine.indexOf(col), line);
                }
            }
            for (String col : mode.second) below.getChildren().addAll(belowCells.get(col));
            if (twoLines) grid.add(below, 0, line + 1, onLine.size(), 1);
            if (mode == Mode.EFFECTS) valueHint(r);
            if (mode == Mode.PATHS) pathHint(r);
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
            if (twoLines && r > 0) GridPane.setMargin(hb, new Insets(8, 0, 0, 0));
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
            case "driver" -> "Driver";
            case "how" -> "Moves by";
            case "interpolate" -> "Between milestones";
            case "month" -> "Month";
            case "label" -> "Label";
            case "variant" -> "Applies variant";
            case "levers" -> "Switches levers";
            case "cost" -> "One-off cost";
            case "funding" -> "Funding";
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
            case "driver" -> {
                FormField f = FormField.choice(key, List.copyOf(choices.drivers().keySet()), names);
                idButton(f);
                yield described(f, "Driver of path " + (r + 1), "The driver this path moves month by month (a driver has one path at most).");
            }
            case "how" -> described(FormField.choice(key, TimelineDraft.HOWS, TimelineDraft.HOW_NAMES), "How path " + (r + 1) + " moves",
                    "Grows by a compound rate from the driver's value; follows milestones; or a formula of month.");
            case "interpolate" -> described(FormField.choice(key, TimelineDraft.INTERPOLATIONS, Map.of()),
                    "Interpolation between the milestones of path " + (r + 1), "Between two milestones: linear (a straight line),"
                            + " log (constant growth: a straight line in the logarithm) or step (the earlier value until the next milestone).");
            case "month" -> described(FormField.text(key, "e.g. 6"), "Month of event " + (r + 1),
                    "The month the event happens, from 0 (the first month); it lasts from then on.");
            case "label" -> described(FormField.text(key, "e.g. Seed round"), "Label of event " + (r + 1),
                    "What the charts and the table call the event.");
            case "variant" -> {
                Map<String, String> shown = new java.util.HashMap<>(names);
                shown.put("", "(none)");
                yield described(FormField.choice(key, variantChoices(), shown), "Variant event " + (r + 1) + " applies",
                        "A variant applied from this month on (its drivers, levers and prices).");
            }
            case "levers" -> described(FormField.text(key, "e.g. spot_instances: on"), "Levers event " + (r + 1) + " switches",
                    TimelineDraft.LEVERS_SYNTAX);
            case "cost" -> described(FormField.text(key, "e.g. 20000"), "One-off cost of event " + (r + 1),
                    "Paid once, in the event's month: it lowers the cash, not the monthly cost.");
            case "funding" -> described(FormField.text(key, "e.g. 2m"), "Funding of event " + (r + 1),
                    "Received once, in the event's month: it adds to the cash.");
            default -> FormField.text(key, "number or formula");
        };
    }

    /**
     * After how a path moves is picked: the value typed for another way is cleared (a growth rate is not milestones),
     * the interpolation is offered only for milestones, and the value's prompt and tooltip say what to type.
     */
    void howChanged(FormField how) {
        String k = how.key();
        int row = Integer.parseInt(k.substring(k.indexOf('[') + 1, k.indexOf(']')));
        FormField value = field(row, "value");
        String was = shownChange.get(row);
        if (value != null && was != null && !was.equals(how.text())) value.setText("");
        FormField interpolate = field(row, "interpolate");
        if (interpolate != null) interpolate.setText(how.text().equals("milestones") ? "linear" : "");
        pathHint(row);
    }

    private void pathHint(int row) {
        FormField value = field(row, "value");
        FormField how = field(row, "how");
        FormField interpolate = field(row, "interpolate");
        if (value == null || how == null) return;
        String h = how.text();
        shownChange.put(row, h);
        if (interpolate != null) interpolate.control().setDisable(!h.equals("milestones"));
        value.setPrompt(TimelineDraft.valuePrompt(h));
        value.setHint(TimelineDraft.valueHint(h));
    }

    /** A field with what a screen reader says it is and its lasting tooltip. */
    private static FormField described(FormField f, String accessible, String hint) {
        f.control().setAccessibleText(accessible);
        f.setHint(hint);
        return f;
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
