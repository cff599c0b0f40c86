package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import com.vladsch.flexmark.util.ast.Node;

import org.junit.jupiter.api.Test;

/** The depth check walks the tree by its links and reports the node the first version (a stack of its own) reported. */
class NestingDepthTest {
    /** The first version: a stack of nodes and depths, children pushed first to last. */
    private static int firstTooDeep(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > MarkdownLimits.MAX_DEPTH) return MarkdownLimits.line(n);
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                nodes.push(c);
                depths.push(d + 1);
            }
        }
        return 0;
    }

    @Test
    void randomNestingIsReportedAtTheSameLine() {
        Random random = new Random(11);
        int deep = 0;
        for (int n = 0; n < 300; n++) {
            StringBuilder md = new StringBuilder();
            for (int lines = 1 + random.nextInt(12), l = 0; l < lines; l++) {
                for (int k = random.nextInt(50); k > 0; k--) md.append(random.nextBoolean() ? "> " : random.nextBoolean() ? "- " : "* ");
                md.append(random.nextInt(3) == 0 ? "" : "*a **b** c*").append('\n');
            }
            Node doc = GuideMarkdown.parse(md);
            List<Integer> lines = new ArrayList<>();
            boolean found = MarkdownLimits.tooDeep(doc, (line, msg) -> lines.add(line));
            int expected = firstTooDeep(doc);
            assertEquals(expected != 0, found, md.toString());
            if (found) {
                deep++;
                assertEquals(List.of(expected), lines, md.toString());
            }
        }
        assertTrue(deep > 30 && deep < 270, "both deep and shallow trees: " + deep);
    }
}
