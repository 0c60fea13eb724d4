package costscope.whatif;

import costscope.model.ScenarioException;

import java.util.List;

/**
 * The order of the changes the user chose for the waterfall between two states, remembered for that pair: another
 * pair starts from the default order. Changes that no longer exist (the sliders moved) are left out when it runs.
 * Not thread-safe: one per view, used on its thread; {@link #run} takes the order as it was asked for.
 */
public final class WaterfallOrder {
    private List<String> order = List.of();
    private String pair = "";

    /** The user's order for this pair of states (the keys that name them), or the default order (empty) for a new pair. */
    public List<String> forPair(String fromKey, String toKey) {
        String key = fromKey + "\u0000" + toKey;
        if (!key.equals(pair)) {
            pair = key;
            order = List.of();
        }
        return order;
    }

    /** The user's order (change ids) for the pair last asked about. */
    public void set(List<String> changeIds) {
        order = List.copyOf(changeIds);
    }

    /** Back to the default order. */
    public void reset() {
        order = List.of();
    }

    /** Whether the default order is in force. */
    public boolean isDefault() {
        return order.isEmpty();
    }

    /** The waterfall in {@code wanted} order, keeping only the changes that still exist (the rest in the default order). */
    public static Waterfall run(Compare.Named from, Compare.Named to, List<String> wanted) throws ScenarioException {
        List<String> ids = Waterfall.defaultOrder(from.scenario(), to.scenario());
        return Waterfall.run(from.scenario(), to.scenario(), wanted.stream().filter(ids::contains).toList());
    }
}
