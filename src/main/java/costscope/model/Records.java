package costscope.model;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a model record into its builder, field by field by name, so that a record's components are the one list
 * of its fields: each record's {@code with(change)} starts from a builder holding its values, and its builder's
 * {@code build()} calls the constructor. Only this package's records and builders are ever given to it (never a
 * name from a file).
 */
final class Records {
    private record Pair(RecordComponent component, Field field) {
    }

    private Records() {
    }

    /** A record's builder: public fields named as the record's components, and the constructor call. */
    interface Builder<R> {
        R build();
    }

    /** A record from a builder after {@code change} has set its fields. */
    static <R, B extends Builder<R>> R build(B builder, java.util.function.Consumer<B> change) {
        change.accept(builder);
        return builder.build();
    }

    /** A copy of {@code record} with the fields {@code change} sets. */
    static <R extends Record, B extends Builder<R>> R with(R record, B builder, java.util.function.Consumer<B> change) {
        return build(fill(record, builder), change);
    }

    /** Sets every field of {@code builder} to the value of the record's component of the same name. */
    static <B> B fill(Record record, B builder) {
        try {
            for (Pair p : pairs(record.getClass(), builder.getClass())) {
                p.field.set(builder, p.component.getAccessor().invoke(record));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " into its builder", e);
        }
        return builder;
    }

    /** The (component, builder field) pairs; every component must have a public builder field of its name and type. */
    static List<Pair> pairs(Class<?> recordType, Class<?> builderType) {
        return CACHE.get(recordType).computeIfAbsent(builderType);
    }

    private static final ClassValue<Lookup> CACHE = new ClassValue<>() {
        @Override
        protected Lookup computeValue(Class<?> type) {
            return new Lookup(type);
        }
    };

    private static final class Lookup {
        private final Class<?> recordType;
        private volatile List<Pair> pairs;

        Lookup(Class<?> recordType) {
            this.recordType = recordType;
        }

        List<Pair> computeIfAbsent(Class<?> builderType) {
            List<Pair> p = pairs;
            if (p == null) {
                p = new ArrayList<>();
                for (RecordComponent c : recordType.getRecordComponents()) {
                    try {
                        Field f = builderType.getField(c.getName());
                        if (!f.getType().equals(c.getType())) {
                            throw new IllegalStateException(builderType.getName() + "." + c.getName() + " is a "
                                    + f.getType().getSimpleName() + ", the record's is a " + c.getType().getSimpleName());
                        }
                        p.add(new Pair(c, f));
                    } catch (NoSuchFieldException e) {
                        throw new IllegalStateException(builderType.getName() + " has no field " + c.getName(), e);
                    }
                }
                p = List.copyOf(p);
                pairs = p;
            }
            return p;
        }
    }
}
