package costscope.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Did you mean": the known name closest to a misspelt one, by edit distance, when it is close enough.
 * <p>
 * The work is bounded whatever the file holds: a name is only compared with known names of a length within the
 * distance that could still count, the distance is computed in a band and abandoned as soon as it cannot beat the
 * best so far, each name is answered once, and all the suggestions of one check share a budget of
 * {@link #BUDGET} table cells. Once it is spent (a file with thousands of unknown names among thousands of known
 * ones) the remaining problems are reported without a suggestion, so checking stays linear in the file's size.
 */
final class NearMiss {
    /** Distance-table cells all the suggestions of one check may compute (some tens of milliseconds). */
    static final long BUDGET = 20_000_000;

    /** The known names as given (their order breaks ties), and lower-cased. */
    private final List<String> names = new ArrayList<>();
    private final List<String> lower = new ArrayList<>();
    /** Length of the lower-cased name to the indexes of the names of that length, in order. */
    private final Map<Integer, List<Integer>> byLength = new HashMap<>();
    private final Map<String, String> answered = new HashMap<>();
    private long cells;

    NearMiss(Collection<String> known) {
        for (String k : known) {
            String l = k.toLowerCase();
            byLength.computeIfAbsent(l.length(), n -> new ArrayList<>()).add(names.size());
            names.add(k);
            lower.add(l);
        }
    }

    /** Table cells computed so far (never much above {@link #BUDGET}). */
    long cells() {
        return cells;
    }

    /** " (did you mean 'users'?)" for a close known name, else "". */
    String suggest(String name) {
        return answered.computeIfAbsent(name, this::closest);
    }

    private String closest(String name) {
        String a = name.toLowerCase();
        int limit = Math.min(Math.max(1, name.length() / 3), name.length() - 1);
        if (limit < 0) return "";
        int best = limit + 1;
        int bestIndex = Integer.MAX_VALUE;
        for (int len = a.length() - limit; len <= a.length() + limit; len++) {
            List<Integer> same = byLength.get(len);
            if (same == null) continue;
            for (int i : same) {
                if (cells > BUDGET) return "";
                // a tie goes to the name given first
                int max = Math.min(limit, i < bestIndex ? best : best - 1);
                if (max < 0) continue;
                int d = bounded(a, lower.get(i), max);
                if (d <= max) {
                    best = d;
                    bestIndex = i;
                }
            }
        }
        return best <= limit ? " (did you mean '" + names.get(bestIndex) + "'?)" : "";
    }

    /**
     * The Levenshtein distance of a and b when it is at most {@code max}, else {@code max + 1}: only the band of
     * the table within {@code max} of the diagonal is computed, and a row whose every cell exceeds {@code max} ends
     * the computation.
     */
    int bounded(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int big = max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = Math.min(j, big);
        cells += b.length() + 1;
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length(), i + max);
            cur[0] = Math.min(i, big);
            if (from > 1) cur[from - 1] = big;
            int rowMin = cur[0] <= max && from == 1 ? cur[0] : big;
            for (int j = from; j <= to; j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
                cur[j] = Math.min(v, big);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < b.length()) cur[to + 1] = big;
            cells += to - from + 1;
            if (rowMin > max) return big;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The plain Levenshtein distance (for tests). */
    static int distance(String a, String b) {
        return new NearMiss(List.of()).bounded(a, b, Math.max(a.length(), b.length()));
    }
}
