package costscope.cli;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static costscope.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import} on small fixtures of each format (they run without the shared samples): what it writes, what it
 * reports, and exit 2 with the file and the reason for a file that is none of the formats.
 */
class ImportCliTest {
    static final Path FIXTURES = Path.of("src/test/resources/imports");
    @TempDir
    Path tmp;

    Scenario imported(String fixture, String... more) throws Exception {
        Path out = tmp.resolve(fixture + ".scenario.json");
        String[] args = new String[3 + more.length + 1];
        args[0] = "import";
        args[1] = FIXTURES.resolve(fixture).toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        CliTest.Run r = cli(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("Wrote " + out + ".\n"), r.out());
        last = r;
        return ScenarioFiles.load(out);
    }

    CliTest.Run last;

    static double total(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator(s).evaluate().monthlyTotal();
    }

    @Test
    void calculatorJson() throws Exception {
        Scenario s = imported("calculator.json");
        assertEquals("Shop backend", s.name());
        assertEquals(List.of("Storage", "Web", "Support", "Rounding"), s.categories().stream().map(c -> c.label()).toList());
        LineItem ec2 = s.items().get(1);
        assertEquals("Amazon EC2: App servers (m5.large)", ec2.label());
        assertEquals("web_amazon_ec2_app_servers_m5_large_instances", ec2.quantity());
        assertEquals("175", ec2.unitPrice());
        assertEquals("1200", ec2.upfront());
        LineItem s3 = s.items().get(0);
        assertEquals("s3_standard_gb_month", s3.quantity());
        assertEquals("0.023", s3.unitPrice());
        Driver lb = s.driver("web_application_load_balancer_application_load_balancers");
        assertEquals(2, lb.value());
        assertEquals(1000.01, total(s), 1e-9);
        assertTrue(Audit.run(CompiledScenario.compile(s)).stream().allMatch(Audit.Line::agrees));
        Scenario moved = s.withDriverValue("web_amazon_ec2_app_servers_m5_large_instances", 8).withDriverValue(lb.id(), 4);
        assertEquals(1948.01, total(moved), 1e-9);
        assertTrue(Audit.run(CompiledScenario.compile(moved)).stream().allMatch(Audit.Line::agrees), "the source's totals, as imported");
        assertEquals(Map.of("s3_standard_gb_month", 1000.0, "web_amazon_ec2_app_servers_m5_large_instances", 4.0, lb.id(), 2.0),
                s.scalePoint("imported").values());
        assertEquals("web_amazon_ec2_app_servers_m5_large_instances", s.sweep().driver(), "the sweep moves the costliest line");
        assertEquals(40, s.sweep().to());
        String out = last.out();
        assertTrue(out.startsWith("Imported " + FIXTURES.resolve("calculator.json") + " (AWS Pricing Calculator JSON export): 5 line items in 4"
                + " categories: Storage, Web, Support, Rounding.\n"), out);
        assertTrue(out.contains("  web_amazon_ec2_app_servers_m5_large_instances = 4 instances  (Web: Amazon EC2: App servers (m5.large): instances)\n"), out);
        assertTrue(out.contains("Not read: 1 line\n  Groups.Web.Services[2]: a service without a \"Service Name\"\n"), out);
        assertTrue(out.contains("Note: the file states a monthly total of 1000.01 but its lines add up to 1000 (+0.01)"), out);
    }

    @Test
    void calculatorCsv() throws Exception {
        Scenario s = imported("calculator.csv");
        assertEquals("My Estimate", s.name());
        assertEquals(List.of("Data", "Management"), s.categories().stream().map(c -> c.label()).toList());
        LineItem rds = s.items().get(0);
        assertEquals("Amazon RDS for PostgreSQL: Primary (db.t4g.large (burstable))", rds.label());
        assertEquals("data_amazon_rds_for_postgresql_primary_d_nodes", rds.quantity());
        assertTrue(rds.description().contains("Instance type: db.t4g.large (burstable)"), rds.description());
        assertEquals(10, s.driver("amazon_cloudwatch_metrics").value());
        assertEquals(120.5, total(s), 1e-6);
        String out = last.out();
        assertTrue(out.contains("  line 11: the Monthly cell 'lots' is not an amount\n"), out);
        assertTrue(out.contains("Note: 1 line after the Acknowledgement (notes, not estimate lines) left out\n"), out);
    }

