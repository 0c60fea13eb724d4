package costscope.imports;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real export in {@code ../shared/import-samples/} (when that folder is present: it is reference data, never
 * copied into the project) imports to a valid scenario whose evaluated monthly total is the file's own stated total
 * to the cent (and its upfront where stated), every stated figure agreeing in the audit; the files' particular traps
 * (MANIFEST.md) are checked one by one.
 */
class ImportSamplesTest {
    static final Path SAMPLES = Path.of("../shared/import-samples");

    /** Each file, with its stated monthly total and upfront as MANIFEST.md copies them (null: none stated). */
    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("aws-calculator/My-Estimate.json", "715.56", "0.00"),
                Arguments.of("aws-calculator/sample1.json", "88945.35", "0.00"),
                Arguments.of("aws-calculator/sample2.json", "20701.40", "0.00"),
                Arguments.of("aws-calculator/Excel_Automation-queue-My Estimate.json", "8509.29", "0.00"),
                Arguments.of("aws-calculator/Excel_Automation-My Estimate.json", "602.14", "9245.61"),
                Arguments.of("aws-calculator/estimate.json", "10.03", "0.00"),
                Arguments.of("aws-calculator/AWS_Cloud_Computing_Cost_Estimation-My Estimate.csv", "338.8025", "0"),
                Arguments.of("aws-calculator/personal-finance-backend-aws-My Estimate.csv", "1.54", "0"),
                Arguments.of("aws-calculator/Wordpress-My Estimate.csv", null, null),
                Arguments.of("aws-calculator/Initial_Cost_Estimate.csv", "9938.529999999999", "443.86506"),
                Arguments.of("aws-calculator/Reduced_Cost_Estimate.csv", "5088.454", "10853.64"),
                Arguments.of("aws-calculator/DF_2024_wk5-My Estimate.csv", "16298.65", "0"),
                Arguments.of("infracost/infracost-output_format_git_hub_comment_with_project_names-infracost.json", "3027.528", null),
                Arguments.of("infracost/example_out.json", "1361.3075", null),
                Arguments.of("infracost/out_with_project_error.json", "1303.28", null),
                Arguments.of("infracost/azure_firewall_out.json", "4018.65", null),
                Arguments.of("infracost/demo-containers-infracost-base.json", "43.8", null),
                Arguments.of("infracost/tf-google-gke-cluster-infracost-base.json", "107.2654", null),
                Arguments.of("infracost/AWS_Kinesis-infracost.json", "469.41225", null),
                Arguments.of("infracost/infracost-output_format_bitbucket_comment_with_project_names-infracost.json", "4626.744", null),
                Arguments.of("infracost/terraform_v0.14_breakdown.json", "81.122", null),
                Arguments.of("infracost/game-server-infracost-base.json", "93.08", null));
    }

    static Imported load(String name) {
        Path f = SAMPLES.resolve(name);
        assumeTrue(Files.isDirectory(SAMPLES), "../shared/import-samples is not here");
        return Importers.read(f, null);
    }

    static Results evaluate(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator(s).evaluate();
    }

    @ParameterizedTest
    @MethodSource("files")
    void importsToTheFilesOwnTotalsToTheCent(String name, String monthly, String upfront) throws Exception {
        Imported imp = load(name);
        Scenario s = imp.scenario();
        assertEquals(List.of(), CompiledScenario.validate(s));
        // what is written is what is read back
        assertEquals(s, ScenarioFiles.parse(ScenarioFiles.toJson(s), name));
        Results r = evaluate(s);
        if (monthly != null) assertEquals(Math.round(Double.parseDouble(monthly) * 100), Math.round(r.monthlyTotal() * 100), name);
        if (upfront != null) assertEquals(Math.round(Double.parseDouble(upfront) * 100), Math.round(r.upfrontTotal() * 100), name);
        List<Audit.Line> audit = Audit.run(CompiledScenario.compile(s));
        assertTrue(audit.stream().allMatch(Audit.Line::agrees), audit.toString());
        assertEquals(monthly == null, audit.isEmpty(), "the file's totals are stated figures");
        assertEquals(monthly != null, audit.stream().anyMatch(l -> l.of().equals("total") && l.stated() == Double.parseDouble(monthly)));
        assertEquals(imp.report().items(), s.items().size());
        assertTrue(imp.report().unread().isEmpty(), imp.report().unread().toString());
    }

    @Test
    void anEc2LineScalesWithItsInstances() throws Exception {
        Scenario s = load("aws-calculator/My-Estimate.json").scenario();
        LineItem ec2 = s.items().get(0);
        assertEquals("amazon_ec2_m5_large", ec2.id());
        assertEquals("amazon_ec2_m5_large_instances", ec2.quantity());
        assertEquals("238.52", ec2.unitPrice());
        assertEquals("Compute", s.categories().get(0).label());
        Driver d = s.driver("amazon_ec2_m5_large_instances");
        assertEquals(3, d.value());
        Results six = evaluate(s.withDriverValue("amazon_ec2_m5_large_instances", 6));
        assertEquals(1431.12, six.monthlyTotal(), 1e-9);
        assertTrue(ec2.description().contains("Advance EC2 instance: m5.large"), ec2.description());
    }

    @Test
    void namedGroupsSupportUpfrontAndTheCalculatorsRounding() throws Exception {
        Imported queue = load("aws-calculator/Excel_Automation-queue-My Estimate.json");
        assertEquals(List.of("DEV", "QUA", "PROD", "Support", "Rounding"), queue.report().categories());
        LineItem rounding = queue.scenario().items().get(queue.scenario().items().size() - 1);
        assertEquals("Rounding in the source's total", rounding.label());
        assertEquals("-0.03", rounding.unitPrice());
        assertTrue(queue.report().notes().get(0).startsWith("the file states a monthly total of 8509.29 but its lines add up to 8509.32 (-0.03)"));
        LineItem support = queue.scenario().items().stream().filter(i -> i.label().startsWith("AWS Support")).findFirst().orElseThrow();
        assertEquals("AWS Support: Business support plan", support.label());
        assertEquals("773.57", support.unitPrice());

        Imported upfront = load("aws-calculator/Excel_Automation-My Estimate.json");
        LineItem r = upfront.scenario().items().get(upfront.scenario().items().size() - 1);
        assertEquals("0", r.unitPrice());
        assertEquals("-0.01", r.upfront());
    }

    @Test
    void csvLayoutsEncodingsAndTraps() throws Exception {
        Imported wp = load("aws-calculator/Wordpress-My Estimate.csv");
        assertEquals(11, wp.scenario().items().size());
        assertEquals(291.12, evaluate(wp.scenario()).monthlyTotal(), 1e-9);
        assertTrue(wp.report().notes().contains("the file is Windows-1252 text (not UTF-8: an older calculator export), read as such"));
        assertTrue(wp.scenario().items().stream().anyMatch(i -> i.description().contains("padr\u00e3o")), "Latin-1 text read as such");

        Imported support = load("aws-calculator/Initial_Cost_Estimate.csv");
        LineItem s = support.scenario().items().stream().filter(i -> i.label().startsWith("AWS Support")).findFirst().orElseThrow();
        assertEquals("AWS Support: Enterprise On-Ramp", s.label());
        assertEquals("5500", s.unitPrice());
        assertEquals("443.85", s.upfront());
        assertEquals("Support", support.scenario().categories().stream().filter(c -> c.id().equals(s.category())).findFirst().orElseThrow().label());

        Imported padded = load("aws-calculator/Reduced_Cost_Estimate.csv");
        assertEquals(7, padded.scenario().items().size(), "the notes after the acknowledgement are not items");
        assertTrue(padded.report().notes().contains("2 lines after the Acknowledgement (notes, not estimate lines) left out"));

        Imported nested = load("aws-calculator/AWS_Cloud_Computing_Cost_Estimation-My Estimate.csv");
        LineItem ec2 = nested.scenario().items().get(1);
        assertTrue(ec2.description().contains("Workload: Daily, (Workload days: Monday, Tuesday, Wednesday, Thursday, Friday, Baseline: 1,"
                + " Peak: 2, Duration of peak: 8 Hr 30 Min)"), ec2.description());
        assertEquals("1", ec2.quantity(), "a daily workload states no instance count");
    }

    @Test
    void infracostUsageDiscountsProjectsAndThePast() throws Exception {
        Imported kinesis = load("infracost/AWS_Kinesis-infracost.json");
        assertTrue(kinesis.report().notes().contains("the file is UTF-16LE text"), kinesis.report().notes().toString());
        assertEquals(97, kinesis.report().drivers().stream().filter(ImportReport.Offered::needsValue).count());

        Imported gke = load("infracost/tf-google-gke-cluster-infracost-base.json");
        LineItem pool = gke.scenario().items().stream().filter(i -> "26.2654".equals(i.unitPrice())).findFirst().orElseThrow();
        assertTrue(pool.description().contains("is not 1460 hours x 0.0257 = 37.522"), pool.description());

        Imported five = load("infracost/infracost-output_format_git_hub_comment_with_project_names-infracost.json");
        assertEquals(List.of("my first project", "my first project again", "my terragrunt dev project", "my terragrunt prod project",
                "my workspace project"), five.report().categories());
        Scenario before = five.scenario().withLevers(five.scenario().levers().stream().map(l -> l.withEnabled(true)).toList());
        assertEquals(5269.212, evaluate(before).monthlyTotal(), 1e-6, "the variant 'before' gives the past total");
        assertEquals(Map.of("past_breakdown", true), five.scenario().variant("before").levers());

        Imported twice = load("infracost/infracost-output_format_bitbucket_comment_with_project_names-infracost.json");
        assertTrue(twice.report().categories().contains("my terragrunt multi project (2)"), twice.report().categories().toString());
    }
}
