package org.goguides.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.goguides.site.view.Views.NavGroup;
import org.goguides.site.view.Views.NavItem;
import org.junit.jupiter.api.Test;

/** The sidebar: every guide on a small site; on a large one the current group only, so a page's size does not grow with the site. */
class ReadingOrderTest {
    private static ReadingOrder site(int groups, int perGroup) {
        List<ReadingOrder.Entry> entries = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < perGroup; i++) {
                entries.add(new ReadingOrder.Entry(String.format("g%d-p%03d", g, i), "en", String.format("Guide %d.%03d", g, i),
                        "Group " + g, g * 1000 + i + 1));
            }
        }
        return new ReadingOrder(entries);
    }

    private static int listed(List<NavGroup> nav) {
        return nav.stream().mapToInt(n -> n.items().size()).sum();
    }

    @Test
    void aSmallSiteListsEveryGuide() {
        List<NavGroup> nav = site(2, ReadingOrder.FULL_SIDEBAR_MAX / 2).nav("en", "g1-p003");
        assertEquals(ReadingOrder.FULL_SIDEBAR_MAX, listed(nav));
        assertTrue(nav.stream().allMatch(n -> n.url().isEmpty()), "nothing to link to: all is listed");
        assertEquals(List.of("g1-p003"), nav.stream().flatMap(n -> n.items().stream()).filter(NavItem::current).map(NavItem::slug).toList());
    }

    @Test
    void aLargeSiteListsTheCurrentGroupAndLinksTheOthers() {
        List<NavGroup> nav = site(3, 20).nav("en", "g1-p005");
        assertEquals(List.of(0, 20, 0), nav.stream().map(n -> n.items().size()).toList());
        assertEquals(List.of("/en/#group-1", "", "/en/#group-3"), nav.stream().map(NavGroup::url).toList());
        assertEquals(List.of(20, 20, 20), nav.stream().map(NavGroup::count).toList());
    }

    @Test
    void aLargeGroupShowsAWindowAroundTheCurrentGuide() {
        ReadingOrder order = site(50, 100);
        List<NavGroup> nav = order.nav("en", "g7-p050");
        NavGroup current = nav.get(7);
        assertEquals(2 * ReadingOrder.WINDOW + 1, current.items().size());
        assertEquals("g7-p030", current.items().get(0).slug());
        assertEquals("/en/#group-8", current.url());
        // the first guide of a group: the window starts at it
        assertEquals("g0-p000", order.nav("en", "g0-p000").get(0).items().get(0).slug());
        // a page's sidebar stays the same size whatever the site's size
        assertEquals(listed(nav), listed(site(500, 100).nav("en", "g7-p050")));
    }
}
