package dev.apimupgrade.cli;

import dev.apimupgrade.execute.RunLock;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collect}: a read-only snapshot of what assess reads in a 3.0.0 home, made on the node, so a node on another
 * host is assessed from one workstation (ADR 0034). It never writes to the home; the snapshot is written all at once.
 */
@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        description = "Snapshot a 3.0.0 home on its node for assess and plan elsewhere: one archive of the files"
                + " assess reads there, secrets masked, with a manifest of each file's size and SHA-256 (assess or"
                + " plan --old <snapshot>, or old: <snapshot> in a deployment file; migrate then runs on the node)."
                + " Never changes the home.")
public final class CollectCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--old",
            required = true,
            paramLabel = "<3.0.0 home>",
            description = "The API Manager 3.0.0 home of this node; only read.")
    Path oldHome;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "<snapshot file>",
            description = "The snapshot to write (a zip file); must not exist yet and must be" + " outside the home.")
    Path out;

    @Override
    public Integer call() throws InputException, IOException {
        Snapshot.Manifest manifest = Snapshot.collect(
                oldHome,
                out,
                new Snapshot.Tool(ToolVersion.NAME, ToolVersion.version()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                RunLock.hostName());
        long masked =
                manifest.files().stream().filter(Snapshot.FileEntry::masked).count();
        PrintWriter human = spec.commandLine().getOut();
        human.println("Snapshot of " + manifest.collected().home() + " written to " + out);
        human.println("  " + manifest.files().size() + " files carried (" + masked + " with secrets masked), "
                + manifest.notCarried().size() + " listed but not carried (keystores, embedded databases, bundles), "
                + manifest.recorded().size() + " findings recorded on this node");
        human.println(
                "Assess it where the databases are reachable: apim-upgrade assess --old " + out + " --out assessment");
        human.flush();
        return ExitCode.COLLECTED;
    }
}
