package costscope.files;

import costscope.model.Category;
import costscope.model.CategoryBuilder;
import costscope.model.Place;


/** A category in the file: its fields in file order, read with their places and written from the model. */
final class CategoryJson {
    public String id;
    public String label;
    public String color;
    public String description;

    Category read(Reading r, Place at) {
        return CategoryBuilder.builder()
                .id(r.require(id, at, "id"))
                .label(r.require(label, at, "label"))
                .color(color)
                .description(description)
                .build();
    }

    static CategoryJson of(Category c) {
        CategoryJson j = new CategoryJson();
        j.id = c.id();
        j.label = c.label();
        j.color = c.color();
        j.description = c.description();
        return j;
    }
}
