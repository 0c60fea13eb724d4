package costscope.files;

import costscope.model.Place;
import costscope.model.ScalePoint;

import java.util.LinkedHashMap;


/** A scale point in the file: fields in file order, read with their places and written from the model. */
final class ScalePointJson {
    public String id;
    public String label;
    public LinkedHashMap<String, Double> values;

    ScalePoint read(Reading r, Place at) {
        return new ScalePoint(r.require(id, at, "id"), label, r.nonNullValues(r.require(values, at, "values"), at.row("values")));
    }

    static ScalePointJson of(ScalePoint p) {
        ScalePointJson j = new ScalePointJson();
        j.id = p.id();
        j.label = p.label();
        j.values = new LinkedHashMap<>(p.values());
        return j;
    }
}
