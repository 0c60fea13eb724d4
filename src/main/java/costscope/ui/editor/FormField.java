package costscope.ui.editor;

import costscope.model.Category;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/**
 * One field of a form: its input (text field, text area, choice, switch or colour), the message under it, and the
 * value last loaded from the model. Typing reports a change; Enter, leaving the field, or picking a choice asks for a
 * commit; Esc puts back the loaded value. Problems show as a ControlsFX decoration and as the message under it.
 */
public final class FormField {
    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();
    private final String key;
    private final Control control;
    private final Label message = new Label();
    private final VBox cell;
    private String loaded = "";
    private String hint;
    private String colorValue = "";
    private boolean loading;
    private Runnable onChange = () -> {
    };
    private Consumer<FormField> onCommit = f -> {
    };

    private FormField(String key, Control control) {
        this.key = key;
        this.control = control;
        control.setId("field-" + idPart(key));
        control.getStyleClass().add("editor-input");
        message.setId("message-" + idPart(key));
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        control.setMaxWidth(Double.MAX_VALUE);
        cell = new VBox(2, control, message);
        cell.getStyleClass().add("field-cell");
    }

    /** "tiers[1].upTo" -> "tiers-1-upTo", for node ids. */
    static String idPart(String key) {
        return key.replace("[", "-").replace("].", "-").replace("]", "").replace(".", "-");
    }

    public static FormField text(String key, String prompt) {
        javafx.scene.control.TextField t = new javafx.scene.control.TextField();
        t.setPromptText(prompt);
        FormField f = new FormField(key, t);
        f.wireText(t);
        t.setOnAction(e -> f.onCommit.accept(f));
        return f;
    }

    public static FormField area(String key, String prompt) {
        TextArea t = new TextArea();
        t.setPromptText(prompt);
        t.setWrapText(true);
        t.setPrefRowCount(2);
        FormField f = new FormField(key, t);
        f.wireText(t);
        return f;
    }

