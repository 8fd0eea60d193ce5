package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceScannerTest {
    @TempDir
    Path tmp;

    private static List<FilePresence> scan(Path old, Path neu) {
        return new PresenceScanner()
                .scan(new Installation(old, Optional.ofNullable(neu))).stream()
                        .map(FilePresence.class::cast)
                        .toList();
    }

    @Test
    void aStartedNewPackShowsItsSolrLogAndH2FilesForIdxSolrDirAndRegNewPackStarted() throws Exception {
        Path old = home(tmp.resolve("old"));
        write(old, "repository/database/WSO2AM_DB.mv.db", "h2");
        write(old, "repository/database/WSO2SHARED_DB.mv.db", "h2");
        write(old, "repository/database/notes.txt", "x");
        Path neu = home(tmp.resolve("new"));
        Files.createDirectories(neu.resolve("solr/data"));
        write(neu, "repository/logs/wso2carbon.log", "started");
        write(neu, "repository/components/dropins/tenantloader-1.0.jar", "jar");

        assertThat(scan(old, neu))
                .extracting(FilePresence::role, FilePresence::relativePath, FilePresence::present)
                .containsExactly(
                        tuple(Role.OLD, "repository/database/WSO2AM_DB.mv.db", true),
                        tuple(Role.OLD, "repository/database/WSO2SHARED_DB.mv.db", true),
                        tuple(Role.NEW, "solr", true),
                        tuple(Role.NEW, "repository/logs/wso2carbon.log", true),
                        tuple(Role.NEW, "migration-resources", false),
                        tuple(Role.NEW, "repository/components/dropins/tenantloader-1.0.jar", true),
                        tuple(Role.NEW, "repository/database/*.mv.db", false));
    }

    @Test
    void withoutANewHomeOnlyTheOldH2FilesAreObserved() throws Exception {
        Path old = home(tmp.resolve("old"));

        assertThat(scan(old, null))
                .extracting(FilePresence::role, FilePresence::relativePath, FilePresence::present)
                .containsExactly(tuple(Role.OLD, "repository/database/*.mv.db", false));
    }
}
