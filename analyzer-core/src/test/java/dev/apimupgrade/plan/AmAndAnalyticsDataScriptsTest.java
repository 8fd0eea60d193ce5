package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-SCOPE-BINDING-NULL's DELETE on the real 3.0.0 AM schema, and ANA-DB-PK's primary key change on
 * APILASTACCESSSUMMARY as the 3.0.0 Siddhi app creates it (our own DDL: the table has no shipped script).
 */
class AmAndAnalyticsDataScriptsTest {

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void dbScopeBindingNullCleanUpDeletesOnlyTheNullAndEmptyBindings(DatabaseProduct dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.loadSchema("3.0.0", "apimgt");
            db.run(
                    "INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME, TENANT_ID)"
                            + " VALUES (1, 'read', 'read', -1234)",
                    "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL)",
                    "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, '')",
                    "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, 'admin')",
                    "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, ' ')");

            db.run(SqlScripts.statements(SqlScripts.SCOPE_BINDING_CLEANUP, dialect));

            // MariaDB compares ' ' = '' as equal (PAD SPACE collations), so a blank binding goes there too
            List<String> left = db.strings("SELECT SCOPE_BINDING FROM IDN_OAUTH2_SCOPE_BINDING ORDER BY SCOPE_BINDING");
            assertThat(left)
                    .containsExactlyElementsOf(
                            dialect == DatabaseProduct.MYSQL ? List.of("admin") : List.of(" ", "admin"));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void anaDbPkTheKeyGainsApiVersionInTheSiddhiAppsOrderAndKeepsTheRows(DatabaseProduct dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.run("CREATE TABLE APILASTACCESSSUMMARY (APICONTEXT VARCHAR(254), APINAME VARCHAR(254),"
                    + " APIVERSION VARCHAR(254), APICREATOR VARCHAR(254), APICREATORTENANTDOMAIN VARCHAR(254),"
                    + " APPLICATIONOWNER VARCHAR(254), LASTACCESSTIME BIGINT,"
                    + " PRIMARY KEY (APINAME, APICREATOR, APICREATORTENANTDOMAIN))");
            db.run(insert("PizzaShack", "1.0.0"), insert("Weather", "2.0.0"));
            assertThat(primaryKey(db)).containsExactly("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN");

            db.run(SqlScripts.statements(SqlScripts.ANALYTICS_LASTACCESS_PK, dialect));

            assertThat(primaryKey(db)).containsExactly("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN");
            db.run(insert("PizzaShack", "1.1.0"));
            assertThat(db.count("SELECT COUNT(*) FROM APILASTACCESSSUMMARY")).isEqualTo(3);
        }
    }

    private static String insert(String api, String version) {
        return "INSERT INTO APILASTACCESSSUMMARY VALUES ('/" + api.toLowerCase() + "', '" + api + "', '" + version
                + "', 'admin', 'carbon.super', 'admin', 1590000000000)";
    }

    private static List<String> primaryKey(TestDatabase db) throws Exception {
        DatabaseMetaData md = db.connection.getMetaData();
        String table = db.dialect == DatabaseProduct.POSTGRESQL ? "apilastaccesssummary" : "APILASTACCESSSUMMARY";
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet r = md.getPrimaryKeys(db.connection.getCatalog(), db.connection.getSchema(), table)) {
            while (r.next()) {
                columns.put(r.getInt("KEY_SEQ"), r.getString("COLUMN_NAME").toUpperCase());
            }
        }
        return new ArrayList<>(columns.values());
    }
}
