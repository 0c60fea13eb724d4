package costscope.files;

import costscope.model.Place;
import costscope.model.Sweep;
import costscope.model.SweepBuilder;


/** The default chart range in the file: fields in file order, read with their places and written from the model. */
final class SweepJson {
    public String driver;
    public Double from;
    public Double to;
    public Boolean log;

    Sweep read(Reading r) {
        Place at = Place.section("sweep");
        return SweepBuilder.builder()
                .driver(r.require(driver, at, "driver"))
                .from(Reading.nz(r.require(from, at, "from")))
                .to(Reading.nz(r.require(to, at, "to")))
                .log(log != null && log)
                .build();
    }

    static SweepJson of(Sweep s) {
        SweepJson j = new SweepJson();
        j.driver = s.driver();
        j.from = s.from();
        j.to = s.to();
        j.log = s.log();
        return j;
    }
}
