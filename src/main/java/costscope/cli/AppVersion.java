package costscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The app's version and the licences of the libraries it bundles, as the build wrote them into the jar. */
public final class AppVersion {
    private AppVersion() {
    }

    /** "0.1.0-SNAPSHOT"; "development" when run from classes the build did not filter. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/costscope/app.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "development";
        }
        String v = p.getProperty("version", "development");
        return v.contains("${") ? "development" : v;
    }

    /** The bundled libraries and their licences, one per line. */
    public static String licences() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/costscope/licences.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** For picocli's --version. */
    static final class Provider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Costscope " + version()};
        }
    }
}
