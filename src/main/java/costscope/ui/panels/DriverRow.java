package costscope.ui.panels;

import costscope.export.Formats;
import costscope.formula.NumberInput;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.ui.document.ScenarioDocument;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One driver: its label (tooltip: description and range), a slider, a number field and the unit. The slider and the
 * field write into the document; the document's value is shown back without echoing an edit.
 */
final class DriverRow extends VBox {
    static final String INVALID = "invalid";

    private final ScenarioDocument document;
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Label label = new Label();
    private final Label unit = new Label();
    private Driver driver;
    private SliderMapping mapping;
    private boolean updating;

    DriverRow(ScenarioDocument document, Driver d) {
        this.document = document;
        getStyleClass().add("driver-row");
        identify(d);
        label.getStyleClass().add("driver-label");
        unit.getStyleClass().add("driver-unit");
        field.getStyleClass().add("driver-field");
        field.setPrefColumnCount(7);
        field.setAlignment(Pos.CENTER_RIGHT);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinWidth(60);
        label.setWrapText(true);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox top = new HBox(6, label, field, unit);
        top.setAlignment(Pos.CENTER_LEFT);
        slider.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(top, slider);

        slider.valueProperty().addListener((o, a, pos) -> {
            if (updating) return;
            double v = mapping.fromSlider(pos.doubleValue());
            if (v == driver.value()) return;
            String id = driver.id();
            if (slider.isValueChanging()) {
                document.editInGesture("driver:" + id, "Change " + driver.label(), s -> s.withDriverValue(id, v));
            } else {
                document.edit("Change " + driver.label(), s -> s.withDriverValue(id, v));
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) document.endGesture();
        });
        field.setOnAction(e -> commitField());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) commitField();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                show(driver);
                e.consume();
            }
        });
        field.textProperty().addListener((o, a, t) -> {
            if (updating) return;
            try {
                NumberInput.parse(t);
                field.getStyleClass().remove(INVALID);
                field.setTooltip(new Tooltip("Enter applies; 100k, 2.5M, 1e9 and 5% are understood"));
            } catch (InputException x) {
                if (!field.getStyleClass().contains(INVALID)) field.getStyleClass().add(INVALID);
                field.setTooltip(new Tooltip(x.getMessage()));
            }
        });
        show(d);
    }

    /**
     * Shows another driver in this row, which keeps its nodes (and their styles): rebuilding the panel then costs
     * no new controls (each new slider and field is a few milliseconds of CSS on the FX thread).
     */
    void reuseFor(Driver d) {
        if (!d.id().equals(driver.id())) identify(d);
        setVisible(true);
        setManaged(true);
        show(d);
    }

    private void identify(Driver d) {
        setId("driver-" + d.id());
        slider.setId("slider-" + d.id());
        field.setId("field-" + d.id());
    }

    /** Whether the row shows this driver as it is (its value, range, label...) and its field is not being edited. */
    boolean shows(Driver d) {
        return d.equals(driver) && !field.isFocused() && !field.getStyleClass().contains(INVALID);
    }

    String driverId() {
        return driver.id();
    }

    Slider slider() {
        return slider;
    }

    TextField field() {
        return field;
    }

    private void commitField() {
        double v;
        try {
            v = NumberInput.parse(field.getText());
        } catch (InputException x) {
            return; // stays marked invalid; nothing invalid reaches the model
        }
        if (!Double.isFinite(v) || v == driver.value()) {
            show(driver);
            return;
        }
        String id = driver.id();
        document.edit("Set " + driver.label(), s -> s.withDriverValue(id, v));
    }

    /** Shows a driver (its structure may have changed too: label, range, unit). */
    void show(Driver d) {
        updating = true;
        try {
            driver = d;
            mapping = SliderMapping.of(d);
            label.setText(d.label());
            unit.setText(d.unit() == null ? "" : d.unit());
            String tip = (d.description() == null ? "" : d.description() + "\n") + "Range " + Formats.number(mapping.min())
                    + " to " + Formats.number(mapping.max()) + (mapping.log() ? " (log scale)" : "");
            // one tooltip per row whose text changes: creating a Tooltip builds a popup window and styles it, and a new
            // one per frame makes JavaFX reapply CSS while dragging
            if (label.getTooltip() == null) {
                Tooltip t = new Tooltip(tip);
                t.setWrapText(true);
                t.setMaxWidth(420);
                label.setTooltip(t);
                slider.setTooltip(t);
            } else if (!label.getTooltip().getText().equals(tip)) {
                label.getTooltip().setText(tip);
            }
            String unitTip = d.unit() == null ? null : d.unit();
            if (unitTip == null) {
                unit.setTooltip(null);
            } else if (unit.getTooltip() == null) {
                unit.setTooltip(new Tooltip(unitTip));
            } else if (!unit.getTooltip().getText().equals(unitTip)) {
                unit.getTooltip().setText(unitTip);
            }
            slider.setMin(mapping.sliderMin());
            slider.setMax(mapping.sliderMax());
            slider.setBlockIncrement((mapping.sliderMax() - mapping.sliderMin()) / 50);
            slider.setValue(mapping.toSlider(d.value()));
            if (!field.isFocused() || !field.getText().equals(Formats.number(d.value()))) {
                field.setText(Formats.number(d.value()));
            }
            field.getStyleClass().remove(INVALID);
        } finally {
            updating = false;
        }
    }
}
