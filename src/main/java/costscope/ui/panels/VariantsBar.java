package costscope.ui.panels;

import costscope.ui.base.LazyTooltip;
import costscope.model.Scenario;
import costscope.model.Variant;
import costscope.ui.base.AppContext;
import costscope.whatif.Variants;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sidebar's variants: one button per variant (pressed when the sliders are in its state), a click switches to it,
 * a right-click updates, renames or deletes it, and "Save as variant" records the current sliders and levers. Every
 * change is one undoable edit.
 */
final class VariantsBar {
    private final AppContext ctx;
    private final FlowPane flow = new FlowPane(6, 6);
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();

    VariantsBar(AppContext ctx, Scenario s) {
        this.ctx = ctx;
        flow.getStyleClass().add("variants");
        flow.setId("variants");
        for (Variant v : s.variants()) {
            ToggleButton b = new ToggleButton(v.displayName());
            b.setId("variant-" + v.id());
            b.getStyleClass().add("variant-button");
            LazyTooltip.install(b, (v.description() != null ? v.description() + "\n\n" : "") + Variants.summary(v)
                    + ".\nClick to set its drivers and levers" + (v.prices().isEmpty() ? "" : " (its prices apply in Compare)")
                    + "; right-click to update, rename or delete it.");
            b.setOnAction(e -> {
                ctx.document().edit("Switch to " + v.displayName(), sc -> Variants.switchTo(sc, v.id()));
                show(ctx.document().scenario());
            });
            // the menu is built when first asked for (a right-click or the menu key), not with the bar: it is a popup
            // window with its own scene (a filter, so it is there before the button looks for it)
            b.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                if (b.getContextMenu() == null) b.setContextMenu(menu(v));
            });
            buttons.put(v.id(), b);
            flow.getChildren().add(b);
        }
        Button save = new Button("+ Save as variant…");
        save.setId("saveVariantButton");
        save.getStyleClass().add("save-variant-button");
        LazyTooltip.install(save, "Record the current sliders and levers as a named variant, to switch back to and to"
                + " compare in the What-if tab (saved in the scenario file)");
        save.setOnAction(e -> saveCurrent());
        flow.getChildren().add(save);
    }

    FlowPane node() {
        return flow;
    }

    /** Presses the buttons of the variants the sliders are in. */
    void show(Scenario s) {
        for (Variant v : s.variants()) {
            ToggleButton b = buttons.get(v.id());
            if (b != null) b.setSelected(Variants.matches(s, v));
        }
    }

    private void saveCurrent() {
        Scenario s = ctx.document().scenario();
        int n = s.variants().size() + 1;
        while (labelTaken(s, "Variant " + n)) n++;
        String suggested = "Variant " + n;
        ctx.dialogs().askText("Save as variant", "Name of the new variant (it records every slider and lever as they are now)",
                suggested).ifPresent(name -> ctx.document().edit("Save variant " + name, sc -> Variants.saveCurrent(sc, name)));
    }

    private static boolean labelTaken(Scenario s, String label) {
        return s.variants().stream().anyMatch(v -> v.displayName().equalsIgnoreCase(label));
    }

    private ContextMenu menu(Variant v) {
        MenuItem update = new MenuItem("Update to the current sliders and levers");
        update.setOnAction(e -> ctx.document().edit("Update variant " + v.displayName(), sc -> Variants.updateToCurrent(sc, v.id())));
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> ctx.dialogs().askText("Rename variant", "New name of " + v.displayName(), v.displayName())
                .ifPresent(name -> ctx.document().edit("Rename variant " + v.displayName(), sc -> Variants.rename(sc, v.id(), name))));
        MenuItem delete = new MenuItem("Delete (Ctrl+Z brings it back)");
        delete.setOnAction(e -> ctx.document().edit("Delete variant " + v.displayName(), sc -> Variants.remove(sc, v.id())));
        return new ContextMenu(update, rename, delete);
    }
}
