package dev.apimupgrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RealDatabaseTest {
    @Test
    void aPostgresDatabaseIsInjectedLoadedWithTheReferenceSchema(
            @RealDatabase(value = DatabaseServer.POSTGRESQL, schema = "apim-3.0.0/dbscripts/postgresql.sql")
                    ScratchDatabase db)
            throws Exception {
        assertThat(db.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + db.name());
        assertThat(db.count("SELECT COUNT(*) FROM REG_LOG")).isZero();
    }

    @Test
    void aMariaDbDatabaseIsCreatedWithTheOptionsGiven(
            @RealDatabase(value = DatabaseServer.MARIADB, options = " CHARACTER SET latin1") ScratchDatabase db)
            throws Exception {
        assertThat(db.strings("SELECT @@character_set_database")).containsExactly("latin1");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseServer.class,
            names = {"POSTGRESQL", "MARIADB"})
    void closingADatabaseDropsIt(DatabaseServer server) throws Exception {
        ScratchDatabase db = ScratchDatabase.create(server);
        String name = db.name();
        assertThat(exists(server, name)).isTrue();

        db.close();

        assertThat(exists(server, name)).isFalse();
    }

    @Test
    void twoDatabasesNeverShareAName() throws Exception {
        try (ScratchDatabase a = ScratchDatabase.create(DatabaseServer.H2);
                ScratchDatabase b = ScratchDatabase.create(DatabaseServer.H2)) {
            assertThat(a.name()).isNotEqualTo(b.name()).startsWith("apimup_");
        }
    }

    private static boolean exists(DatabaseServer server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.admin(), "");
                ResultSet r = c.getMetaData().getCatalogs()) {
            while (r.next()) {
                if (r.getString(1).equals(name)) {
                    return true;
                }
            }
        }
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.admin(), "");
                ResultSet r = c.createStatement()
                        .executeQuery("SELECT datname FROM pg_database WHERE datname = '" + name + "'")) {
            return r.next();
        } catch (java.sql.SQLException notPostgres) {
            return false;
        }
    }

    @Test
    void aPlantedSecretInAFileFailsTheSweepNamingTheSecretAndTheFileButNotItsValue(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("report.html"), "<p>password: Pl4nted-Value</p>");
        PlantedSecrets secrets = PlantedSecrets.of(Map.of("db.password", "Pl4nted-Value"));

        assertThatThrownBy(() -> secrets.assertNoneIn(tmp))
                .hasMessageContaining("db.password")
                .hasMessageContaining("report.html")
                .hasMessageNotContaining("Pl4nted-Value");
        secrets.assertNoneIn("nothing to see", "the output");
    }
}
