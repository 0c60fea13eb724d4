package costscope.ui.panels;

import costscope.ui.base.NodeKeys;
import costscope.export.Formats;
import costscope.formula.NumberInput;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.editor.ModelEdits;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One driver: its label (tooltip: description, slider range and uncertainty), a number field and the unit, then a slider
 * with the driver's range drawn on it as a band ({@link RangeBand}) and the range button ("±": set, edit or clear the
 * range in the panel's {@link RangePopover}; Ctrl+R from anywhere in the row, or the slider's context menu). The slider,
 * the field and the range editor write into the document; the document's value is shown back without echoing an edit.
 */
final class DriverRow extends VBox {
    static final String INVALID = "invalid";
    static final String UNCERTAIN = "uncertain";
    /** Opens the range editor from the keyboard, on the row's slider, field or range button. */
    static final KeyCombination RANGE_KEY = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final ScenarioDocument document;
    private final RangePopover ranges;
    /** The label's and slider's tooltip (built when first hovered) and the texts of the row's tooltips. */
    private Tooltip rowTip;
    private String tipText = "";
    private String unitText;
    private String buttonText = "";
    private final Slider slider = new Slider();
    private final RangeBand band = new RangeBand(slider);
    private final TextField field = new TextField();
    private final Label label = new Label();
    private final Label unit = new Label();
    private final Button rangeButton = new Button("\u00b1");
    private ContextMenu menu;
    private Driver driver;
    private SliderMapping mapping;
    private boolean updating;

