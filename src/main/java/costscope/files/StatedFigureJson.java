package costscope.files;

import costscope.model.FigureFormat;
import costscope.model.Place;
import costscope.model.StatedFigure;
import costscope.model.StatedFigureBuilder;

import java.util.LinkedHashMap;


/** A stated figure in the file: fields in file order, read with their places and written from the model. */
final class StatedFigureJson {
    public String label;
    public String at;
    public LinkedHashMap<String, Boolean> levers;
    public LinkedHashMap<String, Double> set;
    public String of;
    public Double value;
    public Double rounding;
    public String format;
    public String note;

    StatedFigure read(Reading r, Place where) {
        return StatedFigureBuilder.builder()
                .label(r.require(label, where, "label"))
                .at(at)
                .levers(r.nonNullValues(levers, where.row("levers")))
                .set(r.nonNullValues(set, where.row("set")))
                .of(r.require(of, where, "of"))
                .value(Reading.nz(r.require(value, where, "value")))
                .rounding(rounding)
                .format(r.choice(format, FigureFormat.class, where.field("format")))
                .note(note)
                .build();
    }

    /** A stated figure; empty lever and driver settings are left out. */
    static StatedFigureJson of(StatedFigure s) {
        StatedFigureJson j = new StatedFigureJson();
        j.label = s.label();
        j.at = s.at();
        j.levers = s.levers().isEmpty() ? null : new LinkedHashMap<>(s.levers());
        j.set = s.set().isEmpty() ? null : new LinkedHashMap<>(s.set());
        j.of = s.of();
        j.value = s.value();
        j.rounding = s.rounding();
        j.format = s.format() == null ? null : s.format().json();
        j.note = s.note();
        return j;
    }
}
