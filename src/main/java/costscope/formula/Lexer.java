package costscope.formula;

import java.util.ArrayList;
import java.util.List;

/** Splits formula text into tokens with their positions. */
final class Lexer {
    private Lexer() {
    }

    static List<Token> tokenize(String src) throws FormulaException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(src.charAt(i + 1)))) {
                int s = i;
                while (i < n && isDigit(src.charAt(i))) i++;
                if (i < n && src.charAt(i) == '.') {
                    i++;
                    while (i < n && isDigit(src.charAt(i))) i++;
                }
                if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < n && (src.charAt(e) == '+' || src.charAt(e) == '-')) e++;
                    if (e < n && isDigit(src.charAt(e))) {
                        i = e;
                        while (i < n && isDigit(src.charAt(i))) i++;
                    } else {
                        throw new FormulaException("malformed number '" + src.substring(s, Math.min(n, e)) + "'", s, e);
                    }
                }
                if (i < n && (Character.isLetter(src.charAt(i)) || src.charAt(i) == '_')) {
                    throw new FormulaException("unexpected '" + src.charAt(i) + "' after number", i, i + 1);
                }
                String text = src.substring(s, i);
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw new FormulaException(FormulaException.tooLarge(text), s, i);
                }
                out.add(new Token(Token.Kind.NUMBER, text, value, s, i));
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                out.add(new Token(Token.Kind.NAME, src.substring(s, i), 0, s, i));
            } else if (c == '(') {
                out.add(new Token(Token.Kind.LPAREN, "(", 0, i, ++i));
            } else if (c == ')') {
                out.add(new Token(Token.Kind.RPAREN, ")", 0, i, ++i));
            } else if (c == ',') {
                out.add(new Token(Token.Kind.COMMA, ",", 0, i, ++i));
            } else if ("+-*/^".indexOf(c) >= 0) {
                out.add(new Token(Token.Kind.OP, String.valueOf(c), 0, i, ++i));
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                int s = i;
                boolean eq = i + 1 < n && src.charAt(i + 1) == '=';
                if ((c == '=' || c == '!') && !eq) {
                    throw new FormulaException(c == '=' ? "'=' is not an operator, use '==' to compare"
                            : "'!' is not an operator, use '!=' or not(x)", s, s + 1);
                }
                i += eq ? 2 : 1;
                out.add(new Token(Token.Kind.OP, src.substring(s, i), 0, s, i));
            } else {
                throw new FormulaException("unexpected character '" + c + "'", i, i + 1);
            }
        }
        out.add(new Token(Token.Kind.END, "", 0, n, n));
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
