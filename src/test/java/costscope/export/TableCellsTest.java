package costscope.export;

import costscope.model.FigureFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A label cannot run as a spreadsheet formula, add a row to a table or break a Markdown table. */
class TableCellsTest {
    private static Table table(String label) {
        return new Table("USD", List.of(Table.Column.text("Item"), Table.Column.of("Monthly", FigureFormat.CURRENCY),
                Table.Column.figure("Shown"))).row(label, -5.0, "-$5.00");
    }

    @Test
    void everyCellASpreadsheetWouldRunIsNeutralised() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            String label = start + "HYPERLINK(\"http://evil\",\"x\")";
            String csv = table(label).toCsv();
            String cell = csv.substring(csv.indexOf('\n') + 1);
            assertTrue(cell.startsWith("\"'" + start) || cell.startsWith("'" + start), start + ": " + cell);
        }
        // numbers and our own figures are not touched: -5 stays a number
        assertEquals("Item,Monthly,Shown\nplain,-5,-$5.00\n", table("plain").toCsv());
        // a header a file names (a scale point id) is neutralised too
        Table t = new Table("USD", List.of(Table.Column.text("=1+1"))).row("x");
        assertEquals("'=1+1\nx\n", t.toCsv());
    }

    @Test
    void aLineBreakInALabelStaysInItsCell() {
        String label = "first\nsecond | third\r\nfourth";
        String md = table(label).toMarkdown();
        assertEquals(3, md.lines().count(), md);
        assertTrue(md.contains("| first second \\| third fourth |"), md);
        String text = table(label).toText();
        assertEquals(3, text.lines().count(), text);
        String csv = table(label).toCsv();
        assertTrue(csv.contains("\"first\nsecond | third\r\nfourth\""), "CSV keeps it, quoted: " + csv);
    }
}
