package costscope.golden;

import static costscope.golden.GoldenScenario.CENT;
import static costscope.golden.GoldenScenario.TENTH_PERCENT;
import static costscope.golden.GoldenScenario.WHOLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.Evaluator;
import costscope.engine.Results;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the AWSomeBuilder2 "Backend Stack Cost Report" (seed 004), modelled in
 * sample-scenarios/awsomebuilder2.json. Expected numbers are typed from the report. The model prices the
 * component cost tables from their inputs; the design figures of the summaries (Lambda $104.50, NAT $54.90,
 * Secrets/KMS $7.00, ECR $1.40, Other $1.49), the 5.7M Lambda GB-seconds and the figures built on them must
 * show up in the audit as contradictions.
 */
class AwsomeBuilder2GoldenTest {

    private static GoldenScenario awsome;

    @BeforeAll
    static void load() throws Exception {
        awsome = GoldenScenario.load("awsomebuilder2.json");
    }

    // ---------------------------------------------------------------- Aurora PostgreSQL Serverless v2

    @Test
    void auroraAcuHoursAre5400PeakAnd1080OffPeakOver30Days() {
        Results r = awsome.at("10K");
        assertEquals(180, r.eval("(writer_peak_acu + reader_peak_acu) * peak_hours_per_day"), 1e-9);
        assertEquals(36, r.eval("(writer_offpeak_acu + reader_offpeak_acu) * (24 - peak_hours_per_day)"), 1e-9);
        assertEquals(5400, r.eval("quantity(aurora_acu_peak)"), 1e-9);
        assertEquals(1080, r.eval("quantity(aurora_acu_offpeak)"), 1e-9);
        assertEquals(6480, r.eval("quantity(aurora_acu_peak) + quantity(aurora_acu_offpeak)"), 1e-9);
        assertEquals(0.375, r.eval("(writer_peak_acu + reader_peak_acu) / aurora_max_acu"), 1e-12);
        assertEquals(0.075, r.eval("(writer_offpeak_acu + reader_offpeak_acu) / aurora_max_acu"), 1e-12);
    }

    @Test
    void auroraCostBreakdownAddsUpTo87810() {
        Results r = awsome.at("10K");
        assertEquals(648.00, r.eval("aurora_acu_peak"), CENT);
        assertEquals(129.60, r.eval("aurora_acu_offpeak"), CENT);
        assertEquals(50.00, r.eval("aurora_storage"), CENT);
        assertEquals(40.00, r.eval("aurora_io"), CENT);
        assertEquals(10.50, r.eval("aurora_backup"), CENT);
        assertEquals(878.10, r.eval("database"), CENT);
        assertEquals(10537.20, r.eval("database * 12"), CENT);
        assertEquals(0.12, r.eval("unitPrice(aurora_acu_peak)"), 1e-12);
    }

    @Test
    void connectionPoolingTakes12AndAHalfPercentOffTheAcuHours() {
        Results r = awsome.at("10K");
        // 10-15% of $777.60 of ACU-hours: the model takes the midpoint
        assertEquals(97.20, r.eval("saving(connection_pooling)"), CENT);
        Results pooled = awsome.at("10K", "connection_pooling");
        assertEquals(567.00, pooled.eval("aurora_acu_peak"), CENT);
        assertEquals(113.40, pooled.eval("aurora_acu_offpeak"), CENT);
        assertEquals(40.00, pooled.eval("aurora_io"), CENT);
    }

    // ---------------------------------------------------------------- AWS Lambda

    @Test
    void lambdaRequestsAre5800002AndCost116() {
        Results r = awsome.at("10K");
        assertEquals(5_800_002, r.eval("quantity(lambda_requests)"), 1e-6);
        assertEquals(1.16, r.eval("lambda_requests"), CENT);
    }

    @Test
    void provisionedConcurrencyIs13140000IdleGbSecondsAnd500KComputeGbSeconds() {
        Results r = awsome.at("10K");
        assertEquals(13_140_000, r.eval("quantity(lambda_pc_idle)"), 1e-6);
        assertEquals(54.75, r.eval("lambda_pc_idle"), CENT);
        assertEquals(500_000, r.eval("quantity(lambda_pc_compute)"), 1e-6);
        assertEquals(4.86, r.eval("lambda_pc_compute"), CENT);
        assertEquals(59.61, r.eval("lambda_pc_idle + lambda_pc_compute"), CENT);
        assertEquals(59.61, r.eval("saving(no_provisioned_concurrency)"), CENT);
        // "Potential: $60/month" in the recommendations
        assertEquals(60, r.eval("saving(no_provisioned_concurrency)"), WHOLE);
    }

