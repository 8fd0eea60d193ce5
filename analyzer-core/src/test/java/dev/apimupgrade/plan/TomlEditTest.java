package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

class TomlEditTest {
    static final String TEXT = """
            # the server
            [server]
            hostname = "localhost" # where
            offset = 0

            #[apim.analytics]
            #enable = false

            [database.apim_db]
            type = "h2"
            url = "jdbc:h2:./repository/database/WSO2AM_DB"
            allow = ["a",
                     "b"]

            # introduces the next table
            [[apim.gateway.environment]]
            name = "Production"

            [secrets]
            admin = "[c2VjcmV0]"
            """;

    @Test
    void replacingAKeyChangesOnlyItsLine() {
        String out = TomlEdit.setValue(TEXT, "server.offset", "10");

        assertThat(out).isEqualTo(TEXT.replace("offset = 0", "offset = 10"));
        assertThat(Toml.parse(out).getLong("server.offset")).isEqualTo(10L);
    }

    @Test
    void replacingAKeyWhoseValueSpansLinesReplacesAllOfThem() {
        String out = TomlEdit.setValue(TEXT, "database.apim_db.allow", "[\"c\"]");

        assertThat(out).isEqualTo(TEXT.replace("allow = [\"a\",\n         \"b\"]", "allow = [\"c\"]"));
    }

    @Test
    void aNewKeyGoesAfterTheLastKeyOfItsTableBeforeTheCommentsOfTheNextTable() {
        String out = TomlEdit.setValue(TEXT, "database.apim_db.validationQuery", TomlEdit.literal("SELECT 1"));

        assertThat(out)
                .isEqualTo(TEXT.replace("         \"b\"]\n", "         \"b\"]\nvalidationQuery = \"SELECT 1\"\n"));
        assertThat(Toml.parse(out).getString("database.apim_db.validationQuery"))
                .isEqualTo("SELECT 1");
    }

    @Test
    void aKeyOfAMissingTableAddsTheTableBeforeSecretsWhichMustStayLast() {
        String out = TomlEdit.setValue(TEXT, "apim.analytics.enable", "true");

        assertThat(out).isEqualTo(TEXT.replace("[secrets]", "[apim.analytics]\nenable = true\n\n[secrets]"));
        assertThat(Toml.parse(out).getBoolean("apim.analytics.enable")).isTrue();
    }

    @Test
    void replacingATableKeepsItsHeaderAndEverythingAroundIt() {
        String out = TomlEdit.setTable(
                TEXT, "database.apim_db", List.of("type = \"mysql\"", "url = \"jdbc:mysql://db/am\""));

        assertThat(out)
                .isEqualTo(TEXT.replace(
                        "type = \"h2\"\nurl = \"jdbc:h2:./repository/database/WSO2AM_DB\"\n"
                                + "allow = [\"a\",\n         \"b\"]\n",
                        "type = \"mysql\"\nurl = \"jdbc:mysql://db/am\"\n"));
    }

    @Test
    void aTableBodyIsCarriedAsWrittenWithoutCommentsOrTheNextTable() {
        assertThat(TomlEdit.tableBody(TEXT, "database.apim_db"))
                .contains(List.of(
                        "type = \"h2\"",
                        "url = \"jdbc:h2:./repository/database/WSO2AM_DB\"",
                        "allow = [\"a\",",
                        "         \"b\"]"));
        assertThat(TomlEdit.tableBody(TEXT, "database.user")).isEmpty();
    }

    @Test
    void anEditThatWouldBreakTheFileIsRefused() {
        assertThatThrownBy(() -> TomlEdit.setValue(TEXT, "server.offset", "[unclosed"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.offset");
    }

    @Test
    void anEmptyFileGetsTheTable() {
        String out = TomlEdit.setValue("", "indexing.re_indexing", "1");

        assertThat(out).isEqualTo("[indexing]\nre_indexing = 1\n");
    }

    @Test
    void windowsLineEndingsStayWindowsLineEndings() {
        String crlf = TEXT.replace("\n", "\r\n");

        String out = TomlEdit.setValue(crlf, "database.apim_db.driver", TomlEdit.literal("org.h2.Driver"));

        assertThat(out)
                .isEqualTo(TomlEdit.setValue(TEXT, "database.apim_db.driver", TomlEdit.literal("org.h2.Driver"))
                        .replace("\n", "\r\n"));
    }

    @Test
    void literalsAreBareForBooleansAndIntegersAndQuotedOtherwise() {
        assertThat(TomlEdit.literal("true")).isEqualTo("true");
        assertThat(TomlEdit.literal("1")).isEqualTo("1");
        assertThat(TomlEdit.literal("WSO2USER_DB")).isEqualTo("\"WSO2USER_DB\"");
        assertThat(TomlEdit.literal("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void aMissingSubtableGoesRightAfterItsTableAndItsOtherSubtablesNotAtTheEnd() {
        String withPool = TomlEdit.setSubtable(
                TEXT, "database.apim_db", "database.apim_db.pool_options", List.of("maxActive = 50"));
        String out = TomlEdit.setSubtable(withPool, "database.apim_db", "database.apim_db.props", List.of("a = 1"));

        assertThat(out)
                .isEqualTo(
                        TEXT.replace(
                                "         \"b\"]\n",
                                "         \"b\"]\n\n"
                                        + "[database.apim_db.pool_options]\nmaxActive = 50\n\n[database.apim_db.props]\na = 1\n"));
        assertThat(Toml.parse(out).getLong("database.apim_db.pool_options.maxActive"))
                .isEqualTo(50L);
        assertThat(TomlEdit.subtables(out, "database.apim_db")).containsExactly("pool_options", "props");
    }

    @Test
    void anExistingSubtableIsReplacedInPlace() {
        String text =
                TEXT.replace("\n# introduces", "\n[database.apim_db.pool_options]\nmaxActive = 10\n\n# introduces");

        String out = TomlEdit.setSubtable(
                text, "database.apim_db", "database.apim_db.pool_options", List.of("maxActive = 50"));

        assertThat(out).isEqualTo(text.replace("maxActive = 10", "maxActive = 50"));
    }

    @Test
    void subtablesAreOnlyThoseWithAHeaderOfTheirOwn() {
        String text = TEXT.replace("type = \"h2\"", "type = \"h2\"\npool.max_idle = 3");

        assertThat(TomlEdit.subtables(text, "database.apim_db")).isEmpty();
        assertThat(TomlEdit.subtables(text, "database")).containsExactly("apim_db");
    }

    @Test
    void aTableAndItsSubtableBothMissingAreAddedTogetherBeforeSecrets() {
        String withTable = TomlEdit.setTable(TEXT, "database.user", List.of("type = \"h2\""));
        String out = TomlEdit.setSubtable(
                withTable, "database.user", "database.user.pool_options", List.of("maxActive = 5"));

        assertThat(out)
                .isEqualTo(TEXT.replace(
                        "[secrets]",
                        "[database.user]\ntype = \"h2\"\n\n"
                                + "[database.user.pool_options]\nmaxActive = 5\n\n[secrets]"));
        assertThat(Toml.parse(out).getLong("database.user.pool_options.maxActive"))
                .isEqualTo(5L);
    }
}
