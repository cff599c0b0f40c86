package org.goguides.site.render;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import freemarker.core.HTMLOutputFormat;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
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
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
        // view records are read as ${v.title}: record accessors are exposed as properties
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(wrapper.build());
    }

    /** Renders {@code name} with {@code view} as {@code v}; a template error names its file, line and column. */
    public String render(String name, Object view) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter w = new StringWriter(8192);
            t.process(Map.of("v", view), w);
            return w.toString();
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            throw new BuildException("templates/" + where + ":" + (e.getLineNumber() == null ? 1 : e.getLineNumber())
                    + ": " + e.getMessageWithoutStackTop().split("\n")[0]);
        } catch (IOException e) {
            throw new BuildException("templates/" + name + ":1: cannot read the template: " + e.getMessage());
        }
    }
}
