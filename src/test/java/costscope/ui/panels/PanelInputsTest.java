package costscope.ui.panels;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelInputsTest {
    static Scenario load(String name) throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios", name));
    }

    @Test
    void theBusinessFormulasDriversGoUnderBusiness() throws Exception {
        assertEquals(Set.of("premium_price", "premium_conversion", "funding"), PanelInputs.businessDrivers(load("innerworld.json")));
    }

    @Test
    void aScalePointIsCurrentWhenEveryDriverItSetsHasItsValue() throws Exception {
        Scenario s = load("awsomebuilder2.json");
        assertTrue(PanelInputs.matches(s, s.scalePoint("10K")));
        assertFalse(PanelInputs.matches(s, s.scalePoint("100K")));
        assertTrue(PanelInputs.matches(s.atScalePoint("100K"), s.scalePoint("100K")));
        assertEquals("Monthly active users = 10,000", PanelInputs.describe(s, s.scalePoint("10K")));
    }

    @Test
    void theFilterLooksInTheLabelIdAndDescription() throws Exception {
        var mau = load("awsomebuilder2.json").driver("mau");
        assertTrue(PanelInputs.passes(mau, "  "));
        assertTrue(PanelInputs.passes(mau, "MONTHLY active"));
        assertTrue(PanelInputs.passes(mau, "mau"));
        assertFalse(PanelInputs.passes(mau, "lambda"));
    }
}
