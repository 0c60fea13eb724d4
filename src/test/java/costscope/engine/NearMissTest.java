package costscope.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearMissTest {
    /** The suggestion as it was defined before it was bounded: every known name compared in full. */
    private static String reference(String name, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = full(name.toLowerCase(), k.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(1, name.length() / 3) && bestD < name.length()
                ? " (did you mean '" + best + "'?)" : "";
    }

    private static int full(String a, String b) {
        int[][] t = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) t[i][0] = i;
        for (int j = 0; j <= b.length(); j++) t[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                t[i][j] = Math.min(Math.min(t[i - 1][j] + 1, t[i][j - 1] + 1), t[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return t[a.length()][b.length()];
    }

    private static String word(Random r, int maxLen) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(maxLen + 1);
        for (int i = 0; i < n; i++) s.append("abcAB_1".charAt(r.nextInt(7)));
        return s.toString();
    }

    @Test
    void theBandedDistanceIsTheDistanceWithinItsBound() {
        Random r = new Random(7);
        NearMiss m = new NearMiss(List.of());
        for (int k = 0; k < 20_000; k++) {
            String a = word(r, 9), b = word(r, 9);
            int max = r.nextInt(6);
            int d = full(a, b);
            assertEquals(d <= max ? d : max + 1, m.bounded(a, b, max), a + " / " + b + " within " + max);
        }
        assertEquals(3, NearMiss.distance("kitten", "sitting"));
    }

    @Test
    void suggestsWhatTheFullComparisonSuggestsTiesIncluded() {
        Random r = new Random(11);
        for (int round = 0; round < 300; round++) {
            List<String> known = new ArrayList<>();
            for (int i = 0; i < 30; i++) known.add(word(r, 8));
            NearMiss m = new NearMiss(known);
            for (int q = 0; q < 20; q++) {
                String name = r.nextBoolean() ? word(r, 8) : known.get(r.nextInt(known.size())) + "x";
                assertEquals(reference(name, known), m.suggest(name), name + " among " + known);
            }
        }
        assertEquals(" (did you mean 'users'?)", new NearMiss(List.of("price", "users", "items")).suggest("usrs"));
        assertEquals("", new NearMiss(List.of("price", "users")).suggest("zzzzzzz"));
    }

    @Test
    void thousandsOfUnknownNamesAmongThousandsOfKnownOnesStayWithinTheBudget() {
        // the attack: every unknown name has the length of every known name, so nothing is filtered out cheaply
        Random r = new Random(3);
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) known.add(String.format("n%06d_%s", i, word(r, 0) + "abcdef"));
        NearMiss m = new NearMiss(known);
        int suggested = 0;
        for (int i = 0; i < 10_000; i++) {
            String s = m.suggest(String.format("q%06d_abcdeX", i));
            if (!s.isEmpty()) suggested++;
        }
        assertTrue(m.cells() <= NearMiss.BUDGET + 1_000, "cells computed: " + m.cells());
        assertTrue(suggested > 0, "the first names still get a suggestion");
        // a repeated name costs nothing more
        long before = m.cells();
        m.suggest("q000000_abcdeX");
        assertEquals(before, m.cells());
    }
}
