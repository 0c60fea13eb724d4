package costscope.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser, one method per precedence level.
 *
 * <pre>
 * expr       := comparison
 * comparison := additive ( ( "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=" ) additive )?
 * additive   := term ( ( "+" | "-" ) term )*
 * term       := unary ( ( "*" | "/" ) unary )*
 * unary      := "-" unary | "+" unary | power
 * power      := primary ( "^" unary )?
 * primary    := NUMBER | NAME | NAME "(" ( expr ( "," expr )* )? ")" | "(" expr ")"
 * </pre>
 *
 * Nesting is bounded by {@link #MAX_DEPTH} so no input can overflow the stack.
 */
public final class Parser {
    public static final int MAX_DEPTH = 64;
    public static final int MAX_LENGTH = 10_000;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses formula text; throws with the position of the first problem. */
    public static Expr parse(String src) throws FormulaException {
        if (src == null || src.isBlank()) {
            throw new FormulaException("empty formula", 0, 0);
        }
        if (src.length() > MAX_LENGTH) {
            throw new FormulaException("formula longer than " + MAX_LENGTH + " characters", MAX_LENGTH, src.length());
        }
        Parser p = new Parser(Lexer.tokenize(src));
        Expr e = p.comparison();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            throw new FormulaException(t.kind() == Token.Kind.RPAREN ? "unmatched ')'" : "unexpected '" + t.text() + "'",
                    t.start(), t.end());
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean atOp(String op) {
        Token t = peek();
        return t.kind() == Token.Kind.OP && t.text().equals(op);
    }

    private void enter(Token at) throws FormulaException {
        if (++depth > MAX_DEPTH) {
            throw new FormulaException("formula nested more than " + MAX_DEPTH + " levels deep", at.start(), at.end());
        }
    }

    private Expr comparison() throws FormulaException {
        Expr left = additive();
        Token t = peek();
        if (t.kind() == Token.Kind.OP && List.of("<", "<=", ">", ">=", "==", "!=").contains(t.text())) {
            next();
            Expr right = additive();
            left = new Expr.Binary(t.text(), left, right, left.start(), right.end());
            Token u = peek();
            if (u.kind() == Token.Kind.OP && List.of("<", "<=", ">", ">=", "==", "!=").contains(u.text())) {
                throw new FormulaException("comparisons cannot be chained, use and(a < b, b < c)", u.start(), u.end());
            }
        }
        return left;
    }

    private Expr additive() throws FormulaException {
        Expr first = term();
        if (!atOp("+") && !atOp("-")) return first;
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (atOp("+") || atOp("-")) {
            ops.add(next().text());
            operands.add(term());
        }
        return new Expr.Chain(ops, operands, first.start(), operands.get(operands.size() - 1).end());
    }

    private Expr term() throws FormulaException {
        Expr first = unary();
        if (!atOp("*") && !atOp("/")) return first;
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (atOp("*") || atOp("/")) {
            ops.add(next().text());
            operands.add(unary());
        }
        return new Expr.Chain(ops, operands, first.start(), operands.get(operands.size() - 1).end());
    }

    private Expr unary() throws FormulaException {
        if (atOp("-") || atOp("+")) {
            Token op = next();
            enter(op);
            Expr operand = unary();
            depth--;
            return new Expr.Unary(op.text().charAt(0), operand, op.start(), operand.end());
        }
        return power();
    }

    private Expr power() throws FormulaException {
        Expr base = primary();
        if (atOp("^")) {
            Token op = next();
            enter(op);
            Expr exponent = unary();
            depth--;
            return new Expr.Binary("^", base, exponent, base.start(), exponent.end());
        }
        return base;
    }

    private Expr primary() throws FormulaException {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Expr.Num(t.number(), t.start(), t.end());
            case NAME:
                if (peek().kind() == Token.Kind.LPAREN) {
                    return call(t);
                }
                return new Expr.Name(t.text(), t.start(), t.end());
            case LPAREN: {
                enter(t);
                Expr inner = comparison();
                depth--;
                Token close = next();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw new FormulaException("missing ')' to close '(' at position " + t.start(), close.start(), close.end());
                }
                return inner;
            }
            case END:
                throw new FormulaException("formula ends where a value was expected", t.start(), t.end());
            default:
                throw new FormulaException("expected a number, a name or '(' but found '" + t.text() + "'", t.start(), t.end());
        }
    }

    private Expr call(Token name) throws FormulaException {
        Token open = next();
        enter(open);
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            while (true) {
                args.add(comparison());
                Token sep = peek();
                if (sep.kind() == Token.Kind.COMMA) {
                    next();
                } else {
                    break;
                }
            }
        }
        Token close = next();
        if (close.kind() != Token.Kind.RPAREN) {
            throw new FormulaException("expected ',' or ')' in the arguments of " + name.text() + "()", close.start(), close.end());
        }
        depth--;
        return new Expr.Call(name.text(), args, name.start(), close.end());
    }
}
