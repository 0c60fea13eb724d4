package costscope.model;

public enum SliderScale {
    LINEAR, LOG;

    /** The spelling in a scenario file. */
    public String json() {
        return JsonNames.of(this);
    }

    /** The value a file spells {@code s}, or null. */
    public static SliderScale fromJson(String s) {
        return JsonNames.parse(SliderScale.class, s);
    }
}
