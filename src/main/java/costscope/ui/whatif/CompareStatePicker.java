package costscope.ui.whatif;

import costscope.model.Scenario;
import costscope.whatif.CompareStates;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import org.controlsfx.control.CheckComboBox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Compare view's choice of states: the states ticked, the reference among them and the waterfall's target among
 * the others ({@link CompareStates#select}). A choice the user makes is reported once, after the boxes agree again.
 */
final class CompareStatePicker {
    private final CheckComboBox<CompareStates.State> states;
    private final ComboBox<CompareStates.State> reference;
    private final ComboBox<CompareStates.State> target;
    private List<CompareStates.State> offered = List.of();
    private boolean updating;

    CompareStatePicker(CheckComboBox<CompareStates.State> states, ComboBox<CompareStates.State> reference,
                       ComboBox<CompareStates.State> target, Runnable changed) {
        this.states = states;
        this.reference = reference;
        this.target = target;
        Runnable picked = () -> {
            if (updating) return;
            sync();
            changed.run();
        };
        states.getCheckModel().getCheckedItems().addListener((ListChangeListener<CompareStates.State>) c -> picked.run());
        reference.valueProperty().addListener((o, a, b) -> picked.run());
        target.valueProperty().addListener((o, a, b) -> {
            if (!updating) changed.run();
        });
    }

    /**
     * Offers the scenario's states (when they changed), keeping the ticks that still exist, else ticking the default
     * ones; says how many states are offered.
     */
    int offer(Scenario sc) {
        List<CompareStates.State> now = CompareStates.offered(sc);
        if (!now.equals(offered)) {
            Set<String> ticked = new HashSet<>(checked().stream().map(CompareStates.State::key).toList());
            offered = now;
            updating = true;
            try {
                states.getCheckModel().clearChecks();
                states.getItems().setAll(now);
                List<CompareStates.State> keep = now.stream().filter(s -> ticked.contains(s.key())).toList();
                for (CompareStates.State s : keep.size() >= 2 ? keep : CompareStates.defaultSelection(now)) {
                    states.getCheckModel().check(s);
                }
            } finally {
                updating = false;
            }
            sync();
        }
        return now.size();
    }

    int offered() {
        return offered.size();
    }

    /** What the boxes pick now. */
    CompareStates.Selection selection() {
        return CompareStates.select(checked(), reference.getValue(), target.getValue());
    }

    /** The ticked states in the offered order. */
    private List<CompareStates.State> checked() {
        List<CompareStates.State> ticked = states.getCheckModel().getCheckedItems();
        return states.getItems().stream().filter(ticked::contains).toList();
    }

    /** The reference and the target offered and picked as the ticked states allow. */
    private void sync() {
        updating = true;
        try {
            List<CompareStates.State> ticked = checked();
            CompareStates.Selection sel = CompareStates.select(ticked, reference.getValue(), target.getValue());
            reference.getItems().setAll(ticked);
            reference.setValue(sel.reference());
            target.getItems().setAll(sel.others());
            target.setValue(sel.target());
        } finally {
            updating = false;
        }
    }
}
