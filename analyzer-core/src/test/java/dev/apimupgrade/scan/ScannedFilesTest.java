package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannedFilesTest {
    @TempDir
    Path tmp;

    @Test
    void everyFileAFactWasReadFromGetsItsDigestOnceAndFoldersAndDatabasesNone() throws IOException {
        Path old = Files.createDirectories(tmp.resolve("old/repository/conf"))
                .getParent()
                .getParent();
        Files.writeString(old.resolve("repository/conf/registry.xml"), "<registry/>");
        Path analytics = Files.createDirectories(tmp.resolve("analytics/conf/worker"))
                .getParent()
                .getParent();
        Files.writeString(analytics.resolve("conf/worker/deployment.yaml"), "wso2.datasources: {}");
        Facts facts = new Facts(List.of(
                new RegistryVersioning(
                        Role.OLD, "versioningTags", true, SourceRef.line(Role.OLD, "repository/conf/registry.xml", 3)),
                new RegistryVersioning(
                        Role.OLD,
                        "versioningComments",
                        false,
                        SourceRef.line(Role.OLD, "repository/conf/registry.xml", 4)),
                new FilePresence(Role.OLD, "repository", true, SourceRef.file(Role.OLD, "repository")),
                new FilePresence(Role.OLD, "gone.txt", false, SourceRef.file(Role.OLD, "gone.txt")),
                new FilePresence(Role.NEW, "solr", false, SourceRef.file(Role.NEW, "solr")),
                new FilePresence(
                        Role.OLD,
                        "conf/worker/deployment.yaml",
                        true,
                        SourceRef.analytics(Role.OLD, "conf/worker/deployment.yaml", 0)),
                new FilePresence(Role.OLD, "x", true, SourceRef.db("apim_db", "AM_API"))));

        List<FileContent> digests = ScannedFiles.digests(
                new Installation(old, Optional.empty()),
                new AnalyticsHomes(Optional.of(analytics), Optional.empty()),
                facts);

        assertThat(digests)
                .extracting(d -> d.source().where())
                .containsExactly("OLD-analytics:conf/worker/deployment.yaml", "OLD:repository/conf/registry.xml");
        assertThat(digests.get(1).sha256()).isEqualTo(FileDigest.sha256("<registry/>".getBytes()));
    }

    @Test
    void noFactsGiveNoDigests() {
        assertThat(ScannedFiles.digests(
                        new Installation(tmp, Optional.empty()), AnalyticsHomes.none(), new Facts(List.of())))
                .isEmpty();
    }
}