    @Test
    void lambdaDurationFollowsTheInputs568400GbSecondsNotTheTables5Point7Million() {
        Results r = awsome.at("10K");
        // 5.8M requests x 0.35 GB x 0.28 s = 568,400 GB-s; the report's table says ~5.7M ($95.00)
        assertEquals(568_400, r.eval("quantity(lambda_duration)"), 1e-6);
        assertEquals(9.47, r.eval("lambda_duration"), CENT);
        assertEquals(70.24, r.eval("compute"), CENT);
        assertTrue(Math.abs(r.eval("compute") - 155.77) > 1, "the Lambda table's $155.77 is not the model's reading");
        assertTrue(Math.abs(r.eval("compute") - 104.50) > 1, "the design figure $104.50 is not the model's reading");
    }

    @Test
    void arm64SavesTwentyPercentOfLambda() {
        Results r = awsome.at("10K");
        assertEquals(0.2 * r.eval("compute"), r.eval("saving(arm64)"), 1e-9);
        assertEquals(14.05, r.eval("saving(arm64)"), CENT);
    }

    // ---------------------------------------------------------------- API Gateway HTTP API

    @Test
    void apiGatewayIs10MillionRequestsAt1DollarPerMillion() {
        Results r = awsome.at("10K");
        assertEquals(10_000_000, r.eval("quantity(http_api_requests)"), 1e-6);
        assertEquals(10.00, r.eval("http_api_requests"), CENT);
        assertEquals(10.00, r.eval("api"), CENT);
        assertEquals(120.00, r.eval("api * 12"), CENT);
        // REST API at $3.50 per million would cost $25.00 more
        assertEquals(25.00, r.eval("quantity(http_api_requests) * 3.50 / 1000000 - http_api_requests"), CENT);
    }

    @Test
    void apiGatewayScalesLinearlyWithinTier1() {
        assertEquals(50, awsome.at("50K").eval("api"), WHOLE);
        // 100M requests are still in tier 1 (up to 300M): $100, not the report's $95
        assertEquals(100.00, awsome.at("100K").eval("api"), CENT);
    }

    @Test
    void apiGatewayBeyond300MillionRequestsIsBilledAt90Cents() {
        Evaluator e = awsome.evaluator(null);
        e.setDriver("mau", 400_000); // 400M requests: 300M x $1.00 + 100M x $0.90
        assertEquals(390.00, e.evaluate().eval("api"), CENT);
    }

    // ---------------------------------------------------------------- Cognito

    @Test
    void cognitoIs55BasePlus500AdvancedSecurity() {
        Results r = awsome.at("10K");
        assertEquals(55.00, r.eval("cognito_base"), CENT);
        assertEquals(500.00, r.eval("cognito_asf"), CENT);
        assertEquals(555.00, r.eval("auth"), CENT);
        assertEquals(6660.00, r.eval("auth * 12"), CENT);
        assertEquals(0.0555, r.eval("auth / mau"), 0.00005 + 1e-12);
        assertEquals(0.056, r.eval("auth / mau"), 0.0005 + 1e-9);
        assertEquals(0.90, r.eval("cognito_asf / auth"), 0.005);
        assertEquals(500.00, r.eval("saving(disable_asf)"), CENT);
    }

    @Test
    void cognitoScalesLinearlyWithMau() {
        assertEquals(2775.00, awsome.at("50K").eval("auth"), CENT);
        assertEquals(5550.00, awsome.at("100K").eval("auth"), CENT);
    }

    @Test
    void cognitoFreeTierReadingDropsTheBaseChargeUpTo50000Mau() {
        Evaluator e = awsome.evaluator("10K");
        e.setDriver("cognito_free_mau", 50_000);
        assertEquals(0.00, e.evaluate().eval("cognito_base"), CENT);
        assertEquals(500.00, e.evaluate().eval("auth"), CENT);
    }

    // ---------------------------------------------------------------- VPC / NAT Gateway

