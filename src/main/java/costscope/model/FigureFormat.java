package costscope.model;

/**
 * How a figure is shown, the one display format of the program: money, a share, a count or months. Stated figures
 * name it in the file; metrics, report columns and what-if outputs carry it; {@code Formats.figure} renders it.
 */
public enum FigureFormat {
    CURRENCY, PERCENT, NUMBER, MONTHS
}
