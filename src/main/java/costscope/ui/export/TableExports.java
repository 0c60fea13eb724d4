package costscope.ui.export;

import costscope.export.Reports;
import costscope.export.Table;
import costscope.files.AtomicFiles;
import costscope.files.OutputException;
import costscope.files.Outputs;
import costscope.ui.base.AppContext;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The app's table exports: the breakdown, the scale-point table and the audit, as CSV (plain numbers, a header row)
 * or Markdown (formatted for reading), to a file (atomically, the chooser asks before replacing) or to the clipboard.
 * The same report builders as the CLI's {@code export-table}.
 */
public final class TableExports {
    public enum Which { BREAKDOWN, SCALE_POINTS, AUDIT }

    public enum Format { CSV, MARKDOWN }

    private final AppContext ctx;

    public TableExports(AppContext ctx) {
        this.ctx = ctx;
    }

    /** "breakdown:csv", "scale-points:markdown", "audit:csv" (a menu item's userData). */
    public static Which which(String spec) {
        return Which.valueOf(spec.substring(0, spec.indexOf(':')).toUpperCase().replace('-', '_'));
    }

    public static Format format(String spec) {
        return Format.valueOf(spec.substring(spec.indexOf(':') + 1).toUpperCase());
    }

    /** The table's text at the current values, or null while there are no results. */
    public String text(Which which, Format format) {
        var r = ctx.recalc().results();
        if (r == null) return null;
        boolean csv = format == Format.CSV;
        String currency = r.compiled().scenario().currency();
        Table t = switch (which) {
            case BREAKDOWN -> Reports.breakdown(r);
            case SCALE_POINTS -> {
                var cols = ctx.recalc().scaleTableProperty().get();
                if (cols.isEmpty()) yield null;
                yield csv ? Reports.scalePointsPlain(cols) : Reports.scalePoints(cols);
            }
            case AUDIT -> {
                List<costscope.engine.Audit.Line> lines = ctx.recalc().auditProperty().get();
                yield csv ? Reports.auditPlain(lines) : Reports.audit(lines, currency);
            }
        };
        if (t == null) return null;
        return csv ? t.toCsv() : t.toMarkdown();
    }

    /** Copies the table to the clipboard (as text); returns what was copied, or null. */
    public String copy(Which which, Format format) {
        String text = text(which, format);
        if (text == null) return null;
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        return text;
    }

    /** Asks for a file (suggesting NAME-TABLE.csv/.md beside the scenario) and writes the table to it atomically. */
    public void export(Which which, Format format) {
        String text = text(which, format);
        if (text == null) return;
        String what = which.name().toLowerCase().replace('_', '-');
        String ext = format == Format.CSV ? "csv" : "md";
        String base = ctx.files().displayName().replaceAll("\\.json$", "");
        Path dir = ctx.document().file() == null ? null : ctx.document().file().toAbsolutePath().getParent();
        Path suggested = dir == null ? Path.of(base + "-" + what + "." + ext) : dir.resolve(base + "-" + what + "." + ext);
        ctx.dialogs().chooseSave(suggested, format == Format.CSV ? "CSV" : "Markdown", ext).ifPresent(p -> {
            try {
                // never over the open scenario, however named
                Outputs.check(p, ctx.document().file());
            } catch (OutputException e) {
                ctx.dialogs().error("Cannot export " + p.getFileName(), e.getMessage());
                return;
            }
            ctx.tasks().run(() -> {
                AtomicFiles.write(p, text);
                return p;
            }, done -> {
            }, e -> ctx.dialogs().error("Cannot export " + p.getFileName(), String.valueOf(e.getMessage())));
        });
    }
}
