package costscope.formula;

import java.util.List;

/** The formula AST. Every node keeps its source range [start, end). */
public sealed interface Expr {
    int start();

    int end();

    record Num(double value, int start, int end) implements Expr {
    }

    record Name(String name, int start, int end) implements Expr {
    }

    record Unary(char op, Expr operand, int start, int end) implements Expr {
    }

    record Binary(String op, Expr left, Expr right, int start, int end) implements Expr {
    }

    record Call(String name, List<Expr> args, int start, int end) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
