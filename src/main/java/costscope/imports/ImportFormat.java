package costscope.imports;

import java.util.Arrays;
import java.util.Locale;

/** The estimate files Costscope imports, by the names {@code import --from} takes. */
public enum ImportFormat {
    AWS_JSON("aws-json", "AWS Pricing Calculator JSON export"),
    AWS_CSV("aws-csv", "AWS Pricing Calculator CSV export"),
    INFRACOST("infracost", "Infracost JSON output");

    /** The name {@code --from} takes. */
    public final String id;
    /** What the file is, in a report. */
    public final String title;

    ImportFormat(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The format named {@code id} ("aws-json"), or null. */
    public static ImportFormat named(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }
}
