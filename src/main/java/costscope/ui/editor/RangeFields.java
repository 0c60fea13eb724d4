package costscope.ui.editor;

import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fields of a driver's range, keyed as the driver's draft has them ({@code range.distribution},
 * {@code range.low}, {@code range.high}, {@code range.mode}, {@code range.mean}, {@code range.sd}): the distribution
 * (with "none"), then only the numbers it takes ({@link Drafts#rangeFields}), explained for it (low and high are the
 * ends of a uniform, triangular or PERT range, the 5th and 95th percentiles of a normal or lognormal one). The Model
 * tab's driver form lays them into its grid ({@link #addTo}); the driver row's range popover shows them on their own
 * ({@link #node}). What is wrong is the engine's to say ({@link EditCheck}).
 */
public final class RangeFields {
    /** The distributions as the file spells them, "" for none. */
    public static final List<String> DISTRIBUTIONS = List.of("", "uniform", "triangular", "pert", "normal", "lognormal");
    private static final Map<String, String> NAMES = Map.of("", "none (a fixed value)", "uniform", "uniform",
            "triangular", "triangular", "pert", "PERT (Beta-PERT)", "normal", "normal", "lognormal", "lognormal");
    private static final List<String> NUMBERS = List.of("low", "high", "mode", "mean", "sd");
    /** The numbers, in rows of one or two. */
    private static final List<List<String>> ROWS = List.of(List.of("low", "high"), List.of("mode"), List.of("mean", "sd"));

    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Label hint = new Label();
    /** What hides with each number: its label and its field. */
    private final Map<String, List<Node>> parts = new LinkedHashMap<>();
    private VBox node;

    /** {@code register} is told of every field (a form wires its change and commit there). */
    public RangeFields(Consumer<FormField> register) {
        FormField dist = FormField.choice("range.distribution", DISTRIBUTIONS, NAMES);
        dist.setHint("How uncertain the value is: Monte Carlo (simulate) draws the driver from this distribution, and the"
                + " slider shows it as a band. None: the driver is a fixed value.");
        dist.control().setAccessibleText("Range distribution");
        fields.put(dist.key(), dist);
        for (String f : NUMBERS) {
            FormField field = FormField.text("range." + f, "");
            fields.put(field.key(), field);
            labels.put(f, label(f.equals("sd") ? "SD" : Character.toUpperCase(f.charAt(0)) + f.substring(1)));
            parts.put(f, new ArrayList<>(List.of(labels.get(f), field.cell())));
        }
        fields.get("range.mode").setHint("The most likely value, between low and high (default: the midpoint).");
        fields.get("range.mean").setHint("Normal only: the mean and sd, instead of low and high.");
        fields.get("range.sd").setHint("Normal only: the standard deviation (0 or more), with the mean, instead of low and high.");
        hint.getStyleClass().add("range-hint");
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.visibleProperty());
        for (FormField f : fields.values()) {
            f.cell().managedProperty().bind(f.cell().visibleProperty());
            register.accept(f);
        }
        for (Label l : labels.values()) l.managedProperty().bind(l.visibleProperty());
        // the fields follow the distribution chosen (or loaded)
        ((ComboBox<?>) dist.control()).valueProperty().addListener((o, a, b) -> follow());
        follow();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /**
     * The fields on their own (the popover): the distribution, what it means, then the numbers it takes, two to a row
     * with their messages under the whole row, where a sentence has room.
     */
    public VBox node() {
        if (node != null) return node;
        Label shape = label("Shape");
        shape.setPrefWidth(52);
        HBox first = new HBox(8, shape, fields.get("range.distribution").cell());
        HBox.setHgrow(fields.get("range.distribution").cell(), Priority.ALWAYS);
        node = new VBox(6, first, hint);
        for (List<String> row : ROWS) {
            HBox line = new HBox(8);
            VBox box = new VBox(2, line);
            for (String f : row) {
                FormField field = fields.get("range." + f);
                labels.get(f).setPrefWidth(52);
                field.cell().setPrefWidth(110);
                HBox.setHgrow(field.cell(), Priority.ALWAYS);
                line.getChildren().addAll(labels.get(f), field.cell());
                field.cell().getChildren().remove(field.message());
                box.getChildren().add(field.message());
            }
            // a number alone on its row is as wide as low, above it
            if (row.size() == 1) fields.get("range." + row.get(0)).cell().maxWidthProperty().bind(fields.get("range.low").cell().widthProperty());
            node.getChildren().add(box);
        }
        node.getStyleClass().add("range-fields");
        node.setId("range-fields");
        follow();
        return node;
    }

    /**
     * Lays the fields into a form's grid of label, field, label, field from {@code row} on, as its other fields are
     * ({@code label} puts a label at a column and row): "Range" and the distribution across the row, what it means
     * under it, then the numbers. Returns the next free row.
     */
    public int addTo(GridPane grid, int row, LabelAt label) {
        label.at("Range", 0, row);
        grid.add(fields.get("range.distribution").cell(), 1, row++, 3, 1);
        grid.add(hint, 1, row++, 3, 1);
        for (List<String> r : ROWS) {
            for (int i = 0; i < r.size(); i++) {
                String f = r.get(i);
                grid.add(labels.get(f), 2 * i, row);
                GridPane.setValignment(labels.get(f), VPos.TOP);
                fields.get("range." + f).cell().setPrefWidth(150);
                grid.add(fields.get("range." + f).cell(), 2 * i + 1, row);
            }
            row++;
        }
        return row;
    }

    /** Puts a form's label at a column and row of its grid. */
    @FunctionalInterface
    public interface LabelAt {
        void at(String text, int column, int row);
    }

    /** Shows the numbers the chosen distribution takes, and says what they mean for it. */
    private void follow() {
        String d = fields.get("range.distribution").text();
        List<String> used = Drafts.rangeFields(d);
        boolean percentiles = d.equals("normal") || d.equals("lognormal");
        for (String f : NUMBERS) {
            // (a hidden number is not read, so the next check clears its message)
            for (Node n : parts.get(f)) n.setVisible(used.contains(f));
        }
        fields.get("range.low").control().setAccessibleText(percentiles ? "Range low (5th percentile)" : "Range low");
        fields.get("range.high").control().setAccessibleText(percentiles ? "Range high (95th percentile)" : "Range high");
        fields.get("range.mode").control().setAccessibleText("Range mode");
        fields.get("range.mean").control().setAccessibleText("Range mean");
        fields.get("range.sd").control().setAccessibleText("Range sd");
        fields.get("range.low").setPrompt(percentiles ? "5th percentile" : "lowest value");
        fields.get("range.high").setPrompt(percentiles ? "95th percentile" : "highest value");
        fields.get("range.mode").setPrompt("default: the midpoint");
        fields.get("range.mean").setPrompt("or mean");
        fields.get("range.sd").setPrompt("and sd");
        hint.setText(switch (d) {
            case "uniform" -> "Every value from low to high equally likely.";
            case "triangular" -> "Low and high are the ends, the mode the peak.";
            case "pert" -> "Low and high are the ends, the mode the most likely value (weighted 4 to 1).";
            case "normal" -> "Low and high are the 5th and 95th percentiles; or give the mean and sd instead.";
            case "lognormal" -> "Low and high are the 5th and 95th percentiles; low above 0.";
            default -> "";
        });
        hint.setVisible(!hint.getText().isEmpty());
    }

    /** The fields, distribution first. */
    public List<FormField> fields() {
        return new ArrayList<>(fields.values());
    }

    public FormField field(String key) {
        return fields.get(key);
    }
}
