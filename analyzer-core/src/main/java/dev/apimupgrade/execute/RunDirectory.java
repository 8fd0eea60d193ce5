package dev.apimupgrade.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder one migrate run keeps everything in (docs/adr/0010-run-directory.md): run.json (homes and start),
 * plan.json (the plan being executed; plans/ keeps each plan the run adopted), journal.jsonl with journal.head,
 * run.key (the MAC key of them all), backup/ (every file as it was before the run changed it), exports/ (rows a
 * database action deletes), inventory.old.json (what compare counts, taken before the first change) and the lock file
 * while a run is active.
 */
public record RunDirectory(Path root) {
    public RunDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public Path runJson() {
        return root.resolve("run.json");
    }

    public Path plan() {
        return root.resolve("plan.json");
    }

    /** Every plan the run executed, in the order it adopted them: plans/1-plan.json, plans/2-plan.json, ... */
    public Path plans() {
        return root.resolve("plans");
    }

    public Path journal() {
        return root.resolve("journal.jsonl");
    }

    public Path backup() {
        return root.resolve("backup");
    }

    public Path exports() {
        return root.resolve("exports");
    }

    /** The before-inventory, as compare writes it, taken before the run's first change. */
    public Path inventory() {
        return root.resolve("inventory.old.json");
    }

    public Path lock() {
        return root.resolve("lock");
    }

    /** The run's MAC key (journal and plan copy): owner-only, never bundled or printed. */
    public Path key() {
        return root.resolve("run.key");
    }

    /** How many journal records were written and the last one's MAC: shows records cut off the journal's end. */
    public Path journalHead() {
        return root.resolve("journal.head");
    }

    public boolean exists() {
        return Files.isRegularFile(journal());
    }

    /** Creates the folder for the owner only: its backups hold deployment.toml files, keystores and databases. */
    public RunDirectory create() throws IOException {
        boolean fresh = !Files.exists(root);
        Files.createDirectories(backup());
        Files.createDirectories(exports());
        if (fresh && Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
        return this;
    }
}
