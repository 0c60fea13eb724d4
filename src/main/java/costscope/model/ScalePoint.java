package costscope.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named column of the report: a set of driver values. */
public record ScalePoint(String id, String label, Map<String, Double> values) {
    public ScalePoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
