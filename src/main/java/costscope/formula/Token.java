package costscope.formula;

record Token(Kind kind, String text, double number, int start, int end) {
    enum Kind { NUMBER, NAME, OP, LPAREN, RPAREN, COMMA, END }
}