    @Test
    void natGatewayIs3285HourlyPlus450DataProcessing() {
        Results r = awsome.at("10K");
        assertEquals(32.85, r.eval("nat_hours"), CENT);
        assertEquals(4.50, r.eval("nat_data"), CENT);
        assertEquals(37.35, r.eval("network"), CENT);
        assertEquals(448.20, r.eval("network * 12"), CENT);
        assertEquals(37.35, r.eval("saving(ipv6_egress)"), CENT);
        // a second gateway adds only its hourly charge: the data is not processed twice
        assertEquals(-32.85, r.eval("saving(second_nat_gateway)"), CENT);
    }

    // ---------------------------------------------------------------- Secrets Manager and KMS

    @Test
    void secretsAndKmsAre514WithTheKmsFreeTier() {
        Results r = awsome.at("10K");
        assertEquals(1.20, r.eval("secrets_storage"), CENT);
        assertEquals(0.50, r.eval("secrets_api"), CENT);
        assertEquals(2.00, r.eval("kms_key_months"), CENT);
        assertEquals(48, r.eval("(quantity(kms_api_requests) - 20000) / 10000"), 1e-9);
        assertEquals(1.44, r.eval("kms_api_requests"), CENT);
        assertEquals(5.14, r.eval("security"), CENT);
        assertEquals(61.68, r.eval("security * 12"), CENT);
    }

    @Test
    void secretsAndKmsSavingsMatchTheReport() {
        Results r = awsome.at("10K");
        assertEquals(0.80, r.eval("saving(secret_consolidation)"), CENT);
        assertEquals(0.40, r.eval("saving(secret_caching)"), CENT);
        assertEquals(1.00, r.eval("saving(kms_key_consolidation)"), CENT);
    }

    // ---------------------------------------------------------------- CloudWatch / CloudTrail

    @Test
    void cloudWatchAndCloudTrailAre63() {
        Results r = awsome.at("10K");
        assertEquals(25.00, r.eval("log_ingestion"), CENT);
        assertEquals(3.00, r.eval("log_storage"), CENT);
        assertEquals(15.00, r.eval("metrics"), CENT);
        assertEquals(20.00, r.eval("cloudtrail_events"), CENT);
        assertEquals(63.00, r.eval("monitoring"), CENT);
        assertEquals(756.00, r.eval("monitoring * 12"), CENT);
    }

    @Test
    void hipaaAuditLoggingIs48AndKeysAre2() {
        Results r = awsome.at("10K");
        assertEquals(28.00, r.eval("log_ingestion + log_storage"), CENT);
        assertEquals(48.00, r.eval("cloudtrail_events + log_ingestion + log_storage"), CENT);
        assertEquals(2.00, r.eval("kms_key_months"), CENT);
    }

    @Test
    void cloudWatchFollowsTheReportsPerScaleTable() {
        assertEquals(150, awsome.at("50K").eval("monitoring"), WHOLE);
        assertEquals(250, awsome.at("100K").eval("monitoring"), WHOLE);
    }

    // ---------------------------------------------------------------- ECR

    @Test
    void ecrIs110() {
        Results r = awsome.at("10K");
        assertEquals(0.20, r.eval("ecr_storage"), CENT);
        assertEquals(0.00, r.eval("ecr_same_region"), CENT);
        assertEquals(0.90, r.eval("ecr_internet"), CENT);
        assertEquals(1.10, r.eval("registry"), CENT);
        assertEquals(13.20, r.eval("registry * 12"), CENT);
    }

    // ---------------------------------------------------------------- totals, shares and scaling

    @Test
    void modelTotalIsTheSumOfTheComponentTables() {
        Results r = awsome.at("10K");
        // 878.10 + 555.00 + 70.24 + 37.35 + 10.00 + 5.14 + 63.00 + 1.10
        assertEquals(1619.93, r.monthlyTotal(), CENT);
        assertEquals(19439.22, r.annualTotal(), CENT);
        assertEquals(10_000, r.eval("users"), 0);
        assertEquals(100_000, r.eval("registered_users"), 1e-9);
    }

    @Test
    void sharesTheReportGetsRightAtTheModelsTotal() {
        Results r = awsome.at("10K");
        assertEquals(0.006, r.eval("api / total"), TENTH_PERCENT);
        assertEquals(0.001, r.eval("registry / total"), TENTH_PERCENT);
        assertEquals(1.0, r.eval("(database + auth + compute + network + api + security + monitoring + registry) / total"), 1e-12);
    }

