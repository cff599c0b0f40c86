package org.goguides.site.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import org.goguides.site.view.Views.TocEntry;

/**
 * Finishes a guide body with jsoup: GitHub alert blockquotes ({@code > [!NOTE]}) become callouts,
 * tables get a scrolling wrapper, external links get {@code rel}, and the table of contents is read
 * from the headings. The result keeps the parsed tree, so later stages (the search index) need not parse again.
 */
public final class HtmlPostProcessor {
    private static final Pattern ALERT = Pattern.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*");

    /** The processed body and its table of contents. */
    public record Result(String html, List<TocEntry> toc, Document document) {
        public Result(String html, List<TocEntry> toc) {
            this(html, toc, null);
        }
    }

    private HtmlPostProcessor() {
    }

    /** @param alertTitles the title per alert kind ("note", "warning", …) in the page's language */
    public static Result process(String body, Map<String, String> alertTitles) {
        Document d = Jsoup.parseBodyFragment(body);
        d.outputSettings().prettyPrint(false);
        Element lead = d.body().firstElementChild();
        if (lead != null && lead.tagName().equals("h1")) lead.remove(); // the page template shows the title
        for (Element bq : d.select("blockquote")) {
            Element first = bq.firstElementChild();
            if (first == null || !first.tagName().equals("p") || first.childNodeSize() == 0
                    || !(first.childNode(0) instanceof TextNode text)) continue;
            Matcher m = ALERT.matcher(text.getWholeText());
            if (!m.find()) continue;
            String kind = m.group(1).toLowerCase(java.util.Locale.ROOT);
            text.text(text.getWholeText().substring(m.end()));
            if (first.text().isBlank() && first.children().isEmpty()) first.remove();
            else if (first.childNodeSize() > 1 && first.childNode(1).nodeName().equals("br")) first.childNode(1).remove();
            Element box = new Element("div").addClass("callout").addClass("callout-" + kind)
                    .attr("role", kind.equals("warning") || kind.equals("caution") ? "alert" : "note");
            box.appendElement("p").addClass("callout-title").text(alertTitles.getOrDefault(kind, kind));
            box.appendChildren(new ArrayList<>(bq.childNodes()));
            bq.replaceWith(box);
        }
        for (Element a : d.select("a.anchor")) {
            // an empty "#" link beside each heading: the TOC links the sections for keyboard and screen-reader users
            a.attr("aria-hidden", "true").attr("tabindex", "-1");
        }
        for (Element table : d.select("table")) {
            table.wrap("<div class=\"table-wrap\" tabindex=\"0\"></div>");
        }
        for (Element a : d.select("a[href^=http://], a[href^=https://]")) {
            a.attr("rel", "noopener noreferrer");
        }
        List<TocEntry> toc = new ArrayList<>();
        for (Element h : d.select("h2[id], h3[id]")) {
            toc.add(new TocEntry(h.id(), h.text(), h.tagName().equals("h2") ? 2 : 3));
        }
        return new Result(d.body().html(), toc, d);
    }
}
