package dev.apimupgrade.cli;

import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Keeps outputs out of the installations: the assessment is read-only, so nothing may be written inside a home. */
final class OutputLocation {
    /** {@code --out -}: the result document goes to standard output and no folder is written. */
    static final String STDOUT = "-";

    private OutputLocation() {}

    static boolean isStdout(Path out) {
        return out != null && out.toString().equals(STDOUT);
    }

    /** A command whose output is a folder of files that belong together refuses {@code --out -}. */
    static void requireFolder(CommandSpec spec, Path out, String why) {
        if (isStdout(out)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--out - (standard output) is not possible for " + spec.name() + ": " + why + "; give a folder");
        }
    }

    static void requireOutside(Path out, Installation installation) throws InputException {
        requireOutside(out, installation, AnalyticsHomes.none());
    }

    /** The analytics homes are installations too: nothing is written inside them either. */
    static void requireOutside(Path out, Installation installation, AnalyticsHomes analytics) throws InputException {
        Path target = out.toAbsolutePath().normalize();
        List<Path> homes = new ArrayList<>(List.of(installation.oldHome()));
        installation.newHome().ifPresent(homes::add);
        analytics.oldHome().ifPresent(homes::add);
        analytics.newHome().ifPresent(homes::add);
        for (Path home : homes) {
            if (target.startsWith(home.toAbsolutePath().normalize())) {
                throw new InputException(
                        out.toString(),
                        "--out is inside the home " + home + "; choose a folder outside the installations");
            }
        }
    }
}
