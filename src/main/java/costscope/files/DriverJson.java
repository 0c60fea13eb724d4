package costscope.files;

import costscope.model.Driver;
import costscope.model.DriverBuilder;
import costscope.model.Place;
import costscope.model.SliderScale;


/** A driver in the file: its fields in file order, read with their places and written from the model. */
final class DriverJson {
    public String id;
    public String label;
    public String unit;
    public Double value;
    public Double min;
    public Double max;
    public Double step;
    public String scale;
    public String description;

    Driver read(Reading r, Place at) {
        return DriverBuilder.builder()
                .id(r.require(id, at, "id"))
                .label(r.require(label, at, "label"))
                .unit(unit)
                .value(Reading.nz(r.require(value, at, "value")))
                .min(min)
                .max(max)
                .step(step)
                .scale(r.choice(scale, SliderScale.class, at.field("scale")))
                .description(description)
                .build();
    }

    static DriverJson of(Driver d) {
        DriverJson j = new DriverJson();
        j.id = d.id();
        j.label = d.label();
        j.unit = d.unit();
        j.value = d.value();
        j.min = d.min();
        j.max = d.max();
        j.step = d.step();
        j.scale = d.scale() == null ? null : d.scale().json();
        j.description = d.description();
        return j;
    }
}
