package org.goguides.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Guide;
import org.goguides.checks.results.HostRun;
import org.goguides.site.view.ResultIndex;
import org.goguides.site.view.Verification;
import org.goguides.site.view.ViewFactory;
import org.goguides.site.view.Views.GuideLink;
import org.goguides.site.view.Views.HostColumn;
import org.goguides.site.view.Views.OverviewCell;
import org.goguides.site.view.Views.OverviewPageView;
import org.goguides.site.view.Views.OverviewRow;

/** A language's verification overview: a column per host run, a row per guide, each cell the guide's steps counted by status ({@link Verification#hostCount}). */
final class OverviewPage {
    private OverviewPage() {
    }

    static OverviewPageView of(String lang, Map<String, Guide> byKey, ResultIndex results, ViewFactory views, List<GuideLink> guides) {
        List<HostColumn> hosts = new ArrayList<>();
        for (HostRun run : results.runs()) {
            hosts.add(new HostColumn(run.host().key(), run.host().os() + "/" + run.host().arch()
                    + (run.host().wsl() ? " WSL" : "") + " " + run.host().distro() + " " + run.host().go(), run.isolation(),
                    ViewFactory.day(run.finished())));
        }
        List<OverviewRow> rows = new ArrayList<>();
        for (GuideLink link : guides) {
            Guide g = byKey.get(link.slug() + "/" + lang);
            List<OverviewCell> cells = new ArrayList<>();
            for (HostRun run : results.runs()) {
                Verification.HostCount n = Verification.hostCount(g.executable(), run, results);
                cells.add(new OverviewCell(run.host().key(), n.passed(), n.failed(), n.skipped(), n.stale(),
                        ViewFactory.day(run.finished())));
            }
            rows.add(new OverviewRow(link, cells));
        }
        return new OverviewPageView(views.page(lang, "/" + lang + "/verification/", null), hosts, rows);
    }
}
