package costscope.model;

/** How a driver's slider moves: evenly, or by powers of ten ("linear", "log" in the file). */
public enum SliderScale {
    LINEAR, LOG
}
