package dev.apimupgrade.report;

import java.io.IOException;
import java.nio.file.Path;

/** The output directory holds something other than earlier reports, so writing there could destroy a user's files. */
public final class OutputRefusedException extends IOException {
    public OutputRefusedException(Path dir, String why) {
        super("Refusing to write reports to " + dir + ": " + why);
    }
}
