package costscope.ui;

import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.export.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.SimpleStringProperty;

/** The main window (minimal until the explorer lands): scenario name, headline totals and the category table. */
public final class MainWindowController {
    @FXML
    private Label scenarioName;
    @FXML
    private Label monthlyTotal;
    @FXML
    private Label annualTotal;
    @FXML
    private Label costPerUser;
    @FXML
    private TableView<Results.CategoryResult> categoryTable;
    @FXML
    private TableColumn<Results.CategoryResult, String> categoryColumn;
    @FXML
    private TableColumn<Results.CategoryResult, String> monthlyColumn;
    @FXML
    private TableColumn<Results.CategoryResult, String> shareColumn;

    private final ReadOnlyObjectWrapper<Results> results = new ReadOnlyObjectWrapper<>(this, "results");

    public ReadOnlyObjectProperty<Results> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    @FXML
    private void initialize() {
        categoryColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        monthlyColumn.setCellValueFactory(c -> new SimpleStringProperty(money(c.getValue().monthly())));
        shareColumn.setCellValueFactory(c -> new SimpleStringProperty(Formats.percent(c.getValue().share())));
    }

    private String currency = "USD";

    private String money(double v) {
        return Formats.money(v, currency);
    }

    void show(CompiledScenario c) {
        currency = c.scenario().currency();
        Results r = c.newEvaluator().evaluateWithSavings();
        results.set(r);
        scenarioName.setText(c.scenario().name());
        monthlyTotal.setText(money(r.monthlyTotal()) + " / month");
        annualTotal.setText(money(r.annualTotal()) + " / year");
        var users = c.scenario().business() == null ? null : c.scenario().business().users();
        double cpu = r.metrics().get("costPerUser");
        costPerUser.setText(Double.isFinite(cpu)
                ? money(cpu) + " per " + (users != null && users.label() != null ? users.label() : "user") : "");
        categoryTable.setItems(FXCollections.observableArrayList(r.categories()));
    }

    void showMessage(String text) {
        scenarioName.setText(text);
    }
}
