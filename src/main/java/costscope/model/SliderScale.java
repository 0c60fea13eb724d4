package costscope.model;

public enum SliderScale {
    LINEAR("linear"), LOG("log");

    private final String json;

    SliderScale(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static SliderScale fromJson(String s) {
        for (SliderScale v : values()) {
            if (v.json.equals(s)) return v;
        }
        return null;
    }
}