    @Test
    void auroraScalesByTheReportsFactorAt50K() {
        assertEquals(3073, awsome.at("50K").eval("database"), WHOLE);
        assertEquals(3.5, awsome.at("50K").eval("aurora_scale"), 0);
        assertEquals(1, awsome.at("10K").eval("aurora_scale"), 0);
    }

    @Test
    void asfAndProvisionedConcurrencyRecommendationsHoldToTheDollar() {
        Results r = awsome.at("10K");
        assertEquals(500, r.eval("saving(disable_asf)"), WHOLE);
        assertEquals(60, r.eval("saving(no_provisioned_concurrency)"), WHOLE);
    }

    // ---------------------------------------------------------------- audit

    /** Every stated figure the model contradicts, by label; each is explained in the scenario's description. */
    private static final List<String> CONTRADICTIONS = List.of(
            "Total monthly cost, Executive Summary headline",
            "AWS Lambda, Executive Summary table",
            "VPC/NAT Gateway, Executive Summary table",
            "Secrets Manager & KMS, Executive Summary table",
            "ECR, Executive Summary table",
            "Other, Executive Summary table",
            "Aurora PostgreSQL % of total, Executive Summary table",
            "Amazon Cognito % of total, Executive Summary table",
            "AWS Lambda % of total, Executive Summary table",
            "VPC/NAT Gateway % of total, Executive Summary table",
            "Secrets Manager & KMS % of total, Executive Summary table",
            "CloudWatch/CloudTrail % of total, Executive Summary table",
            "Other % of total, Executive Summary table",
            "TOTAL, Executive Summary table",
            "AWS Lambda annual cost, Executive Summary table",
            "VPC/NAT Gateway annual cost, Executive Summary table",
            "Secrets Manager & KMS annual cost, Executive Summary table",
            "ECR annual cost, Executive Summary table",
            "Other annual cost, Executive Summary table",
            "TOTAL annual cost, Executive Summary table",
            "Cost per MAU, Executive Summary key metrics",
            "Cost per API request, Executive Summary key metrics",
            "Cost per database transaction, Executive Summary key metrics",
            "Weighted average memory (GB), Lambda usage assumptions",
            "Weighted average duration incl. VPC overhead (s), Lambda usage assumptions",
            "Total compute GB-seconds (~5.7M), Lambda usage assumptions",
            "Compute Duration, Lambda cost breakdown",
            "TOTAL, Lambda cost breakdown",
            "Annual cost (using $155.77), Lambda section",
            "Annual cost (using design figure), Lambda section",
            "ARM64 migration potential savings, Lambda optimization notes",
            "Average requests per second during business hours (~333), API Gateway usage",
            "Base authentication cost within the free tier (first 50,000 MAU free), Cognito Free Tier",
            "Design figure $54.90 read as 500 GB of data processing, NAT note",
            "Annual cost (using design figure), NAT section",
            "Additional cost of a second NAT Gateway for HA, NAT optimization notes",
            "Annual cost (using design figure), Secrets Manager & KMS section",
            "Log retention savings (3 days active, 7 days historical), CloudWatch optimization notes",
            "Annual cost (using design figure), ECR section",
            "Internet transfer with all pulls in the same region, ECR usage assumptions",
            "AWS Lambda, Cost Summary table",
            "VPC/NAT Gateway, Cost Summary table",
            "Secrets Manager & KMS, Cost Summary table",
            "ECR, Cost Summary table",
            "TOTAL, Cost Summary table",
            "Aurora PostgreSQL % of Backend Stack, Cost Summary table",
            "Amazon Cognito % of Backend Stack, Cost Summary table",
            "AWS Lambda % of Backend Stack, Cost Summary table",
            "VPC/NAT Gateway % of Backend Stack, Cost Summary table",
            "CloudWatch/CloudTrail % of Backend Stack, Cost Summary table",
            "Secrets Manager & KMS % of Backend Stack, Cost Summary table",
            "AWS Lambda annual cost, Cost Summary table",
            "VPC/NAT Gateway annual cost, Cost Summary table",
            "Secrets Manager & KMS annual cost, Cost Summary table",
            "ECR annual cost, Cost Summary table",
            "TOTAL annual cost, Cost Summary table",
            "Cost per MAU, Cost Summary metrics",
            "Cost per registered user, Cost Summary metrics",
            "Cost per API request, Cost Summary metrics",
            "Cost per database transaction, Cost Summary metrics",
            "Aurora Connection Pooling (Potential: $100/month), Optimization Recommendations",
            "Lambda ARM64 Migration (Potential: $21/month), Optimization Recommendations",
            "VPC Endpoints (Potential: $15-25/month), Optimization Recommendations",
            "CloudWatch Log Retention (Potential: $5/month), Optimization Recommendations",
            "Secret Caching (Potential: $2/month), Optimization Recommendations",
            "Medium-Impact total ($136-146/month), Total Potential Savings",
            "Low-Impact total ($12/month), Total Potential Savings",
            "Lambda, 10K MAU column of the scaling tables",
            "VPC/NAT, 10K MAU column of the scaling tables",
            "Secrets/KMS, 10K MAU column of the scaling tables",
            "ECR, 10K MAU column of the scaling tables",
            "TOTAL, 10K MAU column of the scaling tables",
            "Lambda, 50K MAU scaling table",
            "VPC/NAT, 50K MAU scaling table",
            "Secrets/KMS, 50K MAU scaling table",
            "ECR, 50K MAU scaling table",
            "TOTAL, 50K MAU scaling table",
            "Cost per MAU, 50K MAU scaling table",
            "Aurora, 100K MAU scaling table",
            "Lambda, 100K MAU scaling table",
            "API Gateway, 100K MAU scaling table",
            "VPC/NAT, 100K MAU scaling table",
            "Secrets/KMS, 100K MAU scaling table",
            "ECR, 100K MAU scaling table",
            "TOTAL, 100K MAU scaling table",
            "Cost per MAU, 100K MAU scaling table",
            "Budget buffer of the $1,800 budget above baseline (7.5%), Cost Monitoring"
    );