    DriverRow(ScenarioDocument document, RangePopover ranges, Driver d) {
        this.document = document;
        this.ranges = ranges;
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
        rangeButton.getStyleClass().add("range-button");
        rangeButton.setMinWidth(Button.USE_PREF_SIZE);
        rangeButton.setOnAction(e -> openRange(rangeButton));
        HBox top = new HBox(6, label, field, unit);
        top.setAlignment(Pos.CENTER_LEFT);
        slider.setMaxWidth(Double.MAX_VALUE);
        // the band lies under the slider (the thumb and the track over it, the band wider than the track) and lets the
        // mouse through; over the band the slider shows the band's tooltip
        StackPane track = new StackPane(slider, band);
        band.setViewOrder(1);   // drawn first, laid out after the slider whose track it reads
        track.getStyleClass().add("driver-slider");
        HBox.setHgrow(track, Priority.ALWAYS);
        // the range button at the end of the slider it draws on
        HBox bottom = new HBox(4, track, rangeButton);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, bottom);
        // the tooltips are built when the mouse first comes over them (a Tooltip builds a popup window: dozens of rows'
        // worth at start, most never hovered)
        slider.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Tooltip want = band.covers(e.getX()) ? band.tooltip() : rowTip();
            if (slider.getTooltip() != want) slider.setTooltip(want);
        });
        slider.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (rowTip != null && slider.getTooltip() != rowTip) slider.setTooltip(rowTip);
        });
        label.addEventFilter(MouseEvent.MOUSE_ENTERED, e -> {
            if (label.getTooltip() == null) label.setTooltip(rowTip());
        });
        unit.addEventFilter(MouseEvent.MOUSE_ENTERED, e -> {
            if (unitText != null && unit.getTooltip() == null) unit.setTooltip(new Tooltip(unitText));
        });
        rangeButton.addEventFilter(MouseEvent.MOUSE_ENTERED, e -> {
            if (rangeButton.getTooltip() == null) rangeButton.setTooltip(new Tooltip(buttonText));
        });
        slider.setOnContextMenuRequested(e -> {
            contextMenu().show(slider, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        label.setOnContextMenuRequested(e -> {
            contextMenu().show(label, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RANGE_KEY.match(e)) {
                openRange(e.getTarget() instanceof Node n ? n : rangeButton);
                e.consume();
            }
        });

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

    /** Names the row's nodes after its driver: keys, not ids, which would make each row a CSS kind of its own. */
    private void identify(Driver d) {
        NodeKeys.set(this, "driver-" + d.id());
        NodeKeys.set(slider, "slider-" + d.id());
        NodeKeys.set(field, "field-" + d.id());
        NodeKeys.set(rangeButton, "range-button-" + d.id());
        NodeKeys.set(band, "range-band-" + d.id());
    }

    /** Opens the range editor of this row's driver; focus goes back to {@code from} when it closes. */
    void openRange(Node from) {
        ranges.open(driver.id(), rangeButton, from);
    }

    /** The slider's context menu (made when first asked for): set or edit the range, clear it. */
    private ContextMenu contextMenu() {
        if (menu == null) {
            MenuItem edit = new MenuItem();
            edit.setAccelerator(RANGE_KEY);
            edit.setOnAction(e -> openRange(slider));
            MenuItem clear = new MenuItem("Clear range");
            clear.setOnAction(e -> {
                String id = driver.id();
                if (driver.range() != null) {
                    document.edit("Clear range of " + driver.label(), s -> ModelEdits.withRange(s, id, null));
                }
            });
            menu = new ContextMenu(edit, clear);
            menu.setOnShowing(e -> {
                edit.setText(driver.range() == null ? "Set range..." : "Edit range...");
                clear.setDisable(driver.range() == null);
            });
        }
        return menu;
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

    Button rangeButton() {
        return rangeButton;
    }

    RangeBand band() {
        return band;
    }

    /** The label's and slider's tooltip, built when the mouse first comes over either. */
    private Tooltip rowTip() {
        if (rowTip == null) {
            rowTip = new Tooltip(tipText);
            rowTip.setWrapText(true);
            rowTip.setMaxWidth(420);
        }
        return rowTip;
    }

    /** The panel's range editor, which this row opens. */
    RangePopover ranges() {
        return ranges;
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
            String uncertain = d.range() == null ? "Uncertainty: none (Ctrl+R or \u00b1 sets a range)"
                    : "Uncertainty: " + RangeBand.describe(d.range()) + " (Ctrl+R or \u00b1 edits it)";
            String tip = (d.description() == null ? "" : d.description() + "\n") + "Range " + Formats.number(mapping.min())
                    + " to " + Formats.number(mapping.max()) + (mapping.log() ? " (log scale)" : "") + "\n" + uncertain;
            // one tooltip per row whose text changes: creating a Tooltip builds a popup window and styles it, and a new
            // one per frame makes JavaFX reapply CSS while dragging
            tipText = tip;
            if (rowTip != null && !rowTip.getText().equals(tip)) rowTip.setText(tip);
            slider.setAccessibleHelp(tip);
            label.setAccessibleHelp(tip);
            unitText = d.unit();
            unit.setAccessibleHelp(unitText);
            if (unitText == null) {
                unit.setTooltip(null);
            } else if (unit.getTooltip() != null && !unit.getTooltip().getText().equals(unitText)) {
                unit.getTooltip().setText(unitText);
            }
            band.show(d.range(), mapping);
            String buttonTip = d.range() == null ? "Set a range: how uncertain " + d.label() + " is, for Monte Carlo (Ctrl+R)"
                    : RangeBand.describe(d.range()) + "\nEdit or clear the range (Ctrl+R)";
            buttonText = buttonTip;
            if (rangeButton.getTooltip() != null && !rangeButton.getTooltip().getText().equals(buttonTip)) {
                rangeButton.getTooltip().setText(buttonTip);
            }
            rangeButton.setAccessibleHelp(buttonTip);
            rangeButton.setAccessibleText(d.range() == null ? "Set range of " + d.label() : "Edit range of " + d.label());
            // what a screen reader speaks: the driver's own value and unit (the slider's position may be on a log scale)
            String spoken = d.label() + ": " + Formats.number(d.value()) + (d.unit() == null ? "" : " " + d.unit());
            slider.setAccessibleText(spoken);
            field.setAccessibleText(d.label() + (d.unit() == null ? "" : ", in " + d.unit()));
            if (d.range() == null) {
                rangeButton.getStyleClass().remove(UNCERTAIN);
            } else if (!rangeButton.getStyleClass().contains(UNCERTAIN)) {
                rangeButton.getStyleClass().add(UNCERTAIN);
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
