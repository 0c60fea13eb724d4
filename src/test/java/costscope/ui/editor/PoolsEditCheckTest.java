package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Scenario;
import costscope.model.Tier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pools, upfront payments and the new lever effects through drafts and checks, without a window (provider-examples). */
class PoolsEditCheckTest {
    static Scenario examples;

    @BeforeAll
    static void load() throws Exception {
        examples = ScenarioFiles.load(Path.of("sample-scenarios/provider-examples.json"));
    }

    static Results evaluate(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator().evaluate();
    }

    static Results.PoolResult pool(Results r, String id) {
        return r.pools().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static Draft with(Draft d, String field, String value) {
        Map<String, String> f = new HashMap<>(d.fields());
        f.put(field, value);
        return new Draft(d.kind(), f, d.tiers(), d.effects());
    }

    static Draft draftOf(Scenario s, ElementKind k, String id) {
        return Drafts.of(k.find(s, id));
    }

    static EditCheck.Result check(Scenario s, ElementKind k, String id, Draft d) {
        return EditCheck.check(s, List.of(), k, id, d);
    }

    @Test
    void aPoolsDraftHasItsItemsAsOneListAndRoundTrips() {
        Draft d = draftOf(examples, ElementKind.POOL, "aws_dto_pool");
        assertEquals("s3_data_transfer_out, ec2_data_transfer_out", d.get("items"));
        assertEquals("1", d.get("freeAllowance"));
        assertEquals(List.of(new Draft.TierRow("10239", "0.09"), new Draft.TierRow("51199", "0.085"),
                new Draft.TierRow("153599", "0.07"), new Draft.TierRow("", "0.05")), d.tiers());
        assertEquals(examples.pool("aws_dto_pool"), Drafts.build(d).element());
        assertTrue(Draft.fieldsOf(ElementKind.POOL).contains("items"));
        // commas, blanks or both between ids
        Pool p = (Pool) Drafts.build(with(d, "items", " s3_data_transfer_out,ec2_data_transfer_out  ")).element();
        assertEquals(List.of("s3_data_transfer_out", "ec2_data_transfer_out"), p.items());
    }

    @Test
    void aPoolMadeFromTwoItemsPricesTheirSumToTheCent() throws Exception {
        double total = evaluate(examples).monthlyTotal();
        // a new pool starts with the item open and its pricing: nothing changes yet
        EditCheck.Added added = EditCheck.add(examples, ElementKind.POOL, "s3_put_requests", 99);
        assertNull(added.error());
        assertEquals("pool_1", added.id());
        Pool started = added.candidate().pool("pool_1");
        assertEquals(List.of("s3_put_requests"), started.items());
        assertEquals("0.005", started.unitPrice());
        assertEquals(1000.0, started.per());
        assertEquals("1,000 requests", started.priceUnit());
        LineItem put = (LineItem) ElementKind.ITEM.find(added.candidate(), "s3_put_requests");
        assertNull(put.unitPrice());
        assertNull(put.per());
        assertNull(put.billing(), "perUnit billing prices as monthly: it goes with the price");
        assertEquals(total, evaluate(added.candidate()).monthlyTotal(), 1e-9);
        assertEquals(List.of(), CompiledScenario.validate(added.candidate()));

        // the GET requests join it, with a free allowance of 100,000: (310,000 + 620,000 - 100,000) x $0.005 / 1,000
        Scenario s = added.candidate();
        Draft d = with(with(draftOf(s, ElementKind.POOL, "pool_1"), "items", "s3_put_requests, s3_get_requests"),
                "freeAllowance", "100000");
        EditCheck.Result r = check(s, ElementKind.POOL, "pool_1", d);
        assertTrue(r.valid(), r.toString());
        assertEquals(List.of("'s3_get_requests' joins the pool, which prices it: its own unitPrice, per, priceUnit and billing go"),
                r.notes());
        Pool pool = r.candidate().pool("pool_1");
        assertEquals(List.of("s3_put_requests", "s3_get_requests"), pool.items());
        assertEquals("100000", pool.freeAllowance());
        Results after = evaluate(r.candidate());
        assertEquals(4.15, pool(after, "pool_1").monthly(), 1e-9);
        assertEquals(930000, pool(after, "pool_1").quantity(), 1e-9);
        // $1.55 + $0.248 before, $4.15 after
        assertEquals(Math.round((total - 1.798 + 4.15) * 100), Math.round(after.monthlyTotal() * 100));
        assertEquals(124570.5195, after.monthlyTotal(), 1e-6);
        // shared by quantity: a third to the PUTs
        assertEquals(4.15 / 3, after.item("s3_put_requests").monthly(), 1e-9);

        // the GETs leave again: they take the pool's price as their own, not the shared allowance
        EditCheck.Result back = check(r.candidate(), ElementKind.POOL, "pool_1",
                with(draftOf(r.candidate(), ElementKind.POOL, "pool_1"), "items", "s3_put_requests"));
        assertTrue(back.valid(), back.toString());
        assertEquals(List.of("'s3_get_requests' leaves the pool and takes its unitPrice, per and priceUnit (not the shared free allowance)"),
                back.notes());
        LineItem get = (LineItem) ElementKind.ITEM.find(back.candidate(), "s3_get_requests");
        assertEquals("0.005", get.unitPrice());
        assertNull(get.freeAllowance());
        assertEquals(620000 * 0.005 / 1000, evaluate(back.candidate()).item("s3_get_requests").monthly(), 1e-9);
    }

    @Test
    void aPoolStartsOnlyWithAnItemThatCanBeInOne() {
        assertEquals("Cannot start a pool with line item 'aws_developer_support': it has a minimum monthly, which an item"
                + " in a pool may not have.", EditCheck.add(examples, ElementKind.POOL, "aws_developer_support", 0).error());
        assertEquals("Cannot start a pool with line item 'lambda_fn1_requests': it is in pool 'lambda_requests_pool' already.",
                EditCheck.add(examples, ElementKind.POOL, "lambda_fn1_requests", 0).error());
        // without an item open: the first that can (the Lambda items are pooled already)
        EditCheck.Added a = EditCheck.add(examples, ElementKind.POOL, null, 0);
        assertNull(a.error());
        assertEquals(List.of("do_requests"), a.candidate().pool(a.id()).items());
        assertEquals(0, ElementKind.POOL.indexOf(a.candidate(), a.id()));
    }

    @Test
    void removingAPoolGivesItsItemsItsPriceAndAnItemInAPoolIsNotRemoved() throws Exception {
        String why = EditCheck.whyNotRemove(examples, List.of(), ElementKind.ITEM, "lambda_fn1_requests");
        assertNotNull(why);
        assertTrue(why.contains("pool 'lambda_requests_pool' (items)"), why);
        assertNull(EditCheck.whyNotRemove(examples, List.of(), ElementKind.POOL, "lambda_requests_pool"));
        Scenario removed = ModelEdits.remove(examples, ElementKind.POOL, ElementKind.POOL.indexOf(examples, "lambda_requests_pool"));
        assertEquals(List.of(), CompiledScenario.validate(removed));
        LineItem fn2 = (LineItem) ElementKind.ITEM.find(removed, "lambda_fn2_requests");
        assertEquals("0.20", fn2.unitPrice());
        assertEquals(1000000.0, fn2.per());
        assertNull(fn2.freeAllowance(), "a shared allowance is not copied to each item");
        assertEquals(30 * 0.2, evaluate(removed).item("lambda_fn2_requests").monthly(), 1e-9);
    }

    @Test
    void problemsAtAPoolsPlacesAreOnItsFields() {
        Draft d = draftOf(examples, ElementKind.POOL, "lambda_requests_pool");
        EditCheck.Result r = check(examples, ElementKind.POOL, "lambda_requests_pool",
                with(d, "items", "lambda_fn1_requests, lambda_fn2_requestz"));
        FieldProblem p = r.fields().get("items");
        assertNotNull(p, r.toString());
        assertEquals(21, p.position(), "at the id in the list");
        assertTrue(p.message().startsWith("'lambda_fn2_requestz' is not a line item"), p.message());
        assertEquals(40, p.end("lambda_fn1_requests, lambda_fn2_requestz"));

        r = check(examples, ElementKind.POOL, "lambda_requests_pool", with(d, "items", ""));
        assertEquals("a pool needs at least one item", r.fields().get("items").message());

        r = check(examples, ElementKind.POOL, "lambda_requests_pool", with(d, "items", "lambda_fn1_requests, s3_ia_retrieval"));
        assertTrue(r.fields().get("items").message().contains("must count the same unit"), r.toString());
        assertEquals(21, r.fields().get("items").position());

        r = check(examples, ElementKind.POOL, "lambda_requests_pool", with(d, "unitPrice", "  0.2 * lambda_fn1_invocationz"));
        assertEquals(8, r.fields().get("unitPrice").position(), r.toString());

        Draft tiers = new Draft(d.kind(), with(d, "unitPrice", "").fields(),
                List.of(new Draft.TierRow("5", "0.3"), new Draft.TierRow("2", "0.2"), new Draft.TierRow("", "0.1")), List.of());
        r = check(examples, ElementKind.POOL, "lambda_requests_pool", tiers);
        assertTrue(r.fields().get("tiers[1].upTo").message().startsWith("tiers must ascend"), r.toString());

        r = check(examples, ElementKind.POOL, "lambda_requests_pool", with(d, "increment", "0"));
        assertEquals("increment must be above 0", r.fields().get("increment").message());

        // an item that joins with a minimum of its own: the pool's items field says which, and what to remove
        r = check(examples, ElementKind.POOL, "lambda_requests_pool", with(d, "items", "aws_developer_support"));
        p = r.fields().get("items");
        assertNotNull(p, r.toString());
        assertEquals(0, p.position());
        assertTrue(p.message().contains("remove its minimumMonthly"), p.message());
    }

    @Test
    void renamingAnItemRenamesItInItsPool() {
        Draft d = with(draftOf(examples, ElementKind.ITEM, "lambda_fn1_requests"), "id", "fn1_requests");
        EditCheck.Result r = check(examples, ElementKind.ITEM, "lambda_fn1_requests", d);
        assertTrue(r.valid(), r.toString());
        assertEquals(List.of("fn1_requests", "lambda_fn2_requests"), r.candidate().pool("lambda_requests_pool").items());
    }

    @Test
    void anItemsUpfrontAndTermAreReadAndCounted() throws Exception {
        Results before = evaluate(examples);
        Draft d = with(with(draftOf(examples, ElementKind.ITEM, "s3_ia_retrieval"), "upfront", " 1200"), "termMonths", "24");
        EditCheck.Result r = check(examples, ElementKind.ITEM, "s3_ia_retrieval", d);
        assertTrue(r.valid(), r.toString());
        LineItem it = (LineItem) ElementKind.ITEM.find(r.candidate(), "s3_ia_retrieval");
        assertEquals("1200", it.upfront());
        assertEquals(24, it.termMonths());
        Results after = evaluate(r.candidate());
        assertEquals(before.upfrontTotal() + 1200, after.upfrontTotal(), 1e-9);
        assertEquals(before.amortizedMonthlyTotal() + 50, after.amortizedMonthlyTotal(), 1e-9);
        assertEquals("12", draftOf(examples, ElementKind.ITEM, "aws_ri_all_upfront").get("termMonths"));

        r = check(examples, ElementKind.ITEM, "s3_ia_retrieval", with(d, "termMonths", "0"));
        assertEquals("termMonths must be at least 1", r.fields().get("termMonths").message());
        r = check(examples, ElementKind.ITEM, "s3_ia_retrieval", with(d, "termMonths", "1.5"));
        assertEquals("'1.5' is not a whole number", r.fields().get("termMonths").message());
        r = check(examples, ElementKind.ITEM, "s3_ia_retrieval", with(d, "upfront", "1200 * nope"));
        assertEquals(7, r.fields().get("upfront").position(), r.toString());
    }

    /** provider-examples with one lever (off) whose single effect is {@code row}. */
    static EditCheck.Result leverWith(Draft.EffectRow row) {
        EditCheck.Added a = EditCheck.add(examples, ElementKind.LEVER, null, 0);
        Draft d = draftOf(a.candidate(), ElementKind.LEVER, a.id());
        return check(a.candidate(), ElementKind.LEVER, a.id(), new Draft(d.kind(), d.fields(), d.tiers(), List.of(row)));
    }

    @Test
    void aPoolsFreeAllowanceEffectRoundTripsAndSaves() throws Exception {
        Draft.EffectRow row = new Draft.EffectRow("pool", "lambda_requests_pool", "freeAllowance", "2000000");
        EditCheck.Result r = leverWith(row);
        assertTrue(r.valid(), r.toString());
        Lever l = r.candidate().levers().get(0);
        LeverEffect e = l.effects().get(0);
        assertEquals("lambda_requests_pool", e.pool());
        assertEquals("2000000", e.freeAllowance());
        assertEquals(LeverEffect.Kind.POOL_FREE, e.kind());
        assertEquals(row, Drafts.effectRow(e));
        assertEquals(l, Drafts.build(Drafts.of(l)).element());
        // (33M - 2M) x $0.20 / 1M instead of (33M - 1M) x ...
        Scenario on = r.candidate().withLeverEnabled(l.id(), true);
        assertEquals(6.40, pool(evaluate(r.candidate()), "lambda_requests_pool").monthly(), 1e-9);
        assertEquals(6.20, pool(evaluate(on), "lambda_requests_pool").monthly(), 1e-9);
    }

    @Test
    void theChangesOfEachTargetAreTheModels() {
        for (LeverEffect.Target t : LeverEffect.Target.values()) {
            assertEquals(LeverEffect.changes(t), Drafts.changesFor(t.name().toLowerCase()));
        }
        assertEquals(List.of("freeAllowance", "unitPrice", "tiers"), Drafts.changesFor("pool"));
        assertEquals(List.of("item", "category", "pool", "set"), Drafts.targets());
        EditCheck.Result r = leverWith(new Draft.EffectRow("pool", "lambda_requests_pool", "factor", "0.5"));
        assertEquals("a pool effect takes freeAllowance, unitPrice, tiers", r.fields().get("effects[0].change").message());
    }

    @Test
    void aTierTableIsTypedInOneCell() throws Exception {
        Drafts.TierText t = Drafts.parseTiers("10: 1; 0.5");
        assertNull(t.error());
        assertEquals(List.of(new Tier(10.0, "1"), new Tier(null, "0.5")), t.tiers());
        assertEquals("10: 1; 0.5", Drafts.tiersText(t.tiers()));
        assertEquals("10000: 0.10; 80000: 0.07; 0.05", Drafts.tiersText(Drafts.parseTiers("10k:0.10 ;80,000 : 0.07;0.05").tiers()));

        t = Drafts.parseTiers("10 1");
        assertEquals("tier 1: '10 1' is not a unit price (unexpected '1'); write each tier as upTo: unit price, tiers"
                + " separated by ';' (e.g. 10: 1; 0.5)", t.error());
        assertEquals(3, t.errorAt());
        assertEquals("tier 1 has no upTo: write upTo: unit price (only the last tier leaves out upTo)", Drafts.parseTiers("1; 0.5").error());
        assertEquals("tier 2 is empty: write upTo: unit price, or the last tier's unit price alone", Drafts.parseTiers("10: 1;").error());
        assertTrue(Drafts.parseTiers("ten: 1; 0.5").error().startsWith("tier 1: upTo 'ten' is not a number"));
        assertEquals("tier 1: the unit price after ':' is missing", Drafts.parseTiers("10:; 0.5").error());
        assertEquals("tier 1 has two ':' (write upTo: unit price; then the next tier)", Drafts.parseTiers("10: 1: 2").error());

        // a pool's tiers replaced by a lever: the table builds, round-trips, and prices
        Draft.EffectRow row = new Draft.EffectRow("pool", "lambda_requests_pool", "tiers", "10000000: 0.3; 0.1");
        EditCheck.Result r = leverWith(row);
        assertTrue(r.valid(), r.toString());
        LeverEffect e = r.candidate().levers().get(0).effects().get(0);
        assertEquals(List.of(new Tier(1e7, "0.3"), new Tier(null, "0.1")), e.tiers());
        assertEquals(row, Drafts.effectRow(e));
        Scenario on = r.candidate().withLeverEnabled(r.candidate().levers().get(0).id(), true);
        // 32M billable after the 1M free: 10M at $0.30/M, 22M at $0.10/M
        assertEquals(3.0 + 2.2, pool(evaluate(on), "lambda_requests_pool").monthly(), 1e-9);

        r = leverWith(new Draft.EffectRow("pool", "lambda_requests_pool", "tiers", "10 1"));
        FieldProblem p = r.fields().get("effects[0].value");
        assertEquals("position 3: tier 1: '10 1' is not a unit price (unexpected '1'); write each tier as upTo: unit"
                + " price, tiers separated by ';' (e.g. 10: 1; 0.5)", p.display());
        // the engine's problems in a tier land on the cell, at their place in it
        r = leverWith(new Draft.EffectRow("pool", "lambda_requests_pool", "tiers", "10: 1;  2 * nope"));
        p = r.fields().get("effects[0].value");
        assertNotNull(p, r.toString());
        assertEquals(12, p.position());
        assertTrue(p.message().startsWith("tier 2: unknown name 'nope'"), p.message());
        r = leverWith(new Draft.EffectRow("pool", "lambda_requests_pool", "tiers", "10: 1; 5: 2; 1"));
        assertTrue(r.fields().get("effects[0].value").message().startsWith("tier 2: tiers must ascend"), r.toString());
    }

    @Test
    void anItemsUpfrontAndFreeAllowanceEffectsAreFormulas() {
        EditCheck.Result r = leverWith(new Draft.EffectRow("item", "aws_ri_all_upfront", "upfront", "300 * aws_ri_count"));
        assertTrue(r.valid(), r.toString());
        assertEquals("300 * aws_ri_count", r.candidate().levers().get(0).effects().get(0).upfront());
        r = leverWith(new Draft.EffectRow("item", "aws_ri_all_upfront", "upfront", "300 * aws_ri_countz"));
        assertEquals(6, r.fields().get("effects[0].value").position(), r.toString());
        r = leverWith(new Draft.EffectRow("item", "workers_request_charges", "freeAllowance", ""));
        assertEquals("a formula is required", r.fields().get("effects[0].value").message());
        assertFalse(r.valid());
    }
}
