package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CopyTree lists from a tree with links: never a link's target content, only links that stay in the home. */
class SourceTreeTest {
    @TempDir
    Path tmp;

    private Path home;
    private Path api;

    @BeforeEach
    void tree() throws Exception {
        home = Files.createDirectories(tmp.resolve("wso2am-3.0.0"));
        api = Files.createDirectories(home.resolve("synapse/api"));
        Files.writeString(api.resolve("Orders_v1.xml"), "<api/>");
        Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("shared.xml"), "<api/>");
    }

    private SourceTree list() throws Exception {
        return SourceTree.of(home.resolve("synapse"), home, Set.of());
    }

    @Test
    void aLinkToAFileOutsideTheHomeIsRefusedNamingLinkAndTargetAndIsNeitherFileNorLink() throws Exception {
        Path secret = Files.writeString(tmp.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(api.resolve("evil_v1.xml"), secret);

        SourceTree tree = list();

        assertThat(tree.refused())
                .singleElement()
                .asString()
                .contains("OLD:synapse/api/evil_v1.xml -> " + secret)
                .contains("leads out of the 3.0.0 home");
        assertThat(tree.files()).containsExactly("api/Orders_v1.xml");
        assertThat(tree.links()).isEmpty();
    }

    @Test
    void aDanglingLinkALoopAndALinkThatClimbsOutAndBackInAreRefused() throws Exception {
        Files.createSymbolicLink(api.resolve("gone.xml"), Path.of("missing.xml"));
        Files.createSymbolicLink(api.resolve("a.xml"), Path.of("b.xml"));
        Files.createSymbolicLink(api.resolve("b.xml"), Path.of("a.xml"));
        Path twin = Files.createDirectories(tmp.resolve("twin"));
        Files.createSymbolicLink(tmp.resolve("twin/wso2am-3.0.0"), home);
        Files.createSymbolicLink(api.resolve("around.xml"), Path.of("../../../twin/wso2am-3.0.0/conf/shared.xml"));

        assertThat(list().refused())
                .hasSize(4)
                .anySatisfy(r -> assertThat(r).contains("gone.xml").contains("dangles"))
                .anySatisfy(r -> assertThat(r).contains("a.xml -> b.xml").contains("loops"))
                .anySatisfy(r -> assertThat(r).contains("around.xml").contains("leads out"));
        assertThat(twin).exists();
    }

    @Test
    void linksThatStayInTheHomeAreKeptAsRelativeLinksEvenWhenWrittenAbsolute() throws Exception {
        Files.createSymbolicLink(api.resolve("Orders_current.xml"), Path.of("Orders_v1.xml"));
        Files.createSymbolicLink(api.resolve("Shared.xml"), home.resolve("conf/shared.xml"));

        SourceTree tree = list();

        assertThat(tree.refused()).isEmpty();
        assertThat(tree.links())
                .containsEntry("api/Orders_current.xml", Path.of("Orders_v1.xml"))
                .containsEntry("api/Shared.xml", Path.of("../../conf/shared.xml"));
    }

    @Test
    void anExcludedLinkIsNotListedAtAll() throws Exception {
        Files.createSymbolicLink(api.resolve("evil_v1.xml"), Files.writeString(tmp.resolve("passwd"), "root"));

        SourceTree tree = SourceTree.of(home.resolve("synapse"), home, Set.of("api/evil_v1.xml"));

        assertThat(tree.refused()).isEmpty();
        assertThat(tree.all()).containsExactly("api/Orders_v1.xml");
    }
}
