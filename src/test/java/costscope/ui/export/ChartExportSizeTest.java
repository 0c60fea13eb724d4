package costscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The export dialog's width and height spinners read a typed size as every typed number is read; no toolkit needed. */
class ChartExportSizeTest {
    @Test
    void aTypedSizeIsAWholeNumberOrNothing() {
        assertEquals(1920, ChartExportDialog.size("1920"));
        assertEquals(1920, ChartExportDialog.size("1,920"));
        assertEquals(2000, ChartExportDialog.size("2k"));
        assertEquals(1080, ChartExportDialog.size(" 1080 "));
        for (String bad : new String[]{"19,20", "4,99", "1.5", "1e400", "NaN", "Infinity", "big", "", "3e9"}) {
            assertNull(ChartExportDialog.size(bad), bad);
        }
    }
}
