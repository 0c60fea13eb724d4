package costscope.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of a block of samples evaluated together ({@link Columnar}): the base slots, shared by every sample, and a
 * column of values per slot that differs between the samples. A slot without a column holds its base value in every
 * sample. Temporary columns come from a stack ({@link #mark}, {@link #temp}, {@link #release}), so evaluating a block
 * allocates nothing once the first block has run. Not thread-safe: one per thread.
 */
public final class Block {
    private final double[] base;
    private final double[][] columns;
    private final int capacity;
    private final List<double[]> temps = new ArrayList<>();
    private int top;
    private int n;

    /** A block over {@code base} (not copied: the slots every sample shares), of at most {@code capacity} samples. */
    public Block(double[] base, int capacity) {
        this.base = base;
        this.columns = new double[base.length][];
        this.capacity = capacity;
    }

    /** The base slots (what a slot without a column holds in every sample). */
    public double[] base() {
        return base;
    }

    /** Samples in the block now. */
    public int size() {
        return n;
    }

    /** Starts a block of {@code n} samples (at most the capacity); the columns keep their arrays. */
    public void size(int n) {
        if (n < 0 || n > capacity) throw new IllegalArgumentException("block of " + n + " (capacity " + capacity + ")");
        this.n = n;
    }

    /** Slot k's values, one per sample: its column, or a temporary filled with its base value. Not to be written. */
    public double[] read(int k) {
        double[] c = columns[k];
        return c != null ? c : filled(base[k]);
    }

    /** Slot k's column, to be written (made on first use, then the same array). */
    public double[] write(int k) {
        double[] c = columns[k];
        if (c == null) {
            c = new double[capacity];
            columns[k] = c;
        }
        return c;
    }

    /** A temporary column holding v in every sample. */
    public double[] filled(double v) {
        double[] t = temp();
        Arrays.fill(t, 0, n, v);
        return t;
    }

    /** Where the temporaries stand: {@link #release} to it frees every temporary taken after. */
    public int mark() {
        return top;
    }

    /** A temporary column (its values are left over from earlier use), valid until released. */
    public double[] temp() {
        if (top == temps.size()) temps.add(new double[capacity]);
        return temps.get(top++);
    }

    /** Frees the temporaries taken since {@code mark}. */
    public void release(int mark) {
        top = mark;
    }
}