    /** A choice among JSON spellings ({@code ""} for "left out"), shown through {@code names}. */
    public static FormField choice(String key, List<String> values, Map<String, String> names) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(values));
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : names.getOrDefault(v, v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        FormField f = new FormField(key, c);
        c.valueProperty().addListener((o, a, b) -> f.changedByUser(true));
        return f;
    }

    public static FormField toggle(String key, String text) {
        ToggleSwitch t = new ToggleSwitch(text);
        FormField f = new FormField(key, t);
        t.setMaxWidth(Control.USE_PREF_SIZE);
        t.selectedProperty().addListener((o, a, b) -> f.changedByUser(true));
        return f;
    }

    /** A colour {@code #rrggbb}; "" is the palette's colour, shown as {@code paletteDefault}. */
    public static FormField color(String key) {
        ColorPicker p = new ColorPicker();
        FormField f = new FormField(key, p);
        p.setOnAction(e -> {
            if (f.loading) return;
            f.colorValue = hex(p.getValue());
            f.changedByUser(true);
        });
        return f;
    }

    private void wireText(TextInputControl t) {
        t.textProperty().addListener((o, a, b) -> changedByUser(false));
        t.focusedProperty().addListener((o, was, now) -> {
            if (!now && !loading) onCommit.accept(this);
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !text().equals(loaded)) {
                setText(loaded);
                onChange.run();
                e.consume();
            }
        });
    }

    private void changedByUser(boolean commit) {
        if (loading) return;
        onChange.run();
        if (commit) onCommit.accept(this);
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    public String key() {
        return key;
    }

    public Control control() {
        return control;
    }

    public Label message() {
        return message;
    }

    /** The input with its message under it, for a form's layout. */
    public VBox cell() {
        return cell;
    }

    public void onChange(Runnable r) {
        onChange = r;
    }

    public void onCommit(Consumer<FormField> c) {
        onCommit = c;
    }

    /** What the field holds now, in the draft's spelling. */
    @SuppressWarnings("unchecked")
    public String text() {
        if (control instanceof TextInputControl t) return t.getText() == null ? "" : t.getText();
        if (control instanceof ComboBox<?> c) return c.getValue() == null ? "" : ((ComboBox<String>) c).getValue();
        if (control instanceof ToggleSwitch t) return String.valueOf(t.isSelected());
        if (control instanceof ColorPicker) return colorValue;
        return "";
    }

    /** Sets what the field shows without reporting a change. */
    @SuppressWarnings("unchecked")
    public void setText(String value) {
        String v = value == null ? "" : value;
        loading = true;
        try {
            if (control instanceof TextInputControl t) {
                if (!v.equals(t.getText())) t.setText(v);
            } else if (control instanceof ComboBox<?> c) {
                ComboBox<String> cb = (ComboBox<String>) c;
                if (!v.isEmpty() && !cb.getItems().contains(v)) cb.getItems().add(v);
                cb.setValue(v);
            } else if (control instanceof ToggleSwitch t) {
                t.setSelected(Boolean.parseBoolean(v));
            } else if (control instanceof ColorPicker p) {
                colorValue = v;
                if (Category.isColour(v)) p.setValue(Color.web(v));
            }
        } finally {
            loading = false;
        }
    }

    /** Shows the palette colour a colour field stands for while it holds "" (the default). */
    public void showDefaultColor(String paletteHex) {
        if (control instanceof ColorPicker p && colorValue.isEmpty() && paletteHex != null) {
            loading = true;
            try {
                p.setValue(Color.web(paletteHex));
            } finally {
                loading = false;
            }
        }
    }

    /** Sets a colour field to the palette default and reports the change. */
    public void resetColor() {
        colorValue = "";
        changedByUser(true);
    }

    /** The choices of a choice field, keeping its value. */
    @SuppressWarnings("unchecked")
    public void setChoices(List<String> values) {
        if (!(control instanceof ComboBox<?> c)) return;
        ComboBox<String> cb = (ComboBox<String>) c;
        if (cb.getItems().equals(values)) return;
        String v = text();
        loading = true;
        try {
            cb.getItems().setAll(values);
            if (!v.isEmpty() && !values.contains(v)) cb.getItems().add(v);
            cb.setValue(v);
        } finally {
            loading = false;
        }
    }

    public String loaded() {
        return loaded;
    }

    /** True while the user is typing in this field a value that differs from the model's. */
    public boolean midEdit() {
        return control.isFocused() && !text().equals(loaded);
    }

    /** True when the field holds something other than what was last loaded. */
    public boolean dirty() {
        return !text().equals(loaded);
    }

    /** Loads the model's value; a field the user is typing in keeps their text when {@code keepMidEdit}. */
    public void load(String value, boolean keepMidEdit) {
        String v = value == null ? "" : value;
        if (keepMidEdit && midEdit()) {
            loaded = v;
            return;
        }
        loaded = v;
        setText(v);
    }

    /**
     * A lasting tooltip (what to type, a syntax): shown alone, or under the problem while there is one. Null for none.
     */
    public void setHint(String text) {
        if (Objects.equals(hint, text)) return;
        hint = text;
        tooltip(hasProblem() ? message.getText() : null);
    }

    /** The text a text field shows while it is empty. */
    public void setPrompt(String text) {
        if (control instanceof TextInputControl t) t.setPromptText(text);
    }

    private void tooltip(String problem) {
        String text = problem == null ? hint : hint == null ? problem : problem + "\n\n" + hint;
        control.setTooltip(text == null ? null : new Tooltip(text));
    }

    /** Marks the field with the problem (decoration, message, tooltip), or clears it when {@code p} is null. */
    public void show(FieldProblem p) {
        String text = p == null ? null : p.display();
        boolean same = Objects.equals(text, message.isVisible() ? message.getText() : null);
        if (same) return;
        decoration.removeDecorations(control);
        control.getStyleClass().remove("field-invalid");
        if (p == null) {
            message.setVisible(false);
            message.setText("");
            tooltip(null);
            return;
        }
        control.getStyleClass().add("field-invalid");
        message.setText(text);
        message.setVisible(true);
        tooltip(text);
        decoration.applyValidationDecoration(ValidationMessage.error(control, text));
    }

    public boolean hasProblem() {
        return message.isVisible();
    }

    /** Puts the caret on the problem's place in the text (selecting the name or number there). */
    public void reveal(FieldProblem p) {
        if (p == null || p.position() < 0 || !(control instanceof TextInputControl t)) return;
        int len = t.getText() == null ? 0 : t.getText().length();
        int start = Math.min(p.position(), len);
        int end = Math.min(Math.max(start, p.end(t.getText())), len);
        t.requestFocus();
        t.selectRange(start, end);
    }
}
