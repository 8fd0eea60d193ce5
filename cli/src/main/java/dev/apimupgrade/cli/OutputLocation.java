package dev.apimupgrade.cli;

import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Path;

/** Keeps outputs out of the installations: the assessment is read-only, so nothing may be written inside a home. */
final class OutputLocation {
    private OutputLocation() {
    }

    static void requireOutside(Path out, Installation installation) throws InputException {
        Path target = out.toAbsolutePath().normalize();
        for (Path home : installation.newHome().isPresent()
                ? new Path[] {installation.oldHome(), installation.newHome().get()}
                : new Path[] {installation.oldHome()}) {
            if (target.startsWith(home.toAbsolutePath().normalize())) {
                throw new InputException(out.toString(),
                        "--out is inside the home " + home + "; choose a folder outside the installations");
            }
        }
    }
}
