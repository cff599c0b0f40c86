package org.goguides.checks.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/** Which failures {@code check --update} rewrites: decided on the result's status, diff and exit code, never its message. */
class ExpectationUpdaterTest {
    @TempDir
    static Path tmp;
    static Content content;

    @BeforeAll
    static void load() throws Exception {
        Path g = Files.createDirectories(tmp.resolve("guides/demo"));
        Files.writeString(g.resolve("index.en.md"), """
                ---
                title: Demo
                ---

                ```sh {#shell}
                echo x
                ```

                ```output
                x
                ```

                ```console {#transcript}
                $ echo a
                a
                $ sh -c 'echo b; exit 3'
                b
                [3]
                ```
                """, StandardCharsets.UTF_8);
        content = new ContentLoader(tmp, tmp).load();
        assertEquals(java.util.List.of(), content.problems());
    }

    @ParameterizedTest(name = "{0}: {1}, exit {2}, diff {3}, output [{4}] → output only: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # id       | status  | exit | diff | output                                   | failed on output only
            shell      | failed  | 0    | yes  | y                                        | true
            shell      | failed  | 1    | yes  | y                                        | false
            shell      | failed  | 0    | no   | x                                        | false
            shell      | passed  | 0    | no   | x                                        | false
            shell      | error   | 0    | yes  | y                                        | false
            shell      | skipped | -1   | no   | ''                                       | false
            transcript | failed  | 0    | yes  | $ echo a\\nz\\n                          | true
            transcript | failed  | 2    | yes  | $ echo a\\nz\\n[2]\\n                    | false
            transcript | failed  | 3    | yes  | $ echo a\\na\\n$ sh -c 'echo b; exit 3'\\nc\\n[3]\\n | true
            transcript | failed  | 1    | yes  | $ echo a\\na\\n$ sh -c 'echo b; exit 3'\\nb\\n[1]\\n | false
            transcript | failed  | 124  | no   | $ echo a\\na\\n                          | false
            """)
    void failedOnOutputOnly(String id, String status, int exit, String diff, String output, boolean expected) {
        Snippet s = content.guides().get(0).snippet(id).orElseThrow();
        SnippetResult r = new SnippetResult("demo", "en", id, s.lang(), s.pos().path(), s.pos().line(), s.hash(), Status.of(status),
                "whatever the message says: output differs", exit, 1, output.replace("\\n", "\n"), diff.equals("yes") ? "- x\n+ y\n" : "");
        assertEquals(expected, ExpectationUpdater.failedOnOutputOnly(s, r, false));
    }
}
