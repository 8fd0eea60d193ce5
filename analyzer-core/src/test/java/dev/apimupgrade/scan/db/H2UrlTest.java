package dev.apimupgrade.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The URL forms WSO2 API-M uses, read the same way by the scan, the rules and the deployment.toml edit. */
class H2UrlTest {
    private static final Path HOME = Path.of("/opt/wso2am-3.0.0");
    private static final Path AM_DB = HOME.resolve("repository/database/WSO2AM_DB");

    private static H2Url parse(String url) {
        return H2Url.parse(url).orElseThrow();
    }

    @Test
    void theShippedRelativeUrlResolvesInTheHomeWithoutItsOptions() {
        H2Url url = parse("jdbc:h2:./repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE");

        assertThat(url.homeRelative()).isTrue();
        assertThat(url.databasePath(HOME)).contains(AM_DB);
        assertThat(url.options()).isEqualTo(";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(url.anchoredAt(HOME))
                .isEqualTo("jdbc:h2:/opt/wso2am-3.0.0/repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void theFilePrefixIsReadInAnyCaseSoFileAndFILEAgree() {
        for (String url : new String[] {
            "jdbc:h2:file:./repository/database/WSO2AM_DB",
            "jdbc:h2:FILE:./repository/database/WSO2AM_DB",
            "JDBC:H2:File:./repository/database/WSO2AM_DB"
        }) {
            H2Url h2 = parse(url);
            assertThat(h2.filePrefix()).as(url).isTrue();
            assertThat(h2.isFile()).as(url).isTrue();
            assertThat(h2.homeRelative()).as(url).isTrue();
            assertThat(h2.databasePath(HOME)).as(url).contains(AM_DB);
            assertThat(h2.anchoredAt(HOME))
                    .as(url)
                    .isEqualTo("jdbc:h2:file:/opt/wso2am-3.0.0/repository/database/WSO2AM_DB");
        }
    }

    @Test
    void autoServerAndMvccNeverReachAConnectionButStayInTheAnchoredUrl() {
        H2Url url = parse(
                "jdbc:h2:FILE:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE;MVCC=TRUE;" + "DB_CLOSE_ON_EXIT=FALSE");

        assertThat(url.path()).isEqualTo("./repository/database/WSO2AM_DB");
        assertThat(H2Url.connectUrl(url.databasePath(HOME).orElseThrow()))
                .isEqualTo("jdbc:h2:" + AM_DB)
                .doesNotContain("AUTO_SERVER")
                .doesNotContain("MVCC");
        assertThat(url.anchoredAt(HOME)).endsWith(";AUTO_SERVER=TRUE;MVCC=TRUE;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void carbonHomeAndBarePathsAreHomeRelativeAbsolutePathsAreNot() {
        assertThat(parse("jdbc:h2:${carbon.home}/repository/database/WSO2AM_DB").databasePath(HOME))
                .contains(AM_DB);
        assertThat(parse("jdbc:h2:${carbon.home}/repository/database/WSO2AM_DB").homeRelative())
                .isTrue();
        assertThat(parse("jdbc:h2:repository/database/WSO2AM_DB").databasePath(HOME))
                .contains(AM_DB);
        H2Url absolute = parse("jdbc:h2:file:/data/am/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(absolute.homeRelative()).isFalse();
        assertThat(absolute.databasePath(HOME)).contains(Path.of("/data/am/WSO2AM_DB"));
    }

    @Test
    void serverMemoryAndOtherSchemesAreNoDatabaseFile() {
        for (String url : new String[] {
            "jdbc:h2:tcp://localhost/~/am",
            "jdbc:h2:ssl://db/am",
            "jdbc:h2:mem:am",
            "jdbc:h2:zip:~/db.zip!/am",
            "jdbc:h2:TCP://localhost/am",
            "jdbc:h2:file:tcp://localhost/am"
        }) {
            assertThat(parse(url).isFile()).as(url).isFalse();
            assertThat(parse(url).homeRelative()).as(url).isFalse();
            assertThat(parse(url).databasePath(HOME)).as(url).isEmpty();
        }
        assertThat(H2Url.parse("jdbc:mysql://db/am")).isEqualTo(Optional.empty());
        assertThat(H2Url.parse(null)).isEmpty();
    }
}
