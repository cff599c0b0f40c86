package org.goguides.site.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.TranscriptStep;
import org.goguides.site.view.Views.DependencyView;

/**
 * Which exported variables each shell step of a guide takes from an earlier step of its session
 * ({@code ${GO_LATEST}} in the tarball section, exported in the pkg section), so the page can say so next
 * to the step with a link: a reader who jumps to the step and copies it alone would otherwise run it
 * with the variable empty. Only {@code export}ed names count (plain shell variables do not carry over
 * between steps, see README "How steps run"); names the step sets itself and the environment every
 * shell has ({@code PATH}, {@code HOME}, …) are not dependencies.
 */
public final class StepDependencies {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "shell", "console", "zsh");
    private static final Set<String> ENVIRONMENT = Set.of("PATH", "HOME", "PWD", "OLDPWD", "USER", "SHELL", "LANG", "TMPDIR",
            "TERM", "LOGNAME", "HOSTNAME", "IFS", "RANDOM", "SECONDS", "LINENO", "UID", "EUID", "PPID", "BASH_VERSION",
            "ZSH_VERSION", "OSTYPE", "MACHTYPE", "HOSTTYPE");
    private static final Pattern EXPORT = Pattern.compile("(?:^|[;&|({]\\s*|\\s)export\\s+((?:[A-Za-z_][A-Za-z0-9_]*(?:=\\S*)?\\s*)+)");
    private static final Pattern ASSIGN = Pattern.compile("(?:^|[;&|({]\\s*|\\s)(?:export\\s+|local\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)\\+?=");
    private static final Pattern LOOP_OR_READ = Pattern.compile("\\b(?:for|read(?:\\s+-\\w+)*)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern USE = Pattern.compile("\\$\\{?#?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'[^'\\n]*'");
    private static final Pattern HEADING = Pattern.compile("^(#{2,3})\\s+(.*?)\\s*#*\\s*$");

    private StepDependencies() {
    }

    /** Per snippet id: the variables it uses from earlier steps, with the step (and its section) that exports each. */
    public static Map<String, List<DependencyView>> of(Guide g) {
        Map<Integer, String> headings = null; // read when the first dependency is found: most guides have none
        Map<String, Map<String, Snippet>> exportedBySession = new HashMap<>();
        Map<String, List<DependencyView>> out = new LinkedHashMap<>();
        for (Snippet s : g.snippets()) {
            if (!SHELLS.contains(s.lang()) || !s.executable()) continue;
            String code = commands(s);
            Map<String, Snippet> exported = exportedBySession.computeIfAbsent(s.session(), k -> new LinkedHashMap<>());
            Set<String> own = new LinkedHashSet<>();
            List<DependencyView> deps = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String line : code.split("\n")) {
                // each pattern needs its character or word: most lines have none, and skip the regular expressions
                if (line.indexOf('$') < 0 && line.indexOf('=') < 0 && !line.contains("for") && !line.contains("read")) continue;
                String unquoted = line.indexOf('\'') < 0 ? line : SINGLE_QUOTED.matcher(line).replaceAll("''");
                if (unquoted.strip().startsWith("#")) continue;
                Matcher u = USE.matcher(unquoted);
                while (u.find()) {
                    String name = u.group(1);
                    if (own.contains(name) || ENVIRONMENT.contains(name) || !seen.add(name)) continue;
                    Snippet from = exported.get(name);
                    if (from == null) continue;
                    if (headings == null) headings = headings(g.markdown());
                    deps.add(new DependencyView(name, from.id(), headingBefore(headings, from.pos().line())));
                }
                Matcher a = ASSIGN.matcher(unquoted);
                while (a.find()) own.add(a.group(1));
                Matcher l = LOOP_OR_READ.matcher(unquoted);
                while (l.find()) own.add(l.group(1));
            }
            if (!deps.isEmpty()) out.put(s.id(), List.copyOf(deps));
            if (!code.contains("export")) continue;
            for (String line : code.split("\n")) {
                Matcher e = EXPORT.matcher(SINGLE_QUOTED.matcher(line).replaceAll("''"));
                while (e.find()) {
                    for (String part : e.group(1).trim().split("\\s+")) {
                        String name = part.split("=", 2)[0];
                        if (!ENVIRONMENT.contains(name)) exported.put(name, s);
                    }
                }
            }
        }
        return out;
    }

    /** The commands of a step: a script as is, a transcript without prompts and output. */
    private static String commands(Snippet s) {
        if (s.steps().isEmpty()) return s.code();
        StringBuilder b = new StringBuilder();
        for (TranscriptStep st : s.steps()) b.append(st.command()).append('\n');
        return b.toString();
    }

    /** Level-2 and level-3 headings outside code fences, by line. */
    private static Map<Integer, String> headings(String markdown) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].stripLeading();
            if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) fence = t.substring(0, 3);
            else if (fence != null && t.startsWith(fence)) fence = null;
            else if (fence == null) {
                Matcher m = HEADING.matcher(lines[i]);
                if (m.matches()) out.put(i + 1, m.group(2).replace("`", ""));
            }
        }
        return out;
    }

    private static String headingBefore(Map<Integer, String> headings, int line) {
        String h = "";
        for (Map.Entry<Integer, String> e : headings.entrySet()) {
            if (e.getKey() > line) break;
            h = e.getValue();
        }
        return h;
    }
}
