package dev.apimupgrade.verify;

import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * SYNAPSE-PROTECTED: the four synapse files the guide says not to copy, in the new home's super tenant and in each
 * tenant. The migration leaves them alone, so each must still be the new home's file as it was when planned (a WUM
 * update or another build of 3.1.0 has its own bytes, so no fixed list of hashes can say it); where a step asks to
 * re-apply a 3.0.0 customisation, the file must be that file with the recorded diff applied. A tenant's file may be
 * absent: 3.1.0 writes a tenant's default synapse files when it first loads the tenant.
 */
final class ProtectedSynapseCheck {
    static final String ID = "SYNAPSE-PROTECTED";
    static final String TITLE = "The protected synapse files of the 3.1.0 home are its 3.1.0 files, customisations"
            + " re-applied where the plan says";
    /** The one protected file whose 3.0.0 and 3.1.0 versions differ (the admin REST API version it calls). */
    private static final String WORKFLOW_CALLBACK = "proxy-services/WorkflowCallbackService.xml";

    private final Path oldHome;
    private final Path newHome;
    private final PlannedState planned;
    private final Map<String, String> stock;

    ProtectedSynapseCheck(Path oldHome, Path newHome, PlannedState planned, Map<String, String> stock) {
        this.oldHome = oldHome;
        this.newHome = newHome;
        this.planned = planned;
        this.stock = stock;
    }

    /** One file's finding: its status and the evidence line; {@code problem} names it in the detail when not PASS. */
    private record Finding(
            String status, String evidence, @Nullable String problem) {
        static Finding pass(String rel, String why) {
            return new Finding(AfterReport.PASS, "NEW:" + rel + ": " + why, null);
        }

        static Finding of(String status, String rel, String why) {
            return new Finding(status, "NEW:" + rel + ": " + why, rel + " (" + why + ")");
        }
    }

