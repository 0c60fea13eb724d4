package costscope.engine;

/** Default category colours (Okabe-Ito based, readable on white), by category position. */
public final class Palette {
    private static final String[] COLORS = {"#4f6bed", "#2fa37a", "#e69f00", "#d55e5e", "#8e6bd1", "#3aa7c9",
            "#c7a02e", "#d36fae", "#6b8e23", "#7f7f7f", "#b5651d", "#1f9e89"};

    private Palette() {
    }

    public static String color(int index) {
        return COLORS[Math.floorMod(index, COLORS.length)];
    }
}
