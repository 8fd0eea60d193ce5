package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    private static List<String> sql(String text, DatabaseProduct dialect) {
        return StatementSplitter.split("t.sql", text, dialect.delimiter()).stream()
                .map(SqlStatement::sql)
                .toList();
    }

    @Test
    void aSemicolonEndsAStatementOutsideQuotesAndComments() {
        String text = """
                -- a comment; not a statement
                INSERT INTO T VALUES ('a;b', "x;y", `z;w`);
                /* block; comment */ UPDATE T SET V = 'it''s; fine';
                SELECT 1 -- trailing; comment
                ;
                """;
        assertThat(sql(text, DatabaseProduct.MYSQL))
                .containsExactly(
                        "INSERT INTO T VALUES ('a;b', \"x;y\", `z;w`)",
                        "UPDATE T SET V = 'it''s; fine'",
                        "SELECT 1 -- trailing; comment");
    }

    @Test
    void aStatementRecordsTheLineOfItsFirstCode() {
        List<SqlStatement> statements = StatementSplitter.split(
                "t.sql", "-- head\n\nSELECT 1;\n/* c\n */\nSELECT\n 2;", DatabaseProduct.Delimiter.SEMICOLON);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 6);
    }

    @Test
    void oracleAndDb2EndAStatementAtALineHoldingOnlyASlash() {
        String text = """
                UPDATE T SET V = 'a/b' WHERE X = 4 / 2
                /
                BEGIN
                  DELETE FROM T; COMMIT;
                END;
                  /
                -- nothing after this
                """;
        assertThat(sql(text, DatabaseProduct.ORACLE))
                .containsExactly("UPDATE T SET V = 'a/b' WHERE X = 4 / 2", "BEGIN\n  DELETE FROM T; COMMIT;\nEND;");
        assertThat(sql(text, DatabaseProduct.DB2)).hasSize(2);
    }

    @Test
    void aSlashLineInsideAStringDoesNotEndAStatement() {
        assertThat(sql("INSERT INTO T VALUES ('\n/\n')\n/\n", DatabaseProduct.ORACLE))
                .containsExactly("INSERT INTO T VALUES ('\n/\n')");
    }

    @Test
    void aScriptOfOnlyCommentsHasNoStatement() {
        assertThat(sql("-- only\n/* comments */\n;\n", DatabaseProduct.H2)).isEmpty();
        assertThat(sql("", DatabaseProduct.POSTGRESQL)).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> sql("SELECT 'open;", DatabaseProduct.H2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.sql")
                .hasMessageContaining("never closed");
    }
}