    /** The report states 190 figures; 103 of them agree with the model and the 87 above contradict it. */
    @Test
    void everyOtherStatedFigureAgrees() {
        awsome.assertAudit(190, 103, CONTRADICTIONS);
    }

    @Test
    void aChangedFigureIsCaught() throws Exception {
        // Aurora stated as $878.20 (the model: $878.10); ECR in the Cost Summary stated as the model's $1.10
        awsome.assertChangedFiguresAreCaught(190, 103, CONTRADICTIONS,
                "Aurora PostgreSQL, Executive Summary table", 878.20, 878.10, "ECR, Cost Summary table", 1.10);
    }

    @Test
    void everyContradictionExplainsItself() {
        for (String label : CONTRADICTIONS) {
            Audit.Line l = awsome.auditLine(label);
            assertNotNull(l.note(), label + " has no note");
            assertFalse(l.note().isBlank(), label + " has an empty note");
        }
    }

    @Test
    void keyContradictionsHaveTheExpectedComputedValues() {
        awsome.assertContradiction("Total monthly cost, Executive Summary headline", 1675.39, 1619.93, CENT);
        awsome.assertContradiction("TOTAL, Cost Summary table", 1673.90, 1619.93, CENT);
        awsome.assertContradiction("Other, Executive Summary table", 1.49, 0.00, CENT);
        awsome.assertContradiction("TOTAL, Lambda cost breakdown", 155.77, 70.24, CENT);
        awsome.assertContradiction("AWS Lambda, Cost Summary table", 104.50, 70.24, CENT);
        awsome.assertContradiction("Compute Duration, Lambda cost breakdown", 95.00, 9.47, CENT);
        awsome.assertContradiction("VPC/NAT Gateway, Cost Summary table", 54.90, 37.35, CENT);
        awsome.assertContradiction("Design figure $54.90 read as 500 GB of data processing, NAT note", 54.90, 55.35, CENT);
        awsome.assertContradiction("Secrets Manager & KMS, Cost Summary table", 7.00, 5.14, CENT);
        awsome.assertContradiction("ECR, Cost Summary table", 1.40, 1.10, CENT);
        awsome.assertContradiction("Base authentication cost within the free tier (first 50,000 MAU free), Cognito Free Tier", 0.00, 55.00, CENT);
        awsome.assertContradiction("API Gateway, 100K MAU scaling table", 95, 100.00, CENT);
        awsome.assertContradiction("Aurora, 100K MAU scaling table", 5268, 5268.60, CENT);
        awsome.assertContradiction("Additional cost of a second NAT Gateway for HA, NAT optimization notes", 37.35, 32.85, CENT);
        awsome.assertContradiction("ARM64 migration potential savings, Lambda optimization notes", 31.15, 14.05, CENT);
    }
}
