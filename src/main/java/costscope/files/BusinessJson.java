package costscope.files;

import costscope.files.JsonText.FormulaText;
import costscope.model.Business;
import costscope.model.BusinessBuilder;
import costscope.model.Denominator;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Problem.Code;

import java.util.List;


/** The business model in the file: fields in file order, read with their places and written from the model. */
final class BusinessJson {
    public DenominatorJson users;
    public List<DenominatorJson> denominators;
    public FormulaText price;
    public FormulaText conversion;
    public FormulaText payingBase;
    public FormulaText markup;
    public FormulaText funding;

    /** Who "the user" is ({@code users}, no id) or a "cost per X" denominator. */
    static final class DenominatorJson {
        public String id;
        public String label;
        public FormulaText formula;

        static DenominatorJson of(Denominator d) {
            DenominatorJson j = new DenominatorJson();
            j.id = d.id();
            j.label = d.label();
            j.formula = FormulaText.of(d.formula());
            return j;
        }
    }

    Business read(Reading r) {
        Place at = Place.section("business.users");
        Denominator u = users == null ? null : new Denominator(null, users.label, Reading.text(r.require(users.formula, at, "formula")));
        if (users != null && users.id != null) {
            r.add(Problem.of(at.field("id"), Code.UNKNOWN_FIELD, "users takes no id (it is always 'users')"));
        }
        List<Denominator> dens = r.list(denominators, null, "business.denominators", false, (d, dw) -> new Denominator(
                r.require(d.id, dw, "id"), r.require(d.label, dw, "label"), Reading.text(r.require(d.formula, dw, "formula"))));
        return BusinessBuilder.builder()
                .users(u)
                .denominators(dens)
                .price(Reading.text(price))
                .conversion(Reading.text(conversion))
                .payingBase(Reading.text(payingBase))
                .markup(Reading.text(markup))
                .funding(Reading.text(funding))
                .build();
    }

    static BusinessJson of(Business b) {
        BusinessJson j = new BusinessJson();
        j.users = b.users() == null ? null : DenominatorJson.of(b.users());
        j.denominators = b.denominators().isEmpty() ? null : b.denominators().stream().map(DenominatorJson::of).toList();
        j.price = FormulaText.of(b.price());
        j.conversion = FormulaText.of(b.conversion());
        j.payingBase = FormulaText.of(b.payingBase());
        j.markup = FormulaText.of(b.markup());
        j.funding = FormulaText.of(b.funding());
        return j;
    }
}
