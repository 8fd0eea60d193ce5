package dev.apimupgrade.cli;

import static dev.apimupgrade.report.OutputWriter.utf8;

import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.report.Comparison;
import dev.apimupgrade.report.ComparisonJson;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.RunExports;
import dev.apimupgrade.report.html.HtmlReports;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.db.JdbcDrivers;
import dev.apimupgrade.scan.inventory.Inventory;
import dev.apimupgrade.scan.inventory.InventoryScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: the before/after comparison per tenant (APIs, applications, subscriptions, scopes, throttling
 * policies, users, tenants, synapse files: counts and content hashes), explaining differences from a run's exports.
 * Reads both homes and their databases read-only. The state before the upgrade is the run's inventory.old.json when
 * --run holds one (migrate takes it before its first change, so databases upgraded in place are compared with what
 * they held before), else --old: a home, or the inventory.old.json an earlier compare wrote.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare an installation before and after the upgrade, per tenant, and write comparison.json, "
                    + "comparison.html and the two inventories.",
            "  apim-upgrade compare --run <migrate run dir> --new <3.1.0 home> --out <dir>   (after migrate)",
            "  apim-upgrade compare --old <3.0.0 home or inventory.old.json> --new <3.1.0 home> [--run <dir>] "
                    + "--out <dir>",
            "  apim-upgrade compare --old <3.0.0 home> --out <dir>   (the inventory before, to compare later)"
        })
public final class CompareCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    static final int UNEXPLAINED = 1;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(
            names = "--old",
            paramLabel = "<home or inventory.old.json>",
            description = "The installation before the upgrade, or the inventory.old.json compare wrote of it. Not"
                    + " needed with a --run whose migrate took the inventory before its first change.")
    Path old;

    @Option(names = "--new", paramLabel = "<3.1.0 home>", description = "The installation after the upgrade.")
    Path newHome;

    @Option(
            names = "--run",
            paramLabel = "<run dir>",
            description = "The migrate run folder: its inventory.old.json is the state before the upgrade, and its"
                    + " exports explain the rows the migration deleted.")
    Path run;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "<dir>",
            description = "Where to write the comparison. Must be outside every home. - prints comparison.json (or,"
                    + " without --new, inventory.old.json) on standard output and writes no folder.")
    Path out;

    @Mixin
    ResultFormat format;

    @Option(
            names = "--jdbc-driver",
            paramLabel = "<jar>",
            description = "A JDBC driver jar for Oracle, SQL Server or DB2 (repeatable); untested.")
    List<Path> jdbcDrivers = new ArrayList<>();

    @Override
    public Integer call() throws InputException, IOException {
        Optional<Path> runInventory = Optional.ofNullable(run)
                .map(r -> new RunDirectory(r).inventory())
                .filter(Files::isRegularFile);
        if (old == null && runInventory.isEmpty()) {
            throw new InputException(
                    run == null ? "--old" : run.toString(),
                    run == null
                            ? "compare needs --old (the 3.0.0 home or an inventory.old.json), or --run with a migrate run folder"
                            : "the run folder holds no inventory.old.json (migrate takes it before its first change); give"
                                    + " --old");
        }
        if (old != null && !Files.isRegularFile(old) && runInventory.isPresent()) {
            // the old home's databases may be upgraded in place: what they held before is in the run folder
            format.human(spec)
                    .println("Before: " + runInventory.get() + ", taken by migrate before its first" + " change (" + old
                            + " is not read: its databases may have been upgraded in place).");
            old = null;
        }
        if (old == null) {
            old = runInventory.get();
        }
        boolean oldIsInventory = Files.isRegularFile(old);
        List<Path> homes = new ArrayList<>();
        if (!oldIsInventory) {
            homes.add(old);
        }
        Optional.ofNullable(newHome).ifPresent(homes::add);
        boolean toStdout = OutputLocation.isStdout(out);
        if (!homes.isEmpty() && !toStdout) {
            OutputLocation.requireOutside(
                    out,
                    new Installation(homes.get(0), homes.size() > 1 ? Optional.of(homes.get(1)) : Optional.empty()));
        }
        RunExports exports = run == null ? RunExports.none() : RunExports.read(run);
        InventoryScanner scanner = new InventoryScanner(JdbcDrivers.load(jdbcDrivers));
        Inventory before = oldIsInventory ? ComparisonJson.readInventory(old) : scanner.scan(old, main.environment);
        PrintWriter console = toStdout ? spec.commandLine().getErr() : format.human(spec);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("inventory.old.json", utf8(ComparisonJson.toJson(before)));
        if (newHome == null) {
            write(files, toStdout);
            format.document(spec, ComparisonJson.toJson(before), toStdout);
            console.println("Inventory of " + old + (toStdout ? "" : " written to " + out.resolve("inventory.old.json"))
                    + " (" + before.items().size() + " items"
                    + (before.problems().isEmpty()
                            ? ""
                            : ", " + before.problems().size() + " not read") + ")");
            return ExitCode.READY;
        }
        Inventory after = scanner.scan(newHome, main.environment);
        Comparison comparison = Comparison.compare(before, after, run == null ? "" : run.toString(), exports);
        files.put("inventory.new.json", utf8(ComparisonJson.toJson(after)));
        files.put("comparison.json", utf8(ComparisonJson.toJson(comparison)));
        files.put("comparison.html", utf8(HtmlReports.comparison(comparison)));
        write(files, toStdout);
        format.document(spec, ComparisonJson.toJson(comparison), toStdout);
        PrintWriter err = spec.commandLine().getErr();
        comparison.rows().stream()
                .filter(r -> r.status() == Comparison.Status.UNEXPLAINED)
                .forEach(r -> err.println("unexplained: " + r.tenant() + " " + r.item() + ": " + r.explanation()));
        comparison.problems().forEach(p -> err.println("not read: " + p));
        console.println("Compared " + comparison.rows().size() + " items: " + comparison.count(Comparison.Status.SAME)
                + " same, " + comparison.count(Comparison.Status.EXPLAINED) + " explained, "
                + comparison.count(Comparison.Status.UNEXPLAINED) + " unexplained"
                + (comparison.problems().isEmpty()
                        ? ""
                        : ", " + comparison.problems().size() + " not read")
                + (toStdout ? "." : ". Written to " + out.resolve("comparison.html") + " and comparison.json"));
        return comparison.unexplained() == 0 ? ExitCode.READY : UNEXPLAINED;
    }

    private void write(Map<String, byte[]> files, boolean toStdout) throws IOException {
        if (!toStdout) {
            OutputWriter.writeAll(out, files);
        }
    }
}
