package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.site.serve.DevServer;

/**
 * Messages that say what to do, each asserted by its text, and the fixes a contributor porting a tutorial
 * ran into: {@code --update} inside a list item, {@code file=} after {@code cd}, {@code cd ..} from $HOME,
 * a step that needs the network, serve reloading on new results.
 */
class AuthoringMessagesTest {
    @TempDir
    Path tmp;

    Path guide(String slug, String body) throws Exception {
        Path dir = tmp.resolve("content/guides").resolve(slug);
        Files.createDirectories(dir);
        Path f = dir.resolve("index.en.md");
        Files.writeString(f, "---\ntitle: " + slug + "\n---\n\n" + body, StandardCharsets.UTF_8);
        return f;
    }

    MainTest.Run check(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--offline", "--content", tmp.resolve("content").toString(),
                "--results", tmp.resolve("results").toString()));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    @Tag("snippets")
    void updateKeepsTheIndentationOfABlockInAListItem() throws Exception {
        String before = """
                1. Run it:

                   ```console {#in-list}
                   $ printf 'new\\n\\nlast\\n'
                   old
                   ```

                   ```sh {#sh-in-list session=two}
                   echo fresh
                   ```

                   ```output
                   stale
                   ```
                2. Then the list goes on.

                > ```console {#in-quote session=three}
                > $ echo quoted
                > unquoted
                > ```
                """;
        Path f = guide("upd", before);
        MainTest.Run r = check("--update");
        assertEquals(1, r.code(), r.out() + r.err());
        String after = before.replace("   old\n", "   new\n\n   last\n").replace("   stale\n", "   fresh\n")
                .replace("> unquoted\n", "> quoted\n");
        assertEquals("---\ntitle: upd\n---\n\n" + after, Files.readString(f, StandardCharsets.UTF_8));
        MainTest.Run lint = MainTest.run("lint", "--content", tmp.resolve("content").toString());
        assertEquals(0, lint.code(), lint.err());
        assertEquals(0, check().code(), "the rewritten steps pass: the list and fences are intact");
    }

    @Test
    @Tag("snippets")
    void diffsMarkWhitespaceOnlyDifferencesAndListExpectedLinesFirst() throws Exception {
        guide("ws", "```console {#tabs}\n$ printf 'ok\\texample.com/greetings\\n'\nok  example.com/greetings\n```\n");
        MainTest.Run r = check();
        assertTrue(r.out().contains("- ok··example.com/greetings\n      + ok→example.com/greetings\n"), r.out());
        assertTrue(r.out().contains("only whitespace differs on the marked lines: → is a tab, · a space"), r.out());
    }

    @Test
    @Tag("snippets")
    void aStepWithoutNetworkThatTriesTheNetworkIsToldToAddIt() throws Exception {
        guide("net", "```sh {#fetch}\nexec 3<>/dev/tcp/example.com/80\n```\n");
        MainTest.Run r = check();
        assertTrue(r.out().contains("exit code 1, expected 0; this step has no network; add `network` if it needs one"), r.out());
    }

    @Test
    @Tag("snippets")
    void bashErrorsDoNotNameTheRunnersFiles() throws Exception {
        guide("cmd", "```sh {#typo}\ngo verison-typo || true\nno-such-command\n```\n");
        MainTest.Run r = check();
        assertTrue(r.out().contains("bash: line 2: no-such-command: command not found"), r.out());
        assertFalse(r.out().contains("snippet.sh"), r.out());
    }

    @Test
    @Tag("snippets")
    void cdUpFromHomeIntoTheRunnersFolderIsAFailureThatExplains() throws Exception {
        guide("up", "```console {#up}\n$ cd ..\n```\n\n```console {#next}\n$ pwd | sed \"s#^$HOME#~#\"\n~\n```\n");
        MainTest.Run r = check();
        assertTrue(r.out().contains("FAIL  up › up"), r.out());
        assertTrue(r.out().contains("the runner's folder that holds this session (a reader's `cd ..` from $HOME reaches /home or /Users "
                + "instead); the next step would start in $HOME. Stay inside $HOME, or cd to a system directory by its absolute path"), r.out());
    }

    @Test
    @Tag("snippets")
    void fileAfterCdIsRelativeToHomeUnlessDotSlashAndAMisplacedFileFails() throws Exception {
        guide("files", """
                ```console {#cd}
                $ mkdir app && cd app
                ```

                ```text {#here file=./here.txt}
                in app
                ```

                ```console {#found}
                $ cat here.txt
                in app
                ```

                ```text {#home file=app/also.txt}
                also in app
                ```

                ```text {#dotfile file=.netrc}
                a dotfile belongs in $HOME
                ```

                ```text {#sibling file=other/x.txt}
                a path from $HOME with a folder is taken as written
                ```

                ```text {#lost file=lost.txt}
                would land in ~
                ```
                """);
        MainTest.Run r = check();
        assertTrue(r.out().contains("PASS  files › found"), r.out());
        assertTrue(r.out().contains("PASS  files › home") && r.out().contains("PASS  files › sibling")
                && r.out().contains("PASS  files › dotfile"), r.out());
        assertTrue(r.out().contains("file=lost.txt is a path from $HOME, so it would write ~/lost.txt, but the steps before left the "
                + "terminal in ~/app (write file=./lost.txt for the current directory, or file=app/lost.txt)"), r.out());
    }

    @Test
    void lintExplainsPromptsInScriptsTabIndentedFencesAndStepsWithoutIds() throws Exception {
        guide("lint", "```sh {#prompt}\n$ go version\n```\n\n- item\n\n\t\t```sh\n\t\techo hidden\n\t\t```\n\n## Heading\n\n```console\n$ echo x\nx\n```\n");
        MainTest.Run r = MainTest.run("lint", "--content", tmp.resolve("content").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("index.en.md:6: a sh block is run as a script, and \"$ \" is a prompt, not a command "
                + "(use a console block for commands with their output, or drop the \"$ \")"), r.err());
        assertTrue(r.err().contains("index.en.md:11: this fence is indented too far, so Markdown reads it as indented code and it is never run: "
                + "\"→→```sh\" (→ is a tab, · a space; a tab counts as 4 columns"), r.err());
        Files.writeString(tmp.resolve("content/guides/lint/index.en.md"), "---\ntitle: l\n---\n\n## Heading\n\n```console\n$ echo x\nx\n```\n",
                StandardCharsets.UTF_8);
        MainTest.Run w = MainTest.run("lint", "--content", tmp.resolve("content").toString());
        assertEquals(0, w.code(), w.err());
        assertTrue(w.err().contains("warning: ") && w.err().contains("index.en.md:7: executed step without an id: its derived id "
                + "\"heading-1\" changes when the heading above it does, and its results with it (add {#heading-1} or a name of your own)"), w.err());
    }

    @Test
    void theBaseUrlWarningNamesTheContentFolderInUse() throws Exception {
        guide("b", "text\n");
        Path site = tmp.resolve("site");
        MainTest.Run r = MainTest.run("build", "--content", tmp.resolve("content").toString(), "--templates", "../templates", "--out", site.toString(),
                "--results", tmp.resolve("results").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: " + tmp.resolve("content/site.yml") + ":1: no site URL"), r.err());
        assertFalse(r.err().contains("warning: content/site.yml"), r.err());
    }

    @Test
    void serveRebuildsWhenAResultsFileChanges() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Path site = Files.createDirectories(tmp.resolve("site"));
        CountDownLatch rebuilt = new CountDownLatch(1);
        Options o = Options.parse(new String[] {"serve", "--content", tmp.resolve("content").toString(), "--templates",
                tmp.resolve("templates").toString(), "--results", results.toString()});
        assertTrue(Main.watched(o).contains(results), "serve watches the results folder");
        DevServer server = new DevServer(site, "127.0.0.1", 0, rebuilt::countDown, Main.watched(o), new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()));
        server.start();
        try {
            Thread.sleep(300); // the watcher registers the folders
            Files.writeString(results.resolve("host.json"), "{}", StandardCharsets.UTF_8);
            assertTrue(rebuilt.await(10, TimeUnit.SECONDS), "a new results file rebuilds the site");
        } finally {
            server.stop();
        }
    }
}
