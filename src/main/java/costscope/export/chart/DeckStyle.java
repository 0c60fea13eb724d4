package costscope.export.chart;

import costscope.model.InputException;

/**
 * How an exported chart looks: logical size in pixels (the layout size, 200x150 to 8000x8000), pixel scale (1, 2 or
 * 3: the PNG is width*scale x height*scale, so up to 24000x24000 pixels, every size of which is made: the PNG is drawn
 * in tiles, as one JavaFX snapshot stops at 2^27 pixels, and takes about 4 bytes of memory a pixel, 2.5 GB at the
 * largest, checked before any work), background, and the texts around the chart. Title null or blank: the chart's
 * own title.
 */
public record DeckStyle(int width, int height, int scale, Background background, String title, String subtitle,
                        String footnote) {
    public enum Background { WHITE, TRANSPARENT }

    /** Size presets for slides. */
    public enum Preset {
        WIDE("16:9 (1920x1080)", 1920, 1080),
        CLASSIC("4:3 (1600x1200)", 1600, 1200),
        SQUARE("Square (1080x1080)", 1080, 1080);

        public final String label;
        public final int width;
        public final int height;

        Preset(String label, int width, int height) {
            this.label = label;
            this.width = width;
            this.height = height;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public DeckStyle {
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException("size " + width + "x" + height + ": expected 200x150 to 8000x8000");
        }
        if (scale < 1 || scale > 3) throw new IllegalArgumentException("scale " + scale + ": expected 1, 2 or 3");
        if (background == null) background = Background.WHITE;
    }

    public static DeckStyle slide() {
        return new DeckStyle(1920, 1080, 1, Background.WHITE, null, null, null);
    }

    public DeckStyle withSize(int w, int h) {
        return new DeckStyle(w, h, scale, background, title, subtitle, footnote);
    }

    public DeckStyle withScale(int s) {
        return new DeckStyle(width, height, s, background, title, subtitle, footnote);
    }

    public DeckStyle withBackground(Background b) {
        return new DeckStyle(width, height, scale, b, title, subtitle, footnote);
    }

    public DeckStyle withTexts(String t, String sub, String foot) {
        return new DeckStyle(width, height, scale, background, t, sub, foot);
    }

    /** Parses "1920x1080", as typed: anything else is an {@link InputException}. */
    public static int[] parseSize(String s) {
        String[] p = s.trim().toLowerCase().split("x");
        if (p.length != 2) throw new InputException("--size " + s + ": expected WIDTHxHEIGHT, e.g. 1920x1080");
        try {
            return new int[]{Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
        } catch (NumberFormatException e) {
            throw new InputException("--size " + s + ": expected WIDTHxHEIGHT, e.g. 1920x1080");
        }
    }

    /** A file-name-safe slug: "Inner World v2" -> "inner-world-v2". */
    public static String slug(String s) {
        String out = s == null ? "" : s.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "chart" : out;
    }
}
