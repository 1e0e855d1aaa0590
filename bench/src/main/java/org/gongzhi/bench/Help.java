package org.gongzhi.bench;

import java.util.Arrays;

/**
 * {@code -h} or {@code --help} anywhere on a command line of {@code ./gongzhi bench} or {@code ./gongzhi faults}: the
 * usage goes to standard output and the command exits 0, as a command asked for its usage does; a wrong option is
 * answered on standard error with 2.
 */
public final class Help {
    private Help() {
    }

    public static boolean asked(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
    }
}
