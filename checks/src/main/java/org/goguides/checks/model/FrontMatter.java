package org.goguides.checks.model;

import java.util.List;

/** The YAML header of a guide. */
public record FrontMatter(String title, String summary, List<String> platforms) {
    public FrontMatter {
        platforms = List.copyOf(platforms);
    }
}
