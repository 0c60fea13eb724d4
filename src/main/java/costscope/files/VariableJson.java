package costscope.files;

import costscope.files.JsonText.FormulaText;
import costscope.model.Place;
import costscope.model.Variable;
import costscope.model.VariableBuilder;


/** A variable in the file: its fields in file order, read with their places and written from the model. */
final class VariableJson {
    public String id;
    public String label;
    public String unit;
    public FormulaText formula;
    public String description;

    Variable read(Reading r, Place at) {
        return VariableBuilder.builder()
                .id(r.require(id, at, "id"))
                .label(r.require(label, at, "label"))
                .unit(unit)
                .formula(Reading.text(r.require(formula, at, "formula")))
                .description(description)
                .build();
    }

    static VariableJson of(Variable v) {
        VariableJson j = new VariableJson();
        j.id = v.id();
        j.label = v.label();
        j.unit = v.unit();
        j.formula = FormulaText.of(v.formula());
        j.description = v.description();
        return j;
    }
}
