package costscope.formula;

/**
 * A compiled formula evaluated over a {@link Block} of samples at once: each operation runs as one loop over the
 * samples, where {@link Fn} runs the whole formula once per sample. The same arithmetic in the same order, so each
 * sample's value is exactly its {@link Fn}'s ({@link Compiler#columnar}).
 */
@FunctionalInterface
public interface Columnar {
    /**
     * The formula's value in each sample of the block (the first {@link Block#size()} entries): a column of the block
     * or a temporary (taken from the block's stack; the caller releases it). Never to be written.
     */
    double[] eval(Block b);
}
