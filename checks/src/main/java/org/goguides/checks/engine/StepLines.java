package org.goguides.checks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;

/**
 * Which step of a guide a line of its file belongs to, for a file selector with a position (an IDE's
 * "run the test at this line"): the step whose fence spans the line, with the {@code output} and
 * {@code example} blocks that directly follow it. Lines are 1-based, as in messages.
 */
final class StepLines {
    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create()))).build();

    /** The lines a step covers, first and last included. */
    record Span(Snippet step, int first, int last) {
        boolean contains(int line) {
            return line >= first && line <= last;
        }
    }

    private StepLines() {
    }

    /** The executable step at {@code line}, if the line is inside one's blocks. */
    static Optional<Snippet> at(Guide guide, int line) {
        return spans(guide).stream().filter(s -> s.contains(line)).map(Span::step).findFirst();
    }

    /** The spans of the guide's executable steps, in file order. */
    static List<Span> spans(Guide guide) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        collect(PARSER.parse(guide.markdown()), blocks);
        List<Span> out = new ArrayList<>();
        for (Snippet s : guide.executable()) {
            for (FencedCodeBlock b : blocks) {
                if (b.getStartLineNumber() + 1 != s.pos().line()) continue;
                Node last = b;
                // an output block, then an example, right after the step are part of it
                for (String kind : List.of("output", "example")) {
                    if (last.getNext() instanceof FencedCodeBlock next && next.getInfo().toString().strip().split("\\s+")[0].equals(kind)) {
                        last = next;
                    }
                }
                out.add(new Span(s, s.pos().line(), last.getEndLineNumber() + 1));
                break;
            }
        }
        return out;
    }

    private static void collect(Node node, List<FencedCodeBlock> into) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof FencedCodeBlock b) into.add(b);
            else collect(child, into);
        }
    }
}
