package costscope.engine;

import costscope.formula.Block;
import costscope.formula.Columnar;
import costscope.formula.Compiler;
import costscope.formula.Fn;

/**
 * The program's plain steps (a formula, a copy, a replaced value, a sum, an operation on known slots), each with its
 * {@link CompiledScenario.ColumnStep columnar form}: the same arithmetic sample by sample. Item pricing is
 * {@link ItemPricing}.
 */
final class Steps {
    private Steps() {
    }

    /** Copies the values of a columnar form into slot {@code out}'s column. */
    private static CompiledScenario.ColumnStep into(Columnar c, int out) {
        if (c == null) return null;
        return b -> {
            int m = b.mark();
            System.arraycopy(c.eval(b), 0, b.write(out), 0, b.size());
            b.release(m);
        };
    }

    /** s[out] = f(s). */
    record Formula(Fn f, int out) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            s[out] = f.eval(s);
        }

        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            return into(Compiler.columnar(f), out);
        }
    }

    /** s[out] = s[in]: a driver's value from its input. */
    record Copy(int in, int out) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            s[out] = s[in];
        }

        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            return into(Compiler.columnar(Compiler.slot(in)), out);
        }
    }

    /** A value the last enabled lever's formula replaces: {@code from} computes the node's own value. */
    record Replaced(Fn from, LeverOverrides.Override[] ov, int out) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            LeverOverrides.Override w = LeverOverrides.winner(ov, s);
            s[out] = w == null ? from.eval(s) : w.fn().eval(s);
        }

        /** The levers are inputs no step writes: the winner in the base state is every sample's. */
        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            LeverOverrides.Override w = LeverOverrides.winner(ov, base);
            return into(Compiler.columnar(w == null ? from : w.fn()), out);
        }
    }

    /** s[out] = the sum of the slots {@code of}, in order from 0. */
    record Sum(int[] of, int out) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            double sum = 0;
            for (int k : of) sum += s[k];
            s[out] = sum;
        }

        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            return b -> {
                int n = b.size();
                double[] o = b.write(out);
                java.util.Arrays.fill(o, 0, n, 0);
                int m = b.mark();
                for (int k : of) {
                    double[] x = b.read(k);
                    for (int i = 0; i < n; i++) o[i] += x[i];
                    b.release(m);
                }
            };
        }
    }

    /** s[out] = s[numerator] / f(s): the total per unit of a business denominator. */
    record Per(int numerator, Fn f, int out) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            s[out] = s[numerator] / f.eval(s);
        }

        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            Columnar c = Compiler.columnar(f);
            if (c == null) return null;
            return b -> {
                int n = b.size();
                int m = b.mark();
                double[] x = b.read(numerator);
                double[] y = c.eval(b);
                double[] o = b.write(out);
                for (int i = 0; i < n; i++) o[i] = x[i] / y[i];
                b.release(m);
            };
        }
    }

    /**
     * The upfront payments: s[out] = the sum of the items' upfront slots, s[monthly] = of their monthly shares (items
     * at {@code of}, in order from 0).
     */
    record Upfront(int[] of, int out, int monthly) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            double sum = 0;
            double perMonth = 0;
            for (int k : of) {
                sum += s[k + SlotLayout.UPFRONT];
                perMonth += s[k + SlotLayout.UPFRONT_MONTHLY];
            }
            s[out] = sum;
            s[monthly] = perMonth;
        }

        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            int[] upfront = java.util.Arrays.stream(of).map(k -> k + SlotLayout.UPFRONT).toArray();
            int[] shares = java.util.Arrays.stream(of).map(k -> k + SlotLayout.UPFRONT_MONTHLY).toArray();
            CompiledScenario.ColumnStep a = new Sum(upfront, out).columns(base);
            CompiledScenario.ColumnStep c = new Sum(shares, monthly).columns(base);
            return b -> {
                a.run(b);
                c.run(b);
            };
        }
    }

    /**
     * A step that reads only the slots {@code reads} and writes only {@code writes}: its columnar form runs the step
     * itself on each sample's row (those slots gathered from the block, the rest the base).
     */
    record OnSlots(CompiledScenario.Step step, int[] reads, int[] writes) implements CompiledScenario.Step {
        @Override
        public void run(double[] s) {
            step.run(s);
        }

        @Override
        public CompiledScenario.ColumnStep columns(double[] base) {
            return b -> {
                int n = b.size();
                double[] row = b.base().clone();
                int m = b.mark();
                double[][] in = new double[reads.length][];
                for (int r = 0; r < reads.length; r++) in[r] = b.read(reads[r]);
                double[][] out = new double[writes.length][];
                for (int w = 0; w < writes.length; w++) out[w] = b.write(writes[w]);
                for (int i = 0; i < n; i++) {
                    for (int r = 0; r < reads.length; r++) row[reads[r]] = in[r][i];
                    step.run(row);
                    for (int w = 0; w < writes.length; w++) out[w][i] = row[writes[w]];
                }
                b.release(m);
            };
        }
    }
}
