package costscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.Launcher;
import costscope.model.InputException;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exit code 2 means bad input, and only bad input: an {@link InputException} or a {@link ScenarioException}, reported
 * in one paragraph. Anything else a command throws is a bug (exit code 1, "internal error", the stack trace and a
 * request to report it), however much it looks like input, an IllegalArgumentException included.
 */
class BadInputTest {
    private static final String FILE = "src/test/resources/scenarios/example.json";
    private static final String REPORT = "this is a bug in Costscope, not a problem with the input; please report it with"
            + " the command line, the scenario file and the lines above";

    /** A command that throws what it is told to. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Parameters(index = "0")
        String what;

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "iae" -> throw new IllegalArgumentException("'x' is not a driver");
                case "nfe" -> throw new NumberFormatException("For input string: \"x\"");
                case "npe" -> throw new NullPointerException("driver");
                case "ise" -> throw new IllegalStateException("no controller");
                case "io" -> throw new java.io.IOException("disk full");
                case "input" -> throw new InputException("x.json: --set a=1,0: a comma is only a thousands separator");
                case "scenario" -> throw new ScenarioException("x.json", List.of(
                        Problem.of(Place.file(), Problem.Code.JSON, "malformed JSON")));
                default -> {
                    return 0;
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} is a bug: exit code 1")
    @CsvSource({"iae, java.lang.IllegalArgumentException: 'x' is not a driver",
            "nfe, java.lang.NumberFormatException: For input string: \"x\"",
            "npe, java.lang.NullPointerException: driver", "ise, java.lang.IllegalStateException: no controller",
            "io, java.io.IOException: disk full"})
    void anythingButBadInputIsAnInternalErrorWithItsStackTrace(String what, String exception) {
        // an extra command is named by its own name; a command of the root's own as "costscope"
        CommandLine extra = Cli.root(List.of(new Boom()));
        CommandLine own = Cli.root(List.of());
        own.addSubcommand(new Boom());
        for (CommandLine root : List.of(extra, own)) {
            String name = root == extra ? "boom" : "costscope";
            CliRootTest.Run r = CliRootTest.run(root, "boom", what);
            assertEquals(1, r.code(), r.err());
            assertEquals("", r.out());
            List<String> lines = r.err().lines().toList();
            assertEquals(name + ": internal error: " + exception, lines.get(0));
            assertEquals(exception, lines.get(1), "the stack trace follows");
            assertTrue(lines.get(2).startsWith("\tat costscope.cli.BadInputTest$Boom.call("), lines.get(2));
            assertEquals(name + ": " + REPORT, lines.get(lines.size() - 1));
        }
    }

    @Test
    void badInputIsItsMessageAndExitCodeTwo() {
        CommandLine root = Cli.root(List.of(new Boom()));
        assertEquals(new CliRootTest.Run(2, "", "x.json: --set a=1,0: a comma is only a thousands separator\n"),
                CliRootTest.run(root, "boom", "input"));
        assertEquals(new CliRootTest.Run(2, "", "x.json: malformed JSON\n"), CliRootTest.run(root, "boom", "scenario"));
        assertEquals(new CliRootTest.Run(0, "", ""), CliRootTest.run(root, "boom", "nothing"));
    }

    /**
     * Every way a command refuses what it is given, with its exact words: the state options, every number read from the
     * command line (a comma that is not a thousands separator, a value that is not finite), ids that name nothing,
     * options out of range. Each exits 2 with one paragraph naming the file, never a stack trace.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            // numbers, wherever they are typed
            "evaluate FILE --set active_users=4,99 => FILE: --set active_users=4,99: '4,99': a comma here is not a"
                    + " thousands separator; write 4.99 for a decimal",
            "evaluate FILE --set active_users=1,0.0,0 => FILE: --set active_users=1,0.0,0: '1,0.0,0': a comma is only a"
                    + " thousands separator, between groups of three digits before the decimal point (1,000 or 12,345.67)",
            "evaluate FILE --set active_users=1,,000 => FILE: --set active_users=1,,000: '1,,000': a comma is only a"
                    + " thousands separator, between groups of three digits before the decimal point (1,000 or 12,345.67)",
            "evaluate FILE --set active_users=,5 => FILE: --set active_users=,5: ',5': a comma here is not a thousands"
                    + " separator; write 0.5 for a decimal",
            "evaluate FILE --set active_users=1e400 => FILE: --set active_users=1e400: '1e400' is too large (numbers go"
                    + " up to about 1.8e308)",
            "evaluate FILE --set active_users=NaN => FILE: --set active_users=NaN: 'NaN' is not a finite number"
                    + " (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)",
            "evaluate FILE --set active_users=-Infinity => FILE: --set active_users=-Infinity: '-Infinity' is not a finite"
                    + " number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)",
            "table FILE --format csv => ",
            "goal-seek FILE --driver active_users --output total --target 1e400 => FILE: --target 1e400: '1e400' is too"
                    + " large (numbers go up to about 1.8e308)",
            "goal-seek FILE --driver active_users --output total --target inf => FILE: --target inf: 'inf' is not a"
                    + " finite number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)",
            "goal-seek FILE --driver active_users --output total --target 4,99 => FILE: --target 4,99: '4,99': a comma"
                    + " here is not a thousands separator; write 4.99 for a decimal",
            "goal-seek FILE --driver active_users --output total --target 1500 --from NaN => FILE: --from NaN: 'NaN' is"
                    + " not a finite number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)",
            "goal-seek FILE --driver active_users --output total --target 1500 --to Infinity => FILE: --to Infinity:"
                    + " 'Infinity' is not a finite number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)",
            "goal-seek FILE --driver active_users --output total --target 1500 --from 10 --to 5 => FILE: the search"
                    + " range 10 to 5 is empty: --from must be below --to",
            "sensitivity FILE --output total --swing 4,99 => FILE: --swing 4,99: '4,99': a comma here is not a"
                    + " thousands separator; write 4.99 for a decimal",
            "sensitivity FILE --output total --swing NaN => FILE: --swing NaN: 'NaN' is not a finite number (examples:"
                    + " 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)",
            "sensitivity FILE --output total --swing 20 => FILE: --swing 20: expected above 0 and at most 10 (1000%)",
            "sweep FILE --driver active_users --from 1,0.0,0 --to 10 => FILE: --from 1,0.0,0: '1,0.0,0': a comma is only"
                    + " a thousands separator, between groups of three digits before the decimal point (1,000 or 12,345.67)",
            "sweep FILE --driver active_users --from 1 --to 1e400 => FILE: --to 1e400: '1e400' is too large (numbers go"
                    + " up to about 1.8e308)",
            "sweep FILE --driver active_users --from -1e308 --to 1e308 => FILE: --from -1e308 --to 1e308: the range is"
                    + " wider than the largest number",
            "export-chart FILE --chart total --out x.png --swing 4,99 => FILE: --swing 4,99: '4,99': a comma here is not"
                    + " a thousands separator; write 4.99 for a decimal",
            "export-chart FILE --chart total --out x.png --set active_users=4,99 => FILE: --set active_users=4,99:"
                    + " '4,99': a comma here is not a thousands separator; write 4.99 for a decimal",
            // what used to be an IllegalArgumentException from the what-if code
            "compare FILE --variants base,nope => FILE: --variants: 'nope' is not a variant (have: base)",
            "compare FILE --variants base,base => FILE: --variants: 'base' is named twice",
            "goal-seek FILE --driver active_users --output totl --target 1500 => FILE: --output totl: output 'totl',"
                    + " position 0: unknown name 'totl'",
            "goal-seek FILE --driver nobody --output total --target 1500 => FILE: --driver nobody: not a driver (have:"
                    + " active_users, messages)",
            "sensitivity FILE --output saving(cache) => FILE: --output saving(cache): output 'saving(cache)': saving()"
                    + " cannot be an output here; compare variants with and without the lever instead",
            "export-chart FILE --chart tornado --out x.png --output totl => FILE: output 'totl', position 0: unknown name"
                    + " 'totl'",
            "export-chart FILE --chart total --out x.png --size big => FILE: --size big: expected WIDTHxHEIGHT, e.g."
                    + " 1920x1080",
            "export-chart FILE --chart total --out x.png --size 10x10 => FILE: size 10x10: expected 200x150 to 8000x8000",
            "export-chart FILE --chart total --out x.png --scale 9 => FILE: scale 9: expected 1, 2 or 3",
            "export-chart FILE --chart total --out x.png --background pink => FILE: --background pink: expected white or"
                    + " transparent",
            "export-chart FILE --chart pie --out x.png => FILE: --chart pie: no such chart (expected one of"
                    + " cost-per-user, total, category-shares, shares-over-scale, compare, waterfall, tornado, timeline, cash, or all)",
            "export-chart nope.json --chart total --out x.png => nope.json: no such file",
            // the state options
            "evaluate FILE --at 7K => FILE: --at 7K: no such scale point (have: 1K, 10K)",
            "evaluate FILE --variant nope => FILE: --variant nope: no such variant (have: none)",
            "evaluate FILE --lever cache=maybe => FILE: --lever cache=maybe: expected on or off",
            "evaluate FILE --set nobody=1 => FILE: --set nobody=1: 'nobody' is not a driver (have: active_users,"
                    + " messages)",
            // options out of range
            "bench --rounds 0 FILE => bench: --rounds 0: expected 1 to 1,000",
            "bench --round-millis 0 FILE => bench: --round-millis 0: expected 1 to 3,600,000 (an hour)",
            "bench --warmup-millis -1 FILE => bench: --warmup-millis -1: expected 0 to 3,600,000 (an hour)",
            "sweep FILE --driver active_users --from 1 --to 10 --points 1 => FILE: --points 1: expected 2 to 1,000,000"})
    void everyBadInputExitsTwoWithItsMessage(String line, String message) {
        String[] args = line.replace("FILE", FILE).split(" ");
        CliRootTest.Run r = CliRootTest.run(Launcher.cli(), args);
        if (message == null) {
            assertEquals(0, r.code(), r.err()); // the table's own check: the file is fine
            return;
        }
        assertEquals(new CliRootTest.Run(2, "", message.replace("FILE", FILE) + "\n"), r, line);
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