    @Test
    void infracostWithTwoProjectsUsageADiscountAndThePast() throws Exception {
        Scenario s = imported("infracost.json");
        assertEquals(List.of("web", "batch"), s.categories().stream().map(c -> c.label()).toList());
        assertEquals(165.16, total(s), 1e-9);
        LineItem disk = s.items().get(1);
        assertEquals("aws_instance.app / root_block_device: Storage (gp3)", disk.label());
        assertEquals("296.1 * aws_instance_scale", disk.quantity());
        assertEquals("0.08", disk.unitPrice());
        LineItem lambda = s.items().get(2);
        assertEquals("aws_lambda_function_api_requests_usage", lambda.quantity());
        assertEquals(0, s.driver(lambda.quantity()).value());
        assertEquals(165.16 + 5 * 0.2, total(s.withDriverValue(lambda.quantity(), 5)), 1e-9);
        LineItem pool = s.items().get(3);
        assertTrue(pool.description().contains("Infracost's cost 20 is not 730 hours x 0.0335 = 24.455"), pool.description());
        Scenario before = s.withLevers(s.levers().stream().map(l -> l.withEnabled(true)).toList());
        assertEquals(70.08, total(before), 1e-9);
        assertEquals(List.of(true, true, true, true), Audit.run(CompiledScenario.compile(s)).stream().map(Audit.Line::agrees).toList(), "total, two projects, the past");
        String out = last.out();
        assertTrue(out.contains("Usage the source does not know, set to 0: give each a value: 1\n  aws_lambda_function_api_requests_usage"
                + " (1M requests)  aws_lambda_function.api: Requests (usage)\n"), out);
    }

    @Test
    void fromMustMatchAndBadFilesExit2NamingWhy() throws Exception {
        Path out = tmp.resolve("x.json");
        String[][] cases = {
                {"truncated.json", "not valid JSON at line 1, column 77: Unexpected end-of-input"},
                {"package.json", "JSON, but not an estimate Costscope imports: an AWS Pricing Calculator export has \"Groups\" and"
                        + " \"Total Cost\", an Infracost output (breakdown --format json) has \"projects\"; this has \"name\", \"version\","
                        + " \"dependencies\""},
                {"empty.csv", "the file is empty"},
                {"binary.bin", "binary data, not an estimate exported as JSON or CSV"},
                {"other.csv", "not an estimate Costscope imports: not JSON, and no AWS Pricing Calculator CSV header"},
        };
        for (String[] c : cases) {
            Path f = FIXTURES.resolve(c[0]);
            CliTest.Run r = cli("import", f.toString(), "--out", out.toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(f + ": " + c[1]), c[0] + ": " + r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        CliTest.Run r = cli("import", FIXTURES.resolve("calculator.csv").toString(), "--out", out.toString(), "--from", "infracost");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("calculator.csv: not an Infracost JSON output: it is not JSON"), r.err());
        r = cli("import", FIXTURES.resolve("calculator.csv").toString(), "--out", out.toString(), "--from", "excel");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--from excel: expected one of aws-json, aws-csv, infracost"), r.err());
        r = cli("import", FIXTURES.resolve("calculator.json").toString(), "--out", FIXTURES.resolve("calculator.json").toString());
        assertEquals(2, r.code(), "never over its input");
        assertEquals(0, cli("import", FIXTURES.resolve("calculator.json").toString(), "--out", out.toString(), "--from", "aws-json").code());
    }
}
