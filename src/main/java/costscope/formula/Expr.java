package costscope.formula;

import java.util.List;

/**
 * The formula AST. Every node keeps its source range [start, end). Chains of the same precedence level
 * ({@code a + b - c}, {@code a * b / c}) are one n-ary {@link Chain} node, so the depth of the tree (and of every
 * walk over it) is bounded by the formula's nesting, not by its length.
 */
public sealed interface Expr {
    int start();

    int end();

    /** The direct sub-expressions, in source order. */
    default List<Expr> children() {
        return List.of();
    }

    record Num(double value, int start, int end) implements Expr {
    }

    record Name(String name, int start, int end) implements Expr {
    }

    record Unary(char op, Expr operand, int start, int end) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** {@code ^} and the comparisons. */
    record Binary(String op, Expr left, Expr right, int start, int end) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** {@code operands[0] ops[0] operands[1] ops[1] ...}, evaluated left to right; ops are all +/- or all * and /. */
    record Chain(List<String> ops, List<Expr> operands, int start, int end) implements Expr {
        public Chain {
            ops = List.copyOf(ops);
            operands = List.copyOf(operands);
            if (ops.size() != operands.size() - 1) throw new IllegalArgumentException("a chain needs one operator between each two operands");
        }

        @Override
        public List<Expr> children() {
            return operands;
        }
    }

    record Call(String name, List<Expr> args, int start, int end) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public List<Expr> children() {
            return args;
        }
    }
}
