package costscope.ui.editor;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
 * (with "none"), then only the numbers it takes ({@link Drafts#rangeFields}), labelled for it (low and high are the
 * ends of a uniform, triangular or PERT range, the 5th and 95th percentiles of a normal or lognormal one). The Model
 * tab's driver form and the driver row's range popover both show these; what is wrong is the engine's to say
 * ({@link EditCheck}).
 */
public final class RangeFields {
    /** The distributions as the file spells them, "" for none. */
    public static final List<String> DISTRIBUTIONS = List.of("", "uniform", "triangular", "pert", "normal", "lognormal");
    private static final Map<String, String> NAMES = Map.of("", "none (a fixed value)", "uniform", "uniform",
            "triangular", "triangular", "pert", "PERT (Beta-PERT)", "normal", "normal", "lognormal", "lognormal");
    private static final List<String> NUMBERS = List.of("low", "high", "mode", "mean", "sd");

    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final HBox ends;
    private final HBox peak;
    private final HBox moments;
    private final Label hint = new Label();
    private final VBox node;

    /** {@code register} is told of every field (a form wires its change and commit there). */
    public RangeFields(Consumer<FormField> register) {
        FormField dist = FormField.choice("range.distribution", DISTRIBUTIONS, NAMES);
        dist.setHint("How uncertain the value is: Monte Carlo (simulate) draws the driver from this distribution, and the"
                + " slider shows it as a band. None: the driver is a fixed value.");
        fields.put(dist.key(), dist);
        for (String f : NUMBERS) {
            FormField field = FormField.text("range." + f, "");
            fields.put(field.key(), field);
            Label l = new Label();
            l.getStyleClass().add("field-label");
            l.setMinWidth(Label.USE_PREF_SIZE);
            l.setPrefWidth(52);
            labels.put(f, l);
            field.cell().setPrefWidth(110);
            HBox.setHgrow(field.cell(), Priority.ALWAYS);
        }
        fields.get("range.mode").setHint("The most likely value, between low and high (default: the midpoint).");
        fields.get("range.mean").setHint("Normal only: the mean and sd, instead of low and high.");
        fields.get("range.sd").setHint("Normal only: the standard deviation (0 or more), with the mean, instead of low and high.");
        ends = row("low", "high");
        peak = row("mode", null);
        moments = row("mean", "sd");
        hint.getStyleClass().add("range-hint");
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.visibleProperty());
        Label distLabel = new Label("Shape");
        distLabel.getStyleClass().add("field-label");
        distLabel.setMinWidth(Label.USE_PREF_SIZE);
        distLabel.setPrefWidth(52);
        dist.control().setAccessibleText("Range distribution");
        HBox first = new HBox(8, distLabel, dist.cell());
        HBox.setHgrow(dist.cell(), Priority.ALWAYS);
        node = new VBox(6, first, hint, ends, peak, moments);
        node.getStyleClass().add("range-fields");
        node.setId("range-fields");
        for (FormField f : fields.values()) register.accept(f);
        // the fields follow the distribution chosen (or loaded)
        ((ComboBox<?>) dist.control()).valueProperty().addListener((o, a, b) -> follow());
        follow();
    }

    private HBox row(String a, String b) {
        HBox box = new HBox(8, labels.get(a), fields.get("range." + a).cell());
        if (b != null) box.getChildren().addAll(labels.get(b), fields.get("range." + b).cell());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Shows the numbers the chosen distribution takes, labelled and explained for it. */
    private void follow() {
        String d = fields.get("range.distribution").text();
        List<String> used = Drafts.rangeFields(d);
        boolean percentiles = d.equals("normal") || d.equals("lognormal");
        for (String f : NUMBERS) {
            boolean on = used.contains(f);
            fields.get("range." + f).cell().setVisible(on);
            labels.get(f).setVisible(on);
        }
        ends.setVisible(used.contains("low"));
        peak.setVisible(used.contains("mode"));
        moments.setVisible(used.contains("mean"));
        labels.get("low").setText(percentiles ? "P5" : "Low");
        labels.get("high").setText(percentiles ? "P95" : "High");
        labels.get("mode").setText("Mode");
        labels.get("mean").setText("Mean");
        labels.get("sd").setText("SD");
        fields.get("range.low").control().setAccessibleText(percentiles ? "Range 5th percentile" : "Range low");
        fields.get("range.high").control().setAccessibleText(percentiles ? "Range 95th percentile" : "Range high");
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

    /** The distribution, then the numbers it takes. */
    public VBox node() {
        return node;
    }
}
