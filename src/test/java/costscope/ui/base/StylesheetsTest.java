package costscope.ui.base;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build writes each stylesheet also as a binary stylesheet beside it (pom.xml, binary-css), which JavaFX loads in
 * place of the .css: each .bss must hold exactly the rules of the project's .css, so that what is styled is what the
 * CSS says.
 */
class StylesheetsTest {
    @Test
    void everyStylesheetHasABinaryTwinWithTheSameRules() throws Exception {
        List<Path> sources;
        try (Stream<Path> s = Files.list(Path.of("styles"))) {
            sources = s.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
        assertTrue(sources.size() >= 8, "the project's stylesheets: " + sources);
        for (Path css : sources) {
            String name = css.getFileName().toString().replace(".css", ".bss");
            URL bss = Views.class.getResource("/styles/" + name);
            assertNotNull(bss, "no /styles/" + name + " on the class path: the build's binary-css step did not run");
            Stylesheet parsed = new CssParser().parse(css.toUri().toURL());
            Stylesheet binary = Stylesheet.loadBinary(bss);
            List<String> want = parsed.getRules().stream().map(StylesheetsTest::text).toList();
            List<String> got = binary.getRules().stream().map(StylesheetsTest::text).toList();
            assertTrue(!want.isEmpty(), css + " has rules");
            assertEquals(want, got, name + " holds " + css + "'s rules");
        }
    }

    /** A rule's selectors and declarations (a binary stylesheet's are read when first asked for). */
    private static String text(Rule r) {
        return r.getSelectors() + " " + r.getDeclarations();
    }
}
