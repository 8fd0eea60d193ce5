package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DbAccount;
import dev.apimupgrade.fact.DbCollation;
import dev.apimupgrade.fact.DbDefaultCharset;
import dev.apimupgrade.fact.DbPrivilege;
import dev.apimupgrade.fact.DbTableCharset;
import dev.apimupgrade.fact.MysqlGrant;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Product-specific facts about the session rather than the schema: the user's privileges, the database collation and,
 * on MySQL/MariaDB, the default character set against the character sets of the AM_, IDN_, UM_ and REG_ tables.
 * Their queries live in sql/assess/&lt;product&gt;/NN_name.sql, one folder per product.
 */
final class ServerFacts {
    static final String SUPERUSER = "01_superuser.sql";
    static final String GRANTS = "01_grants.sql";
    static final String COLLATION = "02_database_collation.sql";
    static final String CHARSET = "03_database_charset.sql";
    static final String TABLE_CHARSETS = "04_table_charsets.sql";

    private ServerFacts() {}

    static void read(Connection c, DatabaseProduct kind, String datasource, List<Observation> facts)
            throws SQLException {
        Optional<String> superuser = script(kind, SUPERUSER);
        if (superuser.isPresent()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(superuser.get())) {
                if (rs.next()) {
                    facts.add(DbPrivilege.superuser(
                            datasource, rs.getBoolean(1), SourceRef.db(datasource, "pg_roles.rolsuper")));
                    facts.add(new DbAccount(
                            datasource, rs.getString(2), rs.getString(3), SourceRef.db(datasource, "current_user")));
                }
            }
        }
        Optional<String> grants = script(kind, GRANTS);
        if (grants.isPresent()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(grants.get())) {
                while (rs.next()) {
                    facts.add(DbPrivilege.showGrantsLine(
                            datasource,
                            MysqlGrant.withoutGrantee(rs.getString(1)),
                            SourceRef.db(datasource, "SHOW GRANTS")));
                }
            }
        }
        Optional<String> collation = script(kind, COLLATION);
        if (collation.isPresent()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(collation.get())) {
                if (rs.next()) {
                    facts.add(new DbCollation(
                            datasource,
                            "database",
                            rs.getString(1),
                            rs.getBoolean(2),
                            SourceRef.db(datasource, "collation")));
                }
            }
        }
        charsets(c, kind, datasource, facts);
    }

    /** The database default and, per table, its text columns grouped by character set and collation. */
    private static void charsets(Connection c, DatabaseProduct kind, String datasource, List<Observation> facts)
            throws SQLException {
        Optional<String> database = script(kind, CHARSET);
        Optional<String> tables = script(kind, TABLE_CHARSETS);
        if (database.isEmpty() || tables.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(database.get())) {
            if (rs.next()) {
                facts.add(new DbDefaultCharset(
                        datasource,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        SourceRef.db(datasource, "information_schema.SCHEMATA")));
            }
        }
        Map<List<String>, List<String>> columns = new LinkedHashMap<>(); // [table, set, collation] -> columns
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(tables.get())) {
            while (rs.next()) {
                columns.computeIfAbsent(
                                List.of(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(3), rs.getString(4)),
                                k -> new ArrayList<>())
                        .add(rs.getString(2).toUpperCase(Locale.ROOT));
            }
        }
        columns.forEach((k, cols) -> facts.add(new DbTableCharset(
                datasource,
                k.get(0),
                k.get(1),
                k.get(2),
                cols,
                SourceRef.db(datasource, "information_schema.COLUMNS/" + k.get(0)))));
    }

    /** The product's query of that name, or empty when the product has none (the check does not apply to it). */
    static Optional<String> script(DatabaseProduct kind, String name) {
        String path = "/sql/assess/" + kind.folder() + "/" + name;
        try (InputStream in = ServerFacts.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(text.lines()
                    .filter(l -> !l.startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n")
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
