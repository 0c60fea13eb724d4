package costscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dependency graph of named nodes: an evaluation order in which every node comes after the nodes it uses, and
 * every cycle with its whole path. Tarjan's strongly connected components, iterative (no recursion, so no input can
 * overflow the stack); a component of more than one node, or a node that uses itself, is a cycle.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> deps = new LinkedHashMap<>();

    /** The order and the cycles, each cycle as its path read "a uses b uses ... uses a" ({@code [a, b, ..., a]}). */
    public record Result(List<String> order, List<List<String>> cycles) {
    }

    /** Adds a node (in insertion order; names it uses that are not nodes are ignored). */
    public void add(String key, Collection<String> uses) {
        deps.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(uses);
    }

    public Result sort() {
        List<String> keys = new ArrayList<>(deps.keySet());
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) idx.put(keys.get(i), i);
        int n = keys.size();
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = deps.get(keys.get(i)).stream().filter(idx::containsKey).mapToInt(idx::get).toArray();
        }
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int counter = 0;
        List<String> out = new ArrayList<>(n);
        List<List<String>> cycles = new ArrayList<>();
        // each component is emitted after all components it depends on, which is a valid evaluation order
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < adj[v].length) {
                    int w = adj[v][callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    List<Integer> comp = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp.add(w);
                    } while (w != v);
                    boolean selfLoop = comp.size() == 1 && Arrays.stream(adj[v]).anyMatch(x -> x == v);
                    if (comp.size() > 1 || selfLoop) cycles.add(cyclePath(comp, keys, adj));
                    for (int c : comp) out.add(keys.get(c));
                }
                depth--;
                if (depth >= 0) low[callNode[depth]] = Math.min(low[callNode[depth]], low[v]);
            }
        }
        return new Result(out, cycles);
    }

    /** A shortest path from the component's first node back to it, inside the component (breadth first). */
    private static List<String> cyclePath(List<Integer> comp, List<String> keys, int[][] adj) {
        Set<Integer> in = new LinkedHashSet<>(comp);
        int start = comp.stream().min(Integer::compare).orElseThrow();
        Map<Integer, Integer> prev = new HashMap<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(start);
        Integer end = null;
        while (!q.isEmpty() && end == null) {
            int v = q.poll();
            for (int w : adj[v]) {
                if (!in.contains(w)) continue;
                if (w == start) {
                    end = v;
                    break;
                }
                if (!prev.containsKey(w)) {
                    prev.put(w, v);
                    q.add(w);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (Integer v = end; v != null && v != start; v = prev.get(v)) path.add(0, keys.get(v));
        path.add(0, keys.get(start));
        path.add(keys.get(start));
        return path;
    }
}
