package costscope.ui.export;

import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.formula.NumberInput;
import costscope.model.InputException;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * "Export chart...": chart, size preset (16:9, 4:3, square or custom width and height), pixel scale 1x/2x/3x, PNG or
 * SVG, white or transparent background, title, subtitle and footnote (prefilled). Every control has an id for tests.
 */
public final class ChartExportDialog extends Dialog<ChartRequest> {
    static final String CUSTOM = "Custom";
    final ComboBox<ChartKind> chart = new ComboBox<>(FXCollections.observableArrayList(ChartKind.values()));
    final ComboBox<String> preset = new ComboBox<>();
    final Spinner<Integer> width = new Spinner<>(200, 8000, 1920, 10);
    final Spinner<Integer> height = new Spinner<>(150, 8000, 1080, 10);
    final ToggleGroup scale = new ToggleGroup();
    final ToggleGroup format = new ToggleGroup();
    final ToggleGroup background = new ToggleGroup();
    final TextField title = new TextField();
    final TextField subtitle = new TextField();
    final TextField footnote = new TextField();

    public ChartExportDialog(ChartRequest defaults, boolean allCharts) {
        setTitle(allCharts ? "Export all charts" : "Export chart");
        setHeaderText(allCharts ? "Export every chart, one file each" : "Export a chart for slides");
        DeckStyle st = defaults.style();
        chart.setId("export-chart-kind");
        chart.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChartKind k) {
                return k == null ? "" : k.title();
            }

            @Override
            public ChartKind fromString(String s) {
                return null;
            }
        });
        chart.setValue(defaults.kind());
        chart.setDisable(allCharts);
        List<String> presets = new ArrayList<>();
        for (DeckStyle.Preset p : DeckStyle.Preset.values()) presets.add(p.label);
        presets.add(CUSTOM);
        preset.setItems(FXCollections.observableArrayList(presets));
        preset.setId("export-size-preset");
        width.setId("export-width");
        height.setId("export-height");
        width.setEditable(true);
        height.setEditable(true);
        width.getValueFactory().setConverter(typedSize(width));
        height.getValueFactory().setConverter(typedSize(height));
        width.setPrefWidth(100);
        height.setPrefWidth(100);
        width.getValueFactory().setValue(st.width());
        height.getValueFactory().setValue(st.height());
        preset.setValue(presetOf(st.width(), st.height()));
        preset.valueProperty().addListener((o, a, v) -> applyPreset(v));
        applyPreset(preset.getValue());
        HBox scales = toggles(scale, "export-scale-", List.of("1x", "2x", "3x"), st.scale() + "x");
        HBox formats = toggles(format, "export-format-", List.of("PNG", "SVG"), defaults.svg() ? "SVG" : "PNG");
        HBox backgrounds = toggles(background, "export-background-", List.of("White", "Transparent"),
                st.background() == DeckStyle.Background.TRANSPARENT ? "Transparent" : "White");
        title.setId("export-title");
        subtitle.setId("export-subtitle");
        footnote.setId("export-footnote");
        title.setText(allCharts ? "" : st.title());
        title.setPromptText(allCharts ? "each chart's own title" : "");
        title.setDisable(allCharts);
        subtitle.setText(st.subtitle());
        footnote.setText(st.footnote());
        title.setPrefColumnCount(40);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        int row = 0;
        g.addRow(row++, new Label("Chart"), chart);
        g.addRow(row++, new Label("Size"), new HBox(8, preset, width, new Label("x"), height));
        g.addRow(row++, new Label("Pixel scale"), scales);
        g.addRow(row++, new Label("Format"), formats);
        g.addRow(row++, new Label("Background"), backgrounds);
        g.addRow(row++, new Label("Title"), title);
        g.addRow(row++, new Label("Subtitle"), subtitle);
        g.addRow(row, new Label("Footnote"), footnote);
        getDialogPane().setContent(g);
        ButtonType export = new ButtonType(allCharts ? "Export all..." : "Export...", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        setResultConverter(b -> b == export ? request() : null);
    }

    /**
     * A size as typed into a spinner (1920, 1,920, 2k), read as every typed number is ({@link NumberInput}); what is
     * not a whole number keeps the value the spinner had, and shows it again, rather than failing on the FX thread.
     */
    private static StringConverter<Integer> typedSize(Spinner<Integer> spinner) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String s) {
                Integer v = size(s);
                if (v == null) {
                    v = spinner.getValue();
                    spinner.getEditor().setText(toString(v));
                }
                return v;
            }
        };
    }

    /** The whole number typed, or null when it is not one (4,99, 1.5, 1e400, NaN, text). */
    static Integer size(String typed) {
        try {
            double v = NumberInput.parse(typed);
            return v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE ? (int) v : null;
        } catch (InputException e) {
            return null;
        }
    }

    private static String presetOf(int w, int h) {
        for (DeckStyle.Preset p : DeckStyle.Preset.values()) if (p.width == w && p.height == h) return p.label;
        return CUSTOM;
    }

    private void applyPreset(String label) {
        for (DeckStyle.Preset p : DeckStyle.Preset.values()) {
            if (p.label.equals(label)) {
                width.getValueFactory().setValue(p.width);
                height.getValueFactory().setValue(p.height);
            }
        }
        boolean custom = CUSTOM.equals(label);
        width.setDisable(!custom);
        height.setDisable(!custom);
    }

    private static HBox toggles(ToggleGroup group, String idPrefix, List<String> labels, String selected) {
        HBox box = new HBox(4);
        for (String l : labels) {
            ToggleButton b = new ToggleButton(l);
            b.setId(idPrefix + l.toLowerCase());
            b.setUserData(l);
            b.setToggleGroup(group);
            if (l.equals(selected)) b.setSelected(true);
            box.getChildren().add(b);
        }
        // one choice is always selected
        group.selectedToggleProperty().addListener((o, a, n) -> {
            if (n == null && a != null) a.setSelected(true);
        });
        return box;
    }

    private static String selected(ToggleGroup g) {
        return g.getSelectedToggle() == null ? "" : (String) g.getSelectedToggle().getUserData();
    }

    /** The request the controls describe. */
    ChartRequest request() {
        int s = Integer.parseInt(selected(scale).replace("x", ""));
        DeckStyle.Background bg = selected(background).equals("Transparent") ? DeckStyle.Background.TRANSPARENT : DeckStyle.Background.WHITE;
        DeckStyle st = new DeckStyle(width.getValue(), height.getValue(), s, bg, title.getText(), subtitle.getText(), footnote.getText());
        return new ChartRequest(chart.getValue(), selected(format).equals("SVG"), st);
    }

    /** For tests: the content node. */
    Node content() {
        return getDialogPane().getContent();
    }
}
