package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void keepFilesJustWritten() {
        FileDigest.racy = Duration.ZERO;
    }

    @AfterEach
    void restore() {
        FileDigest.racy = Duration.ofSeconds(1);
    }

    @Test
    void anUnchangedFileIsReadOnceHoweverManyReadersAskForItsDigest() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.xml"), "<api/>");
        long before = FileDigest.filesRead();
        String first = FileDigest.sha256(f);
        assertThat(FileDigest.sha256(f)).isEqualTo(first).isEqualTo(FileDigest.sha256("<api/>".getBytes()));
        assertThat(FileDigest.sha256All(List.of(f, f))).containsExactly(first, first);
        assertThat(FileDigest.filesRead() - before).isEqualTo(1);
    }

    @Test
    void aFileAskedForByAnotherPathToItsInodeIsNotReadAgain() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.xml"), "<api/>");
        Path link = Files.createLink(tmp.resolve("b.xml"), f);
        long before = FileDigest.filesRead();
        String first = FileDigest.sha256(f);
        assertThat(FileDigest.sha256(link)).isEqualTo(first);
        assertThat(FileDigest.filesRead() - before).isEqualTo(1);
    }

    @Test
    void aFileReplacedAtItsPathByAnotherOfTheSameSizeAndTimeIsReadAgain() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.xml"), "<one/>");
        String first = FileDigest.sha256(f);
        Path other = Files.writeString(tmp.resolve("b.xml"), "<two/>");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(f));
        Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(FileDigest.sha256(f)).isNotEqualTo(first).isEqualTo(FileDigest.sha256("<two/>".getBytes()));
    }

    @Test
    void aRewriteKeepingSizeAndModificationTimeIsStillReadAgain() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.xml"), "<one/>");
        FileTime modified = Files.getLastModifiedTime(f);
        String first = FileDigest.sha256(f);
        Files.writeString(f, "<two/>");
        Files.setLastModifiedTime(f, modified);
        assertThat(FileDigest.sha256(f)).isNotEqualTo(first).isEqualTo(FileDigest.sha256("<two/>".getBytes()));
    }

    @Test
    void aFileChangedWithinTheLastSecondIsReadAgainEachTime() throws IOException {
        FileDigest.racy = Duration.ofSeconds(1);
        Path f = Files.writeString(tmp.resolve("a.xml"), "<api/>");
        long before = FileDigest.filesRead();
        FileDigest.sha256(f);
        FileDigest.sha256(f);
        assertThat(FileDigest.filesRead() - before).isEqualTo(2);
    }

    @Test
    void aSynapseFileTheScanCheckedIsNotReadAgainForTheFingerprint() throws IOException {
        Path home = tmp.resolve("old");
        Path dir = Files.createDirectories(home.resolve("synapse/api"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(Files.writeString(dir.resolve("api" + i + ".xml"), "<api name=\"a" + i + "\"/>"));
        }
        files.add(Files.writeString(dir.resolve("notes.txt"), "not checked, hashed"));
        List<Observation> out = new ArrayList<>();
        SortedMap<String, String> hashed = FileTree.hashAll(
                new HomeLinks(Role.OLD, home), Role.OLD, home, "synapse", "synapse", SynapseScanner.WELL_FORMED, out);
        long before = FileDigest.filesRead();
        List<String> again = FileDigest.sha256All(files);
        assertThat(FileDigest.filesRead() - before).isZero();
        assertThat(again).containsExactlyInAnyOrderElementsOf(hashed.values());
        assertThat(hashed)
                .hasSize(21)
                .containsEntry("api/api3.xml", FileDigest.sha256("<api name=\"a3\"/>".getBytes()));
        assertThat(out).isEmpty();
    }
}
