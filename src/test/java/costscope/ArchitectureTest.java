package costscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering rules, checked on the source text of src/main/java (comments and string literals are ignored, fully
 * qualified names count as much as imports):
 * <ul>
 * <li>model, formula, engine, files, export and cli never use javafx (the future chart rendering package
 * {@code costscope.export.chart} is exempt), so the CLI runs headless;</li>
 * <li>only costscope.ui itself and costscope/Launcher.java refer to costscope.ui;</li>
 * <li>model, formula, engine and files hold no static non-final fields (no hidden global mutable state);</li>
 * <li>the packages are layered: model, formula, engine, export, whatif, files, imports, cli, ui; each uses only those before
 * it (the launcher, above them all, may use any);</li>
 * <li>no two packages (sub-packages counted apart) use each other, directly or through others.</li>
 * </ul>
 * The scanner is itself tested on in-memory sources, so the rules can fail.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java");
    private static final List<String> HEADLESS = List.of("model", "formula", "engine", "whatif", "files", "imports", "export", "cli");
    private static final List<String> STATELESS = List.of("model", "formula", "engine", "whatif", "files", "imports");

    /** The layers, lowest first: each package may use only those before it. */
    static final List<String> LAYERS = List.of("model", "formula", "engine", "export", "whatif", "files", "imports", "cli", "ui");
    /** A use of a costscope package: its name up to the first type name (an upper-case letter) or a wildcard. */
    private static final Pattern PACKAGE_USE = Pattern.compile("\\bcostscope((?:\\s*\\.\\s*[a-z][a-z0-9_]*)*)\\s*\\.\\s*(?:[A-Z]|\\*)");
    private static final Pattern JAVAFX = Pattern.compile("\\bjavafx\\s*\\.");
    private static final Pattern UI = Pattern.compile("\\bcostscope\\s*\\.\\s*ui\\b");
    private static final Pattern STATIC = Pattern.compile("\\bstatic\\b");
    private static final Pattern TYPE_DECL = Pattern.compile("\\b(class|interface|enum|record)\\b|@interface");

    /** Relative path (forward slashes, from src/main/java) -> source text. */
    private static Map<String, String> sources;

    @BeforeAll
    static void readSources() throws IOException {
        sources = new TreeMap<>();
        try (Stream<Path> s = Files.walk(ROOT)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    sources.put(ROOT.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------ the rules

    @Test
    void everyCheckedPackageHasSources() {
        for (String pkg : HEADLESS) {
            long n = sources.keySet().stream().filter(p -> p.startsWith("costscope/" + pkg + "/")).count();
            assertTrue(n > 0, "no sources found for costscope." + pkg + " under " + ROOT.toAbsolutePath());
        }
        assertTrue(sources.containsKey("costscope/Launcher.java"));
        assertTrue(sources.keySet().stream().anyMatch(p -> p.startsWith("costscope/ui/")));
    }

    @Test
    void headlessPackagesNeverUseJavafx() {
        List<String> violations = new ArrayList<>();
        sources.forEach((path, src) -> {
            if (!mustBeHeadless(path)) return;
            for (String hit : references(src, JAVAFX)) violations.add(path + ": " + hit);
        });
        assertEquals(List.of(), violations, "javafx used outside costscope.ui");
    }

    @Test
    void onlyTheLauncherReachesIntoTheUi() {
        List<String> violations = new ArrayList<>();
        sources.forEach((path, src) -> {
            if (path.startsWith("costscope/ui/") || path.equals("costscope/Launcher.java")) return;
            for (String hit : references(src, UI)) violations.add(path + ": " + hit);
        });
        assertEquals(List.of(), violations, "costscope.ui used outside costscope.ui and Launcher");
    }

    @Test
    void noStaticMutableFieldsInTheCore() {
        List<String> violations = new ArrayList<>();
        sources.forEach((path, src) -> {
            if (!mustBeStateless(path)) return;
            for (String hit : staticNonFinalFields(src)) violations.add(path + ": " + hit);
        });
        assertEquals(List.of(), violations, "static non-final fields in model/formula/engine/files");
    }

    @Test
    void eachPackageUsesOnlyTheLayersBeforeIt() {
        List<String> violations = new ArrayList<>();
        sources.forEach((path, src) -> {
            String layer = layerOf(packageOf(path));
            if (layer == null) return;
            for (String used : packagesUsed(src)) {
                String usedLayer = layerOf(used);
                if (usedLayer != null && LAYERS.indexOf(usedLayer) > LAYERS.indexOf(layer)) {
                    violations.add(path + " (" + layer + ") uses " + used + " (" + usedLayer + ")");
                }
            }
        });
        assertEquals(List.of(), violations, "a package uses a layer above it; the order is " + LAYERS);
    }

    @Test
    void noPackagesUseEachOther() {
        Map<String, java.util.Set<String>> uses = new TreeMap<>();
        sources.forEach((path, src) -> {
            String pkg = packageOf(path);
            java.util.Set<String> u = uses.computeIfAbsent(pkg, k -> new java.util.TreeSet<>());
            for (String used : packagesUsed(src)) if (!used.equals(pkg)) u.add(used);
        });
        assertEquals(List.of(), cycles(uses), "packages that use each other");
    }

    /**
     * Model records are built and changed by name (their generated builders and with-methods): outside the model
     * package nothing calls the constructor of a record that has a builder, so a new field changes no caller.
     */
    @Test
    void nothingOutsideTheModelBuildsARecordByPosition() {
        List<String> records = new ArrayList<>();
        sources.forEach((path, src) -> {
            Matcher m = Pattern.compile("@RecordBuilder\\s+public\\s+record\\s+(\\w+)").matcher(code(src));
            if (path.startsWith("costscope/model/") && m.find()) records.add(m.group(1));
        });
        assertTrue(records.containsAll(List.of("Scenario", "LineItem", "Driver", "Lever", "LeverEffect", "StatedFigure")), records.toString());
        Pattern positional = Pattern.compile("\\bnew\\s+(" + String.join("|", records) + ")\\s*\\(");
        List<String> violations = new ArrayList<>();
        sources.forEach((path, src) -> {
            if (path.startsWith("costscope/model/")) return;
            for (String hit : references(src, positional)) violations.add(path + ": " + hit);
        });
        assertEquals(List.of(), violations, "a model record built by position outside the model; use its builder");
    }

    /** Every cycle of a package graph, each as its path ({@code [a, b, a]}), by the engine's own Tarjan. */
    static List<List<String>> cycles(Map<String, java.util.Set<String>> uses) {
        costscope.engine.DependencyGraph g = new costscope.engine.DependencyGraph();
        uses.forEach(g::add);
        return g.sort().cycles();
    }

    // ------------------------------------------------------------------------------------------------ the scanner

    /** "costscope.ui.whatif" for "costscope/ui/whatif/X.java"; "costscope" for the launcher. */
    static String packageOf(String path) {
        return path.substring(0, path.lastIndexOf('/')).replace('/', '.');
    }

    /** The layer of a package ("engine" for costscope.engine and its sub-packages), or null for the root. */
    static String layerOf(String pkg) {
        if (!pkg.startsWith("costscope.")) return null;
        String top = pkg.substring("costscope.".length()).split("\\.")[0];
        return LAYERS.contains(top) ? top : null;
    }

    /** The costscope packages a source uses, by import or qualified name (comments and strings ignored). */
    static java.util.Set<String> packagesUsed(String src) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        Matcher m = PACKAGE_USE.matcher(code(src));
        while (m.find()) out.add(("costscope" + m.group(1)).replaceAll("\\s", ""));
        return out;
    }

    /** Whether the file (relative to src/main/java) is in a package that must not use JavaFX. */
    static boolean mustBeHeadless(String path) {
        if (path.startsWith("costscope/export/chart/")) return false;
        return HEADLESS.stream().anyMatch(p -> path.startsWith("costscope/" + p + "/"));
    }

    static boolean mustBeStateless(String path) {
        return STATELESS.stream().anyMatch(p -> path.startsWith("costscope/" + p + "/"));
    }

    /** The source with comments, string/text-block and char literals blanked out (newlines kept for line numbers). */
    static String code(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    b.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(b, src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !src.startsWith("\"\"\"", j)) j += src.charAt(j) == '\\' ? 2 : 1;
                int end = Math.min(n, j + 3);
                blank(b, src, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') j += src.charAt(j) == '\\' ? 2 : 1;
                int end = Math.min(n, j + 1);
                blank(b, src, i, end);
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static void blank(StringBuilder b, String src, int from, int to) {
        for (int k = from; k < to; k++) b.append(src.charAt(k) == '\n' ? '\n' : ' ');
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int k = 0; k < index; k++) if (s.charAt(k) == '\n') line++;
        return line;
    }

    private static String lineText(String s, int index) {
        int a = s.lastIndexOf('\n', index - 1) + 1;
        int z = s.indexOf('\n', index);
        return s.substring(a, z < 0 ? s.length() : z).strip();
    }

    /** Every line of code (imports and qualified names alike) that mentions the pattern: "line N: text". */
    static List<String> references(String src, Pattern p) {
        String code = code(src);
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(code);
        int lastLine = -1;
        while (m.find()) {
            int line = lineOf(code, m.start());
            if (line == lastLine) continue;
            lastLine = line;
            out.add("line " + line + ": " + lineText(src, m.start()));
        }
        return out;
    }

    /**
     * Every field declared {@code static} without {@code final}: "line N: text". Static imports, methods, nested
     * types and static initializer blocks are not fields.
     */
    static List<String> staticNonFinalFields(String src) {
        String code = code(src);
        List<String> out = new ArrayList<>();
        Matcher m = STATIC.matcher(code);
        while (m.find()) {
            int start = m.start();
            String before = code.substring(code.lastIndexOf('\n', start - 1) + 1, start);
            if (before.matches(".*\\bimport\\s+$")) continue;
            // the declaration runs from the modifiers to the first of ; = ( {
            int end = start;
            while (end < code.length() && ";=({".indexOf(code.charAt(end)) < 0) end++;
            if (end >= code.length()) continue;
            char stop = code.charAt(end);
            String decl = before + code.substring(start, end);
            if (stop == '(' || TYPE_DECL.matcher(decl).find()) continue;       // a method or a nested type
            if (stop == '{') continue;                                         // static { ... }
            if (Pattern.compile("\\bfinal\\b").matcher(decl).find()) continue;
            out.add("line " + lineOf(code, start) + ": " + lineText(src, start));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ scanner tests

    @Test
    void scannerFindsJavafxImportsAndQualifiedNamesButNotCommentsOrStrings() {
        String bad = """
                package costscope.engine;

                import javafx.scene.paint.Color;
                import static javafx.application.Platform.runLater;

                final class Bad {
                    Object o = new javafx.beans.property.SimpleDoubleProperty();
                }
                """;
        assertEquals(3, references(bad, JAVAFX).size(), references(bad, JAVAFX).toString());
        assertTrue(references(bad, JAVAFX).get(0).startsWith("line 3: import javafx.scene.paint.Color"));

        String clean = """
                package costscope.engine;

                /** Unlike javafx.scene.chart, this needs no toolkit. */
                final class Clean {
                    // javafx.application.Platform is not used here
                    String s = "javafx.scene.Node";
                    char c = '"';
                    String t = \"""
                        javafx.stage.Stage
                        \""";
                    Object javafxLike = null; // "javafxLike" is not the javafx package
                }
                """;
        assertEquals(List.of(), references(clean, JAVAFX));
    }

    @Test
    void scannerFindsUiReferences() {
        String bad = """
                package costscope.cli;
                import costscope.ui.CostscopeApp;
                final class X { void go() { costscope.ui.base.Views.show(); } }
                """;
        assertEquals(2, references(bad, UI).size());
        String clean = """
                package costscope.cli;
                import costscope.uikit.Thing; // costscope.ui is elsewhere
                final class X { String s = "costscope.ui"; }
                """;
        assertEquals(List.of(), references(clean, UI));
    }

    @Test
    void scannerFindsStaticNonFinalFields() {
        String bad = """
                package costscope.engine;
                final class Bad {
                    static int counter;
                    private static double[] cache = new double[8];
                    public static volatile boolean flag = false;
                    static java.util.Map<String, java.util.List<Integer>> byName = null, other;
                    static final class Nested {
                        protected static String last;
                    }
                }
                """;
        List<String> hits = staticNonFinalFields(bad);
        assertEquals(5, hits.size(), hits.toString());
        assertTrue(hits.get(0).startsWith("line 3: static int counter;"), hits.toString());

        String clean = """
                package costscope.engine;
                import static java.lang.Math.max;
                import java.util.List;
                final class Clean {
                    static final int LIMIT = 64;
                    private static final List<String> NAMES = List.of("static int x;");
                    final static double HAIR = 1e-9;
                    static { System.getProperty("x"); }
                    static int twice(int x) { return 2 * x; }
                    static <T> List<T> none() { return List.of(); }
                    static final class Inner { }
                    static record Pair(int a, int b) { }
                    static enum Mode { A, B }
                    static interface Step { void run(double[] s); }
                    // static int commentedOut;
                    /* static double alsoCommentedOut; */
                    int instanceCounter;
                }
                """;
        assertEquals(List.of(), staticNonFinalFields(clean));
    }

    @Test
    void scannerFindsPackageUsesAndTheRulesCanFail() {
        String src = """
                package costscope.engine;
                import costscope.export.Formats;
                import static costscope.whatif.Variants.BASE;
                import costscope.ui.charts.*;
                // costscope.cli.Cli is only mentioned
                final class X { Object o = costscope.model.Scenario.FORMAT; String s = "costscope.files.ScenarioFiles"; }
                """;
        assertEquals(java.util.Set.of("costscope.export", "costscope.whatif", "costscope.ui.charts", "costscope.model"),
                packagesUsed(src));
        assertEquals("engine", layerOf(packageOf("costscope/engine/X.java")));
        assertEquals("export", layerOf("costscope.export.chart"));
        assertEquals(null, layerOf(packageOf("costscope/Launcher.java")));
        assertTrue(LAYERS.indexOf(layerOf("costscope.export")) > LAYERS.indexOf("engine"), "engine using export is a violation");
        Map<String, java.util.Set<String>> g = new TreeMap<>();
        g.put("costscope.a", java.util.Set.of("costscope.b"));
        g.put("costscope.b", java.util.Set.of("costscope.c"));
        g.put("costscope.c", java.util.Set.of("costscope.a"));
        g.put("costscope.d", java.util.Set.of("costscope.a"));
        assertEquals(List.of(List.of("costscope.a", "costscope.b", "costscope.c", "costscope.a")), cycles(g));
        g.put("costscope.c", java.util.Set.of());
        assertEquals(List.of(), cycles(g));
    }

    @Test
    void packageSelectionExemptsOnlyTheChartSubpackage() {
        assertTrue(mustBeHeadless("costscope/export/Reports.java"));
        assertTrue(mustBeHeadless("costscope/cli/Cli.java"));
        assertTrue(mustBeHeadless("costscope/model/Scenario.java"));
        assertFalse(mustBeHeadless("costscope/export/chart/ChartRenderer.java"));
        assertTrue(mustBeHeadless("costscope/export/charts/Other.java"));
        assertFalse(mustBeHeadless("costscope/ui/Views.java"));
        assertFalse(mustBeHeadless("costscope/Launcher.java"));
        assertTrue(mustBeStateless("costscope/files/ScenarioFiles.java"));
        assertFalse(mustBeStateless("costscope/cli/Bench.java"));
    }
}
