package costscope.model;

public enum FigureFormat {
    CURRENCY("currency"), PERCENT("percent"), NUMBER("number"), MONTHS("months");

    private final String json;

    FigureFormat(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static FigureFormat fromJson(String s) {
        for (FigureFormat v : values()) {
            if (v.json.equals(s)) return v;
        }
        return null;
    }
}
