package org.goguides.site.render;

import org.goguides.site.view.BuildException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The FreeMarker templates of {@code templates/}, configured once: HTML auto-escaping for
 * {@code .ftlh}, UTF-8, errors rethrown with their template position. Templates receive one view
 * record as {@code v}.
 */
public final class Templates {
    private final Configuration cfg;

    /**
     * @param dir the templates folder
     * @param watch whether a changed template file is re-read (serve); a one-off build reads each file
     *              once and never looks at it again (no file check per rendered page)
     */
    public Templates(Path dir, boolean watch) throws IOException {
        cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setTemplateUpdateDelayMilliseconds(watch ? 0 : Long.MAX_VALUE);
        cfg.setDirectoryForTemplateLoading(dir.toFile());
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // view records are read as ${v.title}, their components through method handles rather than reflection
        cfg.setObjectWrapper(new RecordObjectWrapper(Configuration.VERSION_2_3_35));
    }

    /** Marks where one view's output ends in {@link #renderEach}; guides cannot produce it, since their raw HTML is escaped. */
    private static final String EACH_END = "<!--goguides-each-end-->";
    private final Map<String, Template> eachTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Renders {@code name} once per view, each as {@code v}, in one template run (a run has a fixed cost,
     * which the snippets of a guide would otherwise pay each); a template error names its file, line and column.
     */
    public List<String> renderEach(String name, List<?> views) {
        if (views.isEmpty()) return List.of();
        String all;
        try {
            Template each = eachTemplates.get(name);
            if (each == null) {
                each = new Template("each:" + name, "<#list vs as one><#assign v = one><#include \"/" + name + "\">" + EACH_END
                        + "</#list>", cfg);
                eachTemplates.put(name, each);
            }
            all = process(each, Map.of("vs", views));
        } catch (IOException e) {
            throw new BuildException("templates/" + name + ":1: cannot read the template: " + e.getMessage());
        }
        List<String> out = new ArrayList<>(views.size());
        int from = 0;
        for (int end = all.indexOf(EACH_END); end >= 0; end = all.indexOf(EACH_END, from)) {
            out.add(all.substring(from, end));
            from = end + EACH_END.length();
        }
        return out;
    }

    /** Renders {@code name} with {@code view} as {@code v}; a template error names its file, line and column. */
    public String render(String name, Object view) {
        try {
            return process(cfg.getTemplate(name), Map.of("v", view));
        } catch (IOException e) {
            throw new BuildException("templates/" + name + ":1: cannot read the template: " + e.getMessage());
        }
    }

    /**
     * As {@link #render}, as the page's UTF-8 bytes, encoded while FreeMarker writes (a guide page is written and
     * link-scanned as bytes, and is never needed as a String).
     */
    public byte[] renderUtf8(String name, Object view) {
        try {
            Template t = cfg.getTemplate(name);
            Utf8Writer w = new Utf8Writer(pageSize);
            run(t, Map.of("v", view), w);
            byte[] bytes = w.bytes();
            if (bytes.length > pageSize) pageSize = Math.min(bytes.length + bytes.length / 8, 1 << 20);
            return bytes;
        } catch (IOException e) {
            throw new BuildException("templates/" + name + ":1: cannot read the template: " + e.getMessage());
        }
    }

    /** The buffer a page starts with: the largest page so far and a little more, so pages seldom grow theirs. */
    private volatile int pageSize = 32 * 1024;

    private static String process(Template t, Map<String, Object> model) throws IOException {
        StringBuilderWriter w = new StringBuilderWriter();
        run(t, model, w);
        return w.b.toString();
    }

    private static void run(Template t, Map<String, Object> model, java.io.Writer w) throws IOException {
        String name = t.getName();
        try {
            t.process(model, w);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            throw new BuildException("templates/" + where + ":" + (e.getLineNumber() == null ? 1 : e.getLineNumber())
                    + ": " + e.getMessageWithoutStackTop().split("\n")[0]);
        }
    }

    /** A writer into a plain StringBuilder (StringWriter's buffer is synchronized). */
    private static final class StringBuilderWriter extends java.io.Writer {
        final StringBuilder b = new StringBuilder(16384);

        @Override
        public void write(char[] c, int off, int len) {
            b.append(c, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            b.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            b.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