    Check check() {
        List<String> dirs = new ArrayList<>(List.of(Verification.SYNAPSE_DIR));
        Path tenants = newHome.resolve("repository/tenants");
        if (Files.isDirectory(tenants)) {
            try (Stream<Path> s = Files.list(tenants)) {
                s.filter(t -> Files.isDirectory(t.resolve("synapse-configs/default")))
                        .sorted()
                        .forEach(t -> dirs.add("repository/tenants/" + t.getFileName() + "/synapse-configs/default"));
            } catch (IOException e) {
                return new Check(
                        ID,
                        "state",
                        TITLE,
                        AfterReport.UNKNOWN,
                        "cannot list repository/tenants (" + e.getClass().getSimpleName() + ")",
                        List.of("NEW:repository/tenants"));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (String dir : dirs) {
            for (String path : stock.keySet()) {
                String rel = dir + "/" + path;
                findings.add(
                        planned.reapplied().contains(rel)
                                ? reapplied(rel, path)
                                : dir.equals(Verification.SYNAPSE_DIR) ? superTenant(rel, path) : tenant(rel, path));
            }
        }
        return summary(findings);
    }

    private static Check summary(List<Finding> findings) {
        List<String> evidence = findings.stream().map(Finding::evidence).toList();
        List<String> failed = problems(findings, AfterReport.FAIL);
        List<String> unknown = problems(findings, AfterReport.UNKNOWN);
        if (!failed.isEmpty()) {
            return new Check(
                    ID, "state", TITLE, AfterReport.FAIL, "not as planned: " + String.join("; ", failed), evidence);
        }
        if (!unknown.isEmpty()) {
            return new Check(
                    ID,
                    "state",
                    TITLE,
                    AfterReport.UNKNOWN,
                    "could not be told: " + String.join("; ", unknown),
                    evidence);
        }
        return new Check(
                ID, "state", TITLE, AfterReport.PASS, findings.size() + " protected file(s) as planned", evidence);
    }

    private static List<String> problems(List<Finding> findings, String status) {
        return findings.stream()
                .filter(f -> f.status().equals(status))
                .map(Finding::problem)
                .toList();
    }

    /** The super tenant's file: the migration never touches it, so it is the file as planned. */
    private Finding superTenant(String rel, String path) {
        Optional<String> now = sha256(rel);
        if (now.isEmpty()) {
            return Finding.of(AfterReport.FAIL, rel, "missing");
        }
        Optional<String> asPlanned = planned.newFileSha256(rel);
        if (asPlanned.isPresent()) {
            return asPlanned.get().equals(now.get())
                    ? Finding.pass(rel, "the 3.1.0 file as planned")
                    : Finding.of(AfterReport.FAIL, rel, "changed since the plan was made");
        }
        if (now.get().equals(stock.get(path))) {
            return Finding.pass(rel, "identical to stock 3.1.0");
        }
        return Finding.of(
                AfterReport.UNKNOWN,
                rel,
                "not the stock 3.1.0 file, and "
                        + (planned.given() ? "the plan records no digest of it" : "no plan was given (--plan or --run)")
                        + " to compare it with");
    }

    /**
     * A tenant's file: absent until 3.1.0 first loads the tenant; once written, the 3.1.0 file (the tenant's own as
     * planned, the super tenant's as planned, or the stock one; without a record, the super tenant's file as it is,
     * unless a step re-applies a customisation to it).
     */
    private Finding tenant(String rel, String path) {
        Optional<String> now = sha256(rel);
        if (now.isEmpty()) {
            return Finding.pass(
                    rel, "absent; 3.1.0 writes a tenant's default synapse files when it first loads the" + " tenant");
        }
        List<String> known = new ArrayList<>();
        String superFile = Verification.SYNAPSE_DIR + "/" + path;
        planned.newFileSha256(rel).ifPresent(known::add);
        planned.newFileSha256(superFile).ifPresent(known::add);
        if (known.isEmpty() && !planned.reapplied().contains(superFile)) {
            // no record: the super tenant's file, which the migration leaves alone, is the pack's (checked above)
            sha256(superFile).ifPresent(known::add);
        }
        if (known.contains(now.get()) || now.get().equals(stock.get(path))) {
            return Finding.pass(rel, "the 3.1.0 file");
        }
        return known.isEmpty()
                ? Finding.of(
                        AfterReport.UNKNOWN,
                        rel,
                        "not the stock 3.1.0 file, and the plan records"
                                + " no digest of the 3.1.0 home's file to compare it with")
                : Finding.of(AfterReport.FAIL, rel, "neither the 3.1.0 file as planned nor the stock one");
    }

    /** A file a step re-applies a customisation to: the file as planned with the recorded diff applied. */
    private Finding reapplied(String rel, String path) {
        Optional<String> text = read(newHome.resolve(rel));
        if (text.isEmpty()) {
            return Finding.of(AfterReport.FAIL, rel, "missing; a step re-applies the 3.0.0 customisation to it");
        }
        Optional<CustomisationDiff> diff = planned.oldDiff(rel).flatMap(CustomisationDiff::parse);
        if (diff.isEmpty() || diff.get().masksTheBaseline()) {
            return Finding.of(
                    AfterReport.UNKNOWN,
                    rel,
                    diff.isEmpty()
                            ? "the plan records no complete diff of the customisation to check it with; compare it by hand"
                            : "the recorded diff masks a secret on a line it replaces; compare it by hand");
        }
        Optional<List<String>> base = diff.get().takeOff(text.get().lines().toList());
        if (base.isEmpty()) {
            return Finding.of(
                    AfterReport.FAIL, rel, "the 3.0.0 customisation is not in it where the recorded diff" + " puts it");
        }
        Optional<String> baseline =
                diff.get().baseline().filter(b -> b.startsWith("NEW:")).map(b -> b.substring(4));
        Optional<String> asPlanned = baseline.flatMap(planned::newFileSha256);
        if (asPlanned.isPresent()) {
            String bytes = String.join(newline(text.get()), asIn310(path, base.get()))
                    + (text.get().endsWith("\n") ? newline(text.get()) : "");
            return FileDigest.sha256(bytes.getBytes(StandardCharsets.UTF_8)).equals(asPlanned.get())
                    ? Finding.pass(rel, "the 3.1.0 file as planned with the 3.0.0 customisation re-applied")
                    : Finding.of(
                            AfterReport.FAIL,
                            rel,
                            "the customisation is there, but the rest is not the 3.1.0" + " file as planned");
        }
        // no digest recorded: the old file with the same diff taken off is the 3.1.0 file the diff was made against
        Optional<List<String>> fromOld = read(oldHome.resolve(rel))
                .flatMap(old -> diff.get().takeOff(old.lines().toList()));
        if (fromOld.isEmpty()) {
            return Finding.of(
                    AfterReport.UNKNOWN,
                    rel,
                    "the plan records no digest of the 3.1.0 file and the old"
                            + " file no longer matches the recorded diff");
        }
        return fromOld.get().equals(base.get())
                ? Finding.pass(rel, "the 3.1.0 file with the 3.0.0 customisation re-applied")
                : Finding.of(AfterReport.FAIL, rel, "the customisation is there, but the rest is not the 3.1.0 file");
    }

    /** The diff of the workflow callback file was made against its 3.1.0 text as 3.0.0 reads it: put 3.1.0's back. */
    private static List<String> asIn310(String path, List<String> lines) {
        return path.equals(WORKFLOW_CALLBACK)
                ? lines.stream()
                        .map(l -> l.replace("/api/am/admin/v0.15/", "/api/am/admin/v0.16/"))
                        .toList()
                : lines;
    }

    private static String newline(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    private Optional<String> sha256(String rel) {
        Path file = newHome.resolve(rel);
        return Files.isRegularFile(file) ? Optional.of(FileDigest.sha256(file)) : Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
