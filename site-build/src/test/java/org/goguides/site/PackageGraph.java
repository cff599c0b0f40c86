package org.goguides.site;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package dependency graph of compiled classes, read from their constant pools (every class a class
 * file names: its references, field and method types, generic signatures), and its cycles. A small
 * stand-in for jdeps or ArchUnit that needs nothing but the JDK. Constants the compiler inlines leave no
 * trace, as with jdeps. (A copy of checks' PackageGraph: a test class cannot be shared without a test jar.)
 */
public final class PackageGraph {
    private static final Pattern CLASS_NAME = Pattern.compile("org/goguides/(?:[a-z0-9_]+/)+[A-Z][A-Za-z0-9_$]*");

    /** Package to the packages it uses, each with one class-to-class example. */
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    private PackageGraph() {
    }

    /** The graph of the {@code org.goguides} classes under {@code classes} (a {@code target/classes} folder). */
    public static PackageGraph of(Path classes) throws IOException {
        PackageGraph g = new PackageGraph();
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class")).sorted().toList();
        }
        for (Path f : files) {
            String self = classes.relativize(f).toString().replace('\\', '/').replaceFirst("\\.class$", "");
            if (!self.startsWith("org/goguides/")) continue;
            String from = packageOf(self);
            g.edges.computeIfAbsent(from, k -> new TreeMap<>());
            try (InputStream in = Files.newInputStream(f)) {
                for (String name : names(new DataInputStream(in))) {
                    Matcher m = CLASS_NAME.matcher(name);
                    while (m.find()) {
                        String to = packageOf(m.group());
                        if (!to.equals(from)) g.edges.get(from).putIfAbsent(to, dotted(self) + " -> " + dotted(m.group()));
                    }
                }
            }
        }
        return g;
    }

    private static String packageOf(String internalName) {
        return dotted(internalName.substring(0, internalName.lastIndexOf('/')));
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    /** Every UTF-8 constant of a class file: class names, descriptors and signatures among them. */
    private static List<String> names(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }

    /** Package to the packages it depends on. */
    public Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> out = new TreeMap<>();
        edges.forEach((k, v) -> out.put(k, new TreeSet<>(v.keySet())));
        return out;
    }

    /** The graph as lines {@code a -> b}, for a report. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        dependencies().forEach((k, v) -> v.forEach(to -> b.append(k).append(" -> ").append(to).append('\n')));
        return b.toString();
    }

    /**
     * The cycles: each group of packages that reach one another (a strongly connected component of more
     * than one package), as its sorted package names.
     */
    public List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String p : edges.keySet()) if (!index.containsKey(p)) strongConnect(p, index, low, stack, onStack, out, next);
        out.sort(java.util.Comparator.comparing(Set::toString));
        return out;
    }

    private void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                               List<Set<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!edges.containsKey(w)) continue; // a package of another module: it cannot lead back here
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) out.add(scc);
        }
    }

    /** The dependencies inside a cycle, each with a class that makes it: what to move to break the cycle. */
    public String explain(Set<String> cycle) {
        StringBuilder b = new StringBuilder();
        for (String from : cycle) {
            edges.getOrDefault(from, Map.of()).forEach((to, example) -> {
                if (cycle.contains(to)) b.append("  ").append(from).append(" -> ").append(to).append(" (").append(example).append(")\n");
            });
        }
        return b.toString();
    }
}
