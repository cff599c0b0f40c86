package org.goguides.checks.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.platform.engine.TestDescriptor;

import org.goguides.checks.model.Snippet;

/**
 * What a selected step or guide needs to run as it does in a full run: a step, the earlier steps of its
 * session and those it names with {@code after=}; a guide, or a step in its main session, the guides it
 * builds on ({@code after:}). Running step 5 alone in an empty session would fail for a reason the guide
 * does not have, so selecting it selects them too (as {@code check --guide} runs the guides one builds on).
 */
final class Dependencies {
    private Dependencies() {
    }

    /** The targets with everything below them and everything they build on. */
    static Set<TestDescriptor> withDependencies(Collection<? extends TestDescriptor> targets) {
        Set<TestDescriptor> keep = new HashSet<>();
        Deque<TestDescriptor> todo = new ArrayDeque<>(targets);
        while (!todo.isEmpty()) {
            TestDescriptor t = todo.pop();
            if (!keep.add(t)) continue;
            keep.addAll(t.getDescendants());
            if (t instanceof GuideDescriptor g && g.builtOn() != null) todo.push(g.builtOn());
            if (t instanceof SnippetDescriptor s && earlierSteps(s, keep) && s.guide().builtOn() != null) todo.push(s.guide().builtOn());
        }
        return keep;
    }

    /** Adds to {@code keep} the earlier steps {@code step} needs; true if one of them, or it, runs in the main session. */
    private static boolean earlierSteps(SnippetDescriptor step, Set<TestDescriptor> keep) {
        List<TestDescriptor> steps = new ArrayList<>(step.guide().getChildren());
        Set<String> sessions = new HashSet<>(Set.of(step.snippet().session()));
        Set<String> named = new HashSet<>(step.snippet().options().after());
        for (int i = steps.indexOf(step) - 1; i >= 0; i--) {
            Snippet p = ((SnippetDescriptor) steps.get(i)).snippet();
            if (!sessions.contains(p.session()) && !named.contains(p.id())) continue;
            keep.add(steps.get(i));
            sessions.add(p.session());
            named.addAll(p.options().after());
        }
        return sessions.contains(GuideDescriptor.MAIN);
    }

    /** Removes below {@code node} every descriptor that is not kept and has nothing kept below it. */
    static void prune(TestDescriptor node, Set<TestDescriptor> keep) {
        for (TestDescriptor child : new ArrayList<>(node.getChildren())) {
            if (keep.contains(child)) continue;
            if (child.getDescendants().stream().anyMatch(keep::contains)) prune(child, keep);
            else node.removeChild(child);
        }
    }
}
