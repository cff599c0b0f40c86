package org.goguides.site.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.goguides.site.view.Views.CountView;

/**
 * The {@code og:image} of a guide: a 1200×630 PNG with its title, summary and how many of its steps are
 * verified, drawn with Java2D at build time (no external service, no browser). Drawn headless, with the
 * CJK font {@code .ci/setup} installs (WenQuanYi Micro Hei) when present so Chinese titles do not turn
 * into boxes, else the JDK's logical sans-serif. Made only when the site URL is known, since social cards
 * must be absolute URLs.
 */
public final class SocialCard {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int W = 1200;
    private static final int H = 630;
    private static volatile String family;

    private SocialCard() {
    }

    /** Where a guide's card is written in the site. */
    public static String path(String lang, String slug) {
        return "cards/" + lang + "/" + slug + ".png";
    }

    /** The card as PNG bytes. */
    public static byte[] png(String title, String summary, String siteTitle, List<CountView> counts) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x0d1117));
            g.fillRect(0, 0, W, H);
            g.setColor(new Color(0x3fb4cf));
            g.fillRect(0, 0, 16, H);
            g.fillRoundRect(80, 70, 88, 88, 20, 20);
            g.setColor(new Color(0x0d1117));
            g.setFont(new Font(family(), Font.BOLD, 42));
            FontMetrics lm = g.getFontMetrics();
            g.drawString("Go", 80 + (88 - lm.stringWidth("Go")) / 2, 70 + (88 + lm.getAscent() - lm.getDescent()) / 2);
            g.setColor(new Color(0x9ea7b3));
            g.setFont(new Font(family(), Font.PLAIN, 32));
            g.drawString(siteTitle, 196, 128);
            g.setColor(new Color(0xe6edf3));
            g.setFont(new Font(family(), Font.BOLD, 64));
            int y = draw(g, title, 80, 260, W - 160, 3, 80);
            g.setColor(new Color(0xc9d1d9));
            g.setFont(new Font(family(), Font.PLAIN, 32));
            draw(g, summary, 80, y + 20, W - 160, 2, 44);
            org.goguides.site.view.Verification.Tally tally = org.goguides.site.view.Verification.guideTally(counts);
            int passed = tally.passed();
            int total = tally.steps();
            g.setColor(new Color(0x56d364));
            g.setFont(new Font(family(), Font.BOLD, 34));
            g.drawString("✓ " + passed + " / " + total, 80, H - 70);
            return encode(img);
        } finally {
            g.dispose();
        }
    }

    /** Wraps text into at most {@code maxLines} lines (by word, or by character for CJK); returns the next baseline. */
    private static int draw(Graphics2D g, String text, int x, int y, int width, int maxLines, int lineHeight) {
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : text.split("(?<=\\s)|(?=[\\u3000-\\u9fff\\uff00-\\uffef])|(?<=[\\u3000-\\u9fff\\uff00-\\uffef])")) {
            if (fm.stringWidth(line + token) > width && line.length() > 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
                token = token.stripLeading();
            }
            line.append(token);
        }
        if (line.length() > 0) lines.add(line.toString().strip());
        for (int i = 0; i < Math.min(maxLines, lines.size()); i++) {
            String l = lines.get(i);
            if (i == maxLines - 1 && lines.size() > maxLines) {
                while (!l.isEmpty() && fm.stringWidth(l + "…") > width) l = l.substring(0, l.length() - 1);
                l += "…";
            }
            g.drawString(l, x, y + i * lineHeight);
        }
        return y + Math.min(maxLines, lines.size()) * lineHeight;
    }

    private static String family() {
        String f = family;
        if (f == null) {
            Set<String> have = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            f = have.contains("WenQuanYi Micro Hei") ? "WenQuanYi Micro Hei" : have.contains("Noto Sans CJK SC") ? "Noto Sans CJK SC"
                    : Font.SANS_SERIF;
            family = f;
        }
        return f;
    }

    private static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
