package org.goguides.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.goguides.site.view.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import freemarker.core.HTMLOutputFormat;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;

/**
 * The record wrapper reads records as FreeMarker's default wrapper does (same output for every kind of value,
 * method calls with arguments, bean read methods), only faster; a missing member is FreeMarker's error with its line.
 */
public class RecordObjectWrapperTest {
    /** A view with a value of every kind templates read. */
    public record Page(String title, String missing, int count, long big, double ratio, boolean draft, List<String> tags,
                       List<Item> items, Item first, Item none, Map<String, String> t) {
        /** A method with an argument, as {@code PageContext.asset}. */
        public String asset(String name) {
            return "/assets/" + name;
        }

        /** Not a component: read through FreeMarker's own bean model. */
        public String shout() {
            return title.toUpperCase();
        }
    }

    /** A nested record. */
    public record Item(String name, boolean current, List<Item> children) {
    }

    /**
     * Components whose accessors are bean read methods, or are not, and a bean read method beside an accessor: FreeMarker
     * exposes the first as properties of another name ({@code getFoo()} as {@code foo}), and so must we.
     */
    public record Bean(String name, String getFoo, boolean isOk, String isNot, String get, String getaway, Boolean isBoxed) {
        public String getName() {
            return "bean " + name;
        }

        public String get(int n) {
            return get.repeat(n);
        }
    }

    private static final String TEMPLATE = """
            ${v.title} ${v.title?length} ${v.title?replace('a', 'A')} ${v.title?starts_with('Wr')?c}
            [${v.missing!'none'}] ${(v.missing??)?c} ${v.missing?has_content?c} ${(v.none??)?c} ${v.first?has_content?c}
            ${v.count} ${v.count?c} ${v.big?c} ${v.ratio} ${v.ratio?c} ${(v.count > 2)?c} ${"{n} of it"?replace("{n}", v.count?c)}
            ${v.draft?c} ${v.draft?then('draft', 'final')}<#if v.draft> is a draft</#if>
            ${v.tags?size} <#list v.tags as tag>${tag}<#sep>, </#list> ${v.tags?join('/')} ${v.tags?has_content?c}
            <#list v.items as i>${i.name}:${i.current?c}:${i.children?size}<#list i.children as c>(${c.name})</#list> </#list>
            ${v.first.name} ${v.first.children[0].name} ${v.asset('site.css')} ${v.shout} ${v.shout()} ${v.t['key']} ${v.t.key}
            ${v.items[0]?is_hash?c} ${v.title?is_string?c} ${v.count?is_number?c} ${v?has_content?c} ${v.first.current?string('y', 'n')}
            <#list v.items as i><#if i.current>current: ${i.name}</#if></#list> ${v.first?is_string?c}
            """;

    private static Page page() {
        Item leaf = new Item("Leaf <&>", false, List.of());
        List<Item> items = List.of(new Item("Go", true, List.of(leaf)), new Item("Install", false, List.of()));
        return new Page("Write a module", null, 3, 12_345_678_901L, 0.5, true, List.of("go", "模块"), items, items.get(0), null,
                Map.of("key", "值"));
    }

    private static String render(ObjectWrapper wrapper, String template, Object view) throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setObjectWrapper(wrapper);
        StringWriter out = new StringWriter();
        new Template("t.ftlh", template, cfg).process(Map.of("v", view), out);
        return out.toString();
    }

    private static ObjectWrapper defaultWrapper() {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
        b.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        return b.build();
    }

    @Test
    void readsEveryKindOfValueAsTheDefaultWrapper() throws Exception {
        String ours = render(new RecordObjectWrapper(Configuration.VERSION_2_3_35), TEMPLATE, page());
        assertEquals(render(defaultWrapper(), TEMPLATE, page()), ours);
        assertEquals("""
                Write a module 14 Write A module true
                [none] false false false true
                3 3 12345678901 0.5 0.5 true 3 of it
                true draft is a draft
                2 go, 模块 go/模块 true
                Go:true:1(Leaf &lt;&amp;&gt;) Install:false:0 \n\
                Go Leaf &lt;&amp;&gt; /assets/site.css WRITE A MODULE WRITE A MODULE 值 值
                true true true true y
                current: Go true
                """, ours);
    }

    @Test
    void wrapsPublicRecordsOnlyInItsOwnModel() throws Exception {
        RecordObjectWrapper w = new RecordObjectWrapper(Configuration.VERSION_2_3_35);
        assertInstanceOf(RecordModel.class, w.wrap(page()));
        assertInstanceOf(RecordModel.class, w.wrap(new Item("a", false, List.of())));
        assertFalse(w.wrap(new StringBuilder("x")) instanceof RecordModel);
        assertFalse(w.wrap(new Hidden("x")) instanceof RecordModel);
        assertEquals(null, w.wrap(null));
    }

    private record Hidden(String name) {
    }

    @Test
    void beanReadMethodsAreReadAsWithTheDefaultWrapper() throws Exception {
        String t = "${v.name} ${v.name()} ${v.getName()} ${v.foo} ${v.getFoo()} ${v.ok?c} ${v.isOk()?c} ${v.isNot} ${(v.get?is_method)?c} ${v.get(2)} ${v.away}"
                + " ${v.getaway()} ${v.boxed?c} ${(v.isBoxed?is_method)?c} ${(v.getFoo?is_method)?c}";
        Bean bean = new Bean("x", "foo", true, "not", "get", "away", false);
        String ours = render(new RecordObjectWrapper(Configuration.VERSION_2_3_35), t, bean);
        assertEquals(render(defaultWrapper(), t, bean), ours);
        assertEquals("x x bean x foo foo true true not true getget away away false true true", ours);
    }

    @Test
    void aMissingMemberIsFreeMarkersErrorWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<p>${v.title}</p>\n<p>${v.first.name}</p>\n<p>${v.first.nmae}</p>\n",
                StandardCharsets.UTF_8);
        BuildException e = assertThrows(BuildException.class, () -> new Templates(dir, false).render("page.ftlh", page()));
        assertTrue(e.getMessage().startsWith("templates/page.ftlh:3: "), e.getMessage());
    }

    @Test
    void templatesRenderPagesWithIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "${v.title}: <#list v.items as i>${i.name} </#list>", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("item.ftlh"), "${v.name}:${v.current?c}", StandardCharsets.UTF_8);
        Templates templates = new Templates(dir, false);
        assertEquals("Write a module: Go Install ", templates.render("page.ftlh", page()));
        assertEquals(List.of("Go:true", "Install:false"), templates.renderEach("item.ftlh", page().items()));
        assertEquals("Write a module: Go Install ", new String(templates.renderUtf8("page.ftlh", page()), StandardCharsets.UTF_8));
    }
}
