package costscope.ui.base;

import javafx.util.StringConverter;

import java.util.function.DoubleFunction;
import java.util.function.Function;

/** Converters that only show values as text (choice boxes, axis tick labels): nothing is ever parsed back. */
public final class TextConverter {
    private TextConverter() {
    }

    /** Shows a value through {@code text} (null as ""). */
    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : text.apply(v);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Tick labels of a number axis. */
    public static StringConverter<Number> ofNumbers(DoubleFunction<String> text) {
        return of(n -> text.apply(n.doubleValue()));
    }
}
