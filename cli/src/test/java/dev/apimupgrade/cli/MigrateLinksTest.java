package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link in a synapse tree migrate copies: one that leads out of the old home is never followed (its
 * target's content never reaches the new home, and the step is refused naming link and target); one that stays in
 * the home is recreated as the same relative link.
 */
class MigrateLinksTest {
    private static final String API_DIR = "repository/deployment/server/synapse-configs/default/api";
    private static final String SECRET = "root:x:0:0:planted-outside-the-home:/root:/bin/bash";
    private static final String API = "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"admin--Orders\""
            + " context=\"/orders/1.0\" version=\"1.0\" version-type=\"context\"/>\n";

    @TempDir
    Path tmp;

    @Test
    void aLinkOutOfTheOldHomeIsNeverCopiedAndTheCopyStepIsRefusedNamingLinkAndTarget() throws Exception {
        Path outside = Files.writeString(
                Files.createDirectories(tmp.resolve("outside")).resolve("passwd"), SECRET);
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true, old -> {
            Files.writeString(old.resolve(API_DIR).resolve("admin--Orders_v1.0.xml"), API);
            Files.createSymbolicLink(old.resolve(API_DIR).resolve("evil_v1.xml"), outside);
        });
        assertThat(homes.plan().steps())
                .extracting(PlanStep::kind)
                .as("the synapse tree is copied")
                .contains("CopyTree");

        CliRun run = CliRun.of(homes.migrateArgs(tmp.resolve("run")).toArray(String[]::new));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("evil_v1.xml").contains(outside.toString());
        assertThat(homes.newHome().resolve(API_DIR).resolve("evil_v1.xml")).doesNotExist();
        assertThat(filesHolding(homes.newHome(), "planted-outside-the-home")).isEmpty();
        assertThat(filesHolding(tmp.resolve("run"), "planted-outside-the-home"))
                .as("nor the run folder")
                .isEmpty();
    }

    @Test
    void aDryRunShowsTheRefusalOfALinkOutOfTheHomeAndWritesNothing() throws Exception {
        Path outside = Files.writeString(
                Files.createDirectories(tmp.resolve("outside")).resolve("passwd"), SECRET);
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true, old -> {
            Files.writeString(old.resolve(API_DIR).resolve("admin--Orders_v1.0.xml"), API);
            Files.createSymbolicLink(old.resolve(API_DIR).resolve("evil_v1.xml"), outside);
        });

        CliRun dry =
                CliRun.of(homes.migrateArgs(tmp.resolve("run"), "--dry-run").toArray(String[]::new));

        // PRE-LINK-OUTSIDE-HOME is a blocker, so the rehearsal is refused before its steps, naming the link; the copy
        // step's own refusal of such a link (without the blocker) is CopyTreeExecutor's, tested in analyzer-core
        assertThat(dry.code()).as(dry.out() + dry.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(dry.err()).contains("PRE-LINK-OUTSIDE-HOME").contains("evil_v1.xml");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void aLinkThatStaysInTheOldHomeIsCopiedAsTheSameRelativeLink() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true, old -> {
            Files.writeString(old.resolve(API_DIR).resolve("admin--Orders_v1.0.xml"), API);
            Files.createSymbolicLink(
                    old.resolve(API_DIR).resolve("admin--Orders_current.xml"), Path.of("admin--Orders_v1.0.xml"));
        });

        CliRun run = CliRun.of(homes.migrateArgs(tmp.resolve("run")).toArray(String[]::new));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.READY);
        Path copied = homes.newHome().resolve(API_DIR).resolve("admin--Orders_current.xml");
        assertThat(Files.isSymbolicLink(copied)).isTrue();
        assertThat(Files.readSymbolicLink(copied)).isEqualTo(Path.of("admin--Orders_v1.0.xml"));
        assertThat(copied.toRealPath()).startsWith(homes.newHome().toRealPath());
        assertThat(Files.readString(copied)).isEqualTo(API);

        CliRun rollback = CliRun.of("rollback", "--run", tmp.resolve("run").toString());
        assertThat(rollback.code()).as(rollback.out() + rollback.err()).isEqualTo(ExitCode.READY);
        assertThat(Files.exists(copied, LinkOption.NOFOLLOW_LINKS))
                .as("rollback removes the link")
                .isFalse();
    }

    /** The regular files under a folder whose bytes contain the marker (links are not followed). */
    static List<Path> filesHolding(Path root, String marker) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(marker);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
