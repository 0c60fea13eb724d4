package costscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * export-table output of the InnerWorld seed scenario, byte for byte. The expected CSV is built here from the
 * InnerWorld report's figures (/work/shared/seeds/000_7a9c45911923cfe1.txt) and, where the report prints none or the
 * model deliberately reads it differently (the numbered choices of the scenario's description), from hand
 * arithmetic on the model's inputs; never from the program's own output.
 */
class ExportTableTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");

    record Out(int code, String out, String err) {
    }

    static Out run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Out(code, o.toString(), e.toString());
    }

    // ---------------------------------------------------------------- the expected figures

    /** The scale points' concurrent users: the report's four tables and the key findings' 10 users. */
    private static final double[] CONCURRENT = {10, 1_000, 10_000, 50_000, 100_000};

    /** Each scale point's value of {@code f(concurrent users)}. */
    private static double[] perPoint(DoubleUnaryOperator f) {
        double[] out = new double[CONCURRENT.length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(CONCURRENT[i]);
        return out;
    }

    private static double[] sum(double[]... rows) {
        double[] out = new double[CONCURRENT.length];
        for (double[] r : rows) for (int i = 0; i < out.length; i++) out[i] += r[i];
        return out;
    }

    // Monthly dollars per scale point (10, 1K, 10K, 50K, 100K). The 1K to 100K figures are the report's tables; at
    // 10 users (no breakdown in the report) each per-user rate is the 1K one and Neptune is the same 2 instances.
    /** Neptune: 2 x db.r5.large, 2 x db.r5.large, 2 x db.r5.xlarge, 3 x db.r5.xlarge (report $516 ... $1,543). */
    private static final double[] NEPTUNE = {2 * 258, 2 * 258, 2 * 260.5, 2 * 521, 3 * (1543.0 / 3)};
    /** DynamoDB: $0.15 per concurrent user (report $150, $1,500, $7,500, $15,000). */
    private static final double[] DYNAMODB = perPoint(u -> u * 0.15);
    /** Lambda: report $28, $203, $850, $1,653. */
    private static final double[] LAMBDA = {10 * 0.028, 28, 203, 850, 1653};
    /** API Gateway WebSocket: report $403, $4,025, $20,125, $40,250. */
    private static final double[] WEBSOCKET = {10 * 0.403, 403, 4025, 20125, 40250};
    /** ElastiCache: one $560 cluster, in the 100K table only. */
    private static final double[] ELASTICACHE = {0, 0, 0, 0, 560};
    /** Secrets Manager, CloudWatch, Cognito: report $3, $15, $838, $1,625. */
    private static final double[] SECURITY = {10 * 0.003, 3, 15, 838, 1625};
    /**
     * Sonnet input and output (choice 1): the report's $3.00 / $15.00 per 1M at 3:1 input:output tokens; its $1,200
     * per 1,000 users is 8 x T / 1M with T input tokens, so T = 150,000 and the output 50,000 per concurrent user.
     */
    private static final double[] SONNET_INPUT = perPoint(u -> u * 150_000 * 3.00 / 1_000_000);
    private static final double[] SONNET_OUTPUT = perPoint(u -> u * 50_000 * 15.00 / 1_000_000);
    /** Embeddings: report $9, $240, $1,275, $2,425 (choice 2); 10 users at the 1K 450,000 tokens x $0.02 / 1M. */
    private static final double[] EMBEDDINGS = {10 * 450_000 * 0.02 / 1_000_000, 9, 240, 1275, 2425};
    /** LLM row: Sonnet + embeddings (choice 4: at 100K that is $122,425, not the report's $123,925). */
    private static final double[] LLM = sum(SONNET_INPUT, SONNET_OUTPUT, EMBEDDINGS);
    /** Total: the rows' sum (report $2,309, $18,504, $91,630; at 100K $183,056, not its $182,556, choice 4). */
    private static final double[] TOTAL = sum(NEPTUNE, DYNAMODB, LAMBDA, WEBSOCKET, ELASTICACHE, SECURITY, LLM);
    /** Funding for the runway: the report's runway table ($50K for 1K users, so also for 10). */
    private static final double[] FUNDING = {50_000, 50_000, 250_000, 1_000_000, 2_500_000};

    @Test
    void theHandArithmeticGivesTheReportsFigures() {
        // the report's 1K/10K/50K totals and LLM rows, and its Sonnet table
        assertEquals(2309, TOTAL[1], 1e-9);
        assertEquals(18504, TOTAL[2], 1e-9);
        assertEquals(91630, TOTAL[3], 1e-9);
        assertEquals(1209, LLM[1], 1e-9);
        assertEquals(12240, LLM[2], 1e-9);
        assertEquals(61275, LLM[3], 1e-9);
        assertEquals(1200, SONNET_INPUT[1] + SONNET_OUTPUT[1], 1e-9);
        assertEquals(120000, SONNET_INPUT[4] + SONNET_OUTPUT[4], 1e-9);
        assertEquals(1543 + 15000 + 1653 + 40250 + 560 + 1625 + 120000 + 2425, TOTAL[4], 1e-9);
        // the report's break-even revenue ($2,655, $21,280, $105,375) is the total plus 15% (choice 6), to the dollar
        assertEquals(2655, TOTAL[1] * 1.15, 0.5 + 1e-6);
        assertEquals(21280, TOTAL[2] * 1.15, 0.5 + 1e-6);
        assertEquals(105375, TOTAL[3] * 1.15, 0.5 + 1e-6);
        // and its cost per active user ($1.23, $1.22, $1.22) is the total over 1.5 x concurrent users (choice 5)
        assertEquals(1.23, TOTAL[2] / 15_000, 0.005);
        assertEquals(1.22, TOTAL[3] / 75_000, 0.005);
        assertEquals(1.22, TOTAL[4] / 150_000, 0.005);
    }

    /** A number as the CSV writes it: plain notation, at most 12 significant digits, no trailing zeros; NaN, Infinity, -Infinity. */
    private static String plain(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static String row(String label, double[] values) {
        StringBuilder b = new StringBuilder(label);
        for (double v : values) b.append(',').append(plain(v));
        return b.append('\n').toString();
    }

    /** The breakdown at the file's own values, 1,000 concurrent users: quantity x unit price and share of $2,309. */
    private static String expectedBreakdown() {
        double total = TOTAL[1];
        StringBuilder b = new StringBuilder("Category,Item,Quantity,Unit,Unit price,Per,Monthly,Share\n");
        // {category, item, quantity, unit, unit price, per}: Neptune is the report's $516 for db.r5.large x 2; the
        // per-user rates are its 1K figures over 1,000 users; tokens per user are choices 1 ($1,200 = 8 x 150,000 x
        // 1,000 / 1M) and 2 ($9 = 450,000 x 1,000 x $0.02 / 1M); ElastiCache appears only in the 100K table
        Object[][] rows = {
            {"Database Services", "Neptune cluster", 2, "instances", 258, "instance-month"},
            {"DynamoDB Tables", "DynamoDB tables", 1000, "concurrent users", 0.15, "concurrent user-month"},
            {"Compute Services", "Lambda functions (all)", 1000, "concurrent users", 0.028, "concurrent user-month"},
            {"API Gateway", "WebSocket messages & connections", 1000, "concurrent users", 0.403, "concurrent user-month"},
            {"Caching Layer", "ElastiCache for optimization", 0, "clusters", 560, "cluster-month"},
            {"Security & Auth", "\"Secrets Manager, CloudWatch, Cognito\"", 1000, "concurrent users", 0.003, "concurrent user-month"},
            {"LLM API Services", "Claude 3.5 Sonnet input tokens (OpenRouter)", 1000 * 150_000, "tokens", 3, "1M tokens"},
            {"LLM API Services", "Claude 3.5 Sonnet output tokens (OpenRouter)", 1000 * 50_000, "tokens", 15, "1M tokens"},
            {"LLM API Services", "OpenAI text-embedding-3-small", 1000 * 450_000, "tokens", 0.02, "1M tokens"},
        };
        double sum = 0;
        for (Object[] r : rows) {
            double quantity = ((Number) r[2]).doubleValue();
            double price = ((Number) r[4]).doubleValue();
            double monthly = quantity * price / (r[5].equals("1M tokens") ? 1_000_000 : 1);
            sum += monthly;
            b.append(r[0]).append(',').append(r[1]).append(',').append(plain(quantity)).append(',').append(r[3])
                    .append(',').append(plain(price)).append(',').append(r[5]).append(',').append(plain(monthly))
                    .append(',').append(plain(monthly / total)).append('\n');
        }
        assertEquals(2309, sum, 1e-9, "the report's 1K total");
        return b.toString();
    }

    /** Every scale point side by side: items, categories, totals and the business metrics. */
    private static String expectedScalePoints() {
        double[] users = perPoint(u -> 1.5 * u);                        // active users (choice 5)
        double[] breakEvenRevenue = new double[5];
        double[] costPerUser = new double[5];
        double[] breakEvenPaying = new double[5];
        double[] breakEvenConversion = new double[5];
        double[] runway = new double[5];
        double[] annual = new double[5];
        double[] profit = new double[5];
        double[] margin = new double[5];
        for (int i = 0; i < 5; i++) {
            annual[i] = 12 * TOTAL[i];
            costPerUser[i] = TOTAL[i] / users[i];
            profit[i] = 0 - TOTAL[i];                                    // no premium users yet: no revenue
            margin[i] = Double.NEGATIVE_INFINITY;                        // a loss over no revenue: written as such, not a blank
            breakEvenRevenue[i] = TOTAL[i] * 1.15;                       // choice 6
            breakEvenPaying[i] = breakEvenRevenue[i] / 4.99;             // the $4.99 premium subscription
            breakEvenConversion[i] = breakEvenPaying[i] / CONCURRENT[i];
            runway[i] = FUNDING[i] / TOTAL[i];
        }
        double[] zero = new double[5];
        return "row,10,1K,10K,50K,100K\n"
                + row("item:neptune", NEPTUNE) + row("item:dynamodb_tables", DYNAMODB) + row("item:lambda_functions", LAMBDA)
                + row("item:websocket_api", WEBSOCKET) + row("item:elasticache", ELASTICACHE)
                + row("item:security_services", SECURITY) + row("item:sonnet_input", SONNET_INPUT)
                + row("item:sonnet_output", SONNET_OUTPUT) + row("item:embeddings", EMBEDDINGS)
                + row("category:database", NEPTUNE) + row("category:dynamodb", DYNAMODB) + row("category:compute", LAMBDA)
                + row("category:api_gateway", WEBSOCKET) + row("category:caching", ELASTICACHE)
                + row("category:security", SECURITY) + row("category:llm", LLM)
                + row("monthlyTotal", TOTAL) + row("annualTotal", annual)
                + row("metric:users", users) + row("metric:costPerUser", costPerUser)
                + row("metric:payingUsers", zero) + row("metric:revenue", zero) + row("metric:profit", profit)
                + row("metric:margin", margin) + row("metric:breakEvenRevenue", breakEvenRevenue)
                + row("metric:breakEvenPayingUsers", breakEvenPaying) + row("metric:breakEvenConversion", breakEvenConversion)
                + row("metric:runwayMonths", runway);
    }

    // ---------------------------------------------------------------- the exports

    @Test
    void breakdownCsvEqualsTheReportsFigures() {
        Out r = run("export-table", INNERWORLD.toString(), "--table", "breakdown", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals(expectedBreakdown(), r.out());
    }

    @Test
    void scalePointCsvEqualsTheReportsFigures() {
        Out r = run("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals(expectedScalePoints(), r.out());
    }

    @Test
    void csvHasPlainNumbersAndMarkdownIsFormatted() {
        String csv = run("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "csv", "--at", "10K").out();
        assertTrue(csv.contains("\nmonthlyTotal,533.93,2309,18504,91630,183056\n"), csv);
        String md = run("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "markdown").out();
        assertTrue(md.startsWith("|  | 10 | 1K | 10K | 50K | 100K |\n|---|---:|---:|---:|---:|---:|\n"), md);
        assertTrue(md.contains("| Monthly total | $533.93 | $2,309.00 | $18,504.00 | $91,630.00 | $183,056.00 |\n"), md);
    }

    @Test
    void auditExportsEveryStatedFigure() {
        String csv = run("export-table", "sample-scenarios/beatsight.json", "--table", "audit", "--format", "csv").out();
        List<String> lines = csv.lines().toList();
        assertEquals("label,at,of,stated,computed,difference,agrees", lines.get(0));
        assertEquals(21, lines.size(), "a header and 20 stated figures");
        assertEquals("AI Separation + Transcription ~$0.05 per run (stage table),1K,unitPrice(gpu_separation),0.05,0.055,0.005,false", lines.get(1));
    }

    @Test
    void outWritesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("b.csv");
        Out r = run("export-table", INNERWORLD.toString(), "--table", "breakdown", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + out + "\n", r.out());
        assertArrayEquals(expectedBreakdown().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("b.csv"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void badTableNamesTheFile() {
        Out r = run("export-table", INNERWORLD.toString(), "--table", "pie");
        assertEquals(2, r.code());
        assertEquals(INNERWORLD + ": --table pie: expected one of breakdown, scale-points, audit, timeline\n", r.err());
    }
}
