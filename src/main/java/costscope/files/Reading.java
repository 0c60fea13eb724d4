package costscope.files;

import costscope.model.JsonNames;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Problem.Code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Reading the file's objects into the model: the problems found so far, and the checks every object's reading uses
 * (a required field, a list and its elements, a choice, a map without nulls), each adding a problem with its place.
 */
final class Reading {
    final List<Problem> problems;

    Reading(List<Problem> problems) {
        this.problems = problems;
    }

    void add(Problem p) {
        problems.add(p);
    }

    <T> T require(T v, Place at, String field) {
        if (v == null) problems.add(Problem.of(at.field(field), Code.MISSING, "missing required field '" + field + "'", field));
        return v;
    }

    /** The formula's text, or null when the field is left out. */
    static String text(JsonText.FormulaText t) {
        return JsonText.FormulaText.text(t);
    }

    static double nz(Double d) {
        return d == null ? 0 : d;
    }

    /**
     * The elements of a list, each read; a null element is a problem, a missing required list too. A list of the
     * file ({@code owner} null) has elements {@code name[i]}; a list inside an element, {@code owner.name[i]}.
     */
    <J, M> List<M> list(List<J> in, Place owner, String name, boolean required, BiFunction<J, Place, M> read) {
        List<M> out = new ArrayList<>();
        if (in == null) {
            Place list = owner == null ? Place.section(name) : owner.field(name);
            if (required) problems.add(Problem.of(list, Code.MISSING, "missing required field '" + list.where() + "'"));
            return out;
        }
        for (int i = 0; i < in.size(); i++) {
            J j = in.get(i);
            Place at = owner == null ? Place.path(name, i) : owner.row(name, i);
            if (j == null) {
                problems.add(Problem.of(at, Code.NULL, "null is not allowed here"));
                continue;
            }
            out.add(read.apply(j, at));
        }
        return out;
    }

    /** A choice spelt as the file spells it ({@link JsonNames}); another text is a problem naming the choices. */
    <E extends Enum<E>> E choice(String s, Class<E> type, Place at) {
        if (s == null) return null;
        E e = JsonNames.parse(type, s);
        if (e == null) {
            problems.add(Problem.of(at, Code.CHOICE, "'" + s + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(a -> "\"" + JsonNames.of(a) + "\"").collect(Collectors.joining(", ")), s));
        }
        return e;
    }

    /** The map without its null values, each a problem at its key. */
    <V> Map<String, V> nonNullValues(Map<String, V> m, Place at) {
        if (m == null) return Map.of();
        for (Map.Entry<String, V> e : m.entrySet()) {
            if (e.getValue() == null) problems.add(Problem.of(at.key(e.getKey()), Code.NULL, "null is not allowed here"));
        }
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
