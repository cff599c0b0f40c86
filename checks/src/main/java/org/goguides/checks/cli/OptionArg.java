package org.goguides.checks.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One option of a command line and its value ({@code null} for a flag). {@link #read} is the one place that
 * splits {@code --name value} and {@code --name=value}, for checks' command line and the site's.
 */
public record OptionArg(String name, String value) {
    /**
     * The options of {@code args} from index {@code from}: a name in {@code valued} takes the text after its
     * {@code =}, else the next argument; any other name takes none. A valued option with nothing after it is
     * left out and reported in {@code errors} as "NAME needs a value" (only the last argument can be that).
     */
    public static List<OptionArg> read(String[] args, int from, Set<String> valued, List<String> errors) {
        List<OptionArg> out = new ArrayList<>();
        int i = from;
        while (i < args.length) {
            String a = args[i++];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (valued.contains(a) && value == null) {
                if (i >= args.length) {
                    errors.add(a + " needs a value");
                    continue;
                }
                value = args[i++];
            }
            out.add(new OptionArg(a, value));
        }
        return out;
    }
}
