package dev.apimupgrade.rules;

import dev.apimupgrade.fact.DbDefaultCharset;
import dev.apimupgrade.fact.DbTableCharset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What DB-CHARSET-MISMATCH needs beyond matching: the columns that the foreign keys of the tables the migration scripts
 * create reference (a table created without a character set takes the database default, and MySQL/MariaDB refuse a
 * foreign key between columns of different character sets or collations, errno 150), and the statement that makes the
 * two meet. {@link #REFERENCED} is read from the scripts; CharsetReferencesTest keeps it equal to them.
 */
public final class Charsets {
    static final String STEP1_IDENTITY = "IS 5.10.0 migration dbscripts/step1/identity/mysql.sql";
    static final String STEP1_UM = "IS 5.10.0 migration dbscripts/step1/um/mysql.sql";
    static final String AM_SCRIPT = "AM 3.0.0 to 3.1.0 script (mysql)";

    /** A column of an existing table that a foreign key of a table a migration script creates references. */
    public record Referenced(String table, String column, String script) {
        public String name() {
            return table + "." + column;
        }
    }

    /** Text or not: only text columns have a character set, so an integer here never meets a {@link DbTableCharset}. */
    public static final List<Referenced> REFERENCED = List.of(
            new Referenced("IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", STEP1_IDENTITY),
            new Referenced("IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", STEP1_IDENTITY),
            new Referenced("IDN_OAUTH_CONSUMER_APPS", "CONSUMER_KEY", STEP1_IDENTITY),
            new Referenced("IDN_OAUTH_CONSUMER_APPS", "ID", STEP1_IDENTITY),
            new Referenced("IDN_OAUTH2_SCOPE", "SCOPE_ID", STEP1_IDENTITY),
            new Referenced("IDN_CLAIM", "ID", STEP1_IDENTITY),
            new Referenced("UM_DOMAIN", "UM_DOMAIN_ID", STEP1_UM),
            new Referenced("UM_DOMAIN", "UM_TENANT_ID", STEP1_UM),
            new Referenced("AM_API", "API_ID", AM_SCRIPT));

    private Charsets() {}

    /** Whether a new table's foreign key references one of these columns. */
    public static boolean isReferenced(DbTableCharset t) {
        return REFERENCED.stream().anyMatch(r -> r.table().equals(t.table()) && t.hasColumn(r.column()));
    }

    public static boolean differs(DbTableCharset t, DbDefaultCharset d) {
        return !t.characterSet().equalsIgnoreCase(d.characterSet())
                || !t.collation().equalsIgnoreCase(d.collation());
    }

    /** "IDN_OAUTH2_AUTHORIZATION_CODE.CODE_ID (latin1, latin1_swedish_ci; IS 5.10.0 ... step1/identity/mysql.sql)". */
    public static String referencedPhrase(List<DbTableCharset> off) {
        return off.stream()
                .flatMap(t -> REFERENCED.stream()
                        .filter(r -> r.table().equals(t.table()) && t.hasColumn(r.column()))
                        .map(r -> r.name() + " (" + t.characterSet() + ", " + t.collation() + "; referenced by a table "
                                + r.script() + " creates)"))
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /** "AM_API, IDN_CLAIM and 3 more" for the tables whose text columns are not in the database default. */
    public static String tablesPhrase(List<DbTableCharset> tables) {
        List<String> names =
                tables.stream().map(DbTableCharset::table).distinct().sorted().toList();
        return names.size() <= 8
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
    }

    /**
     * The statement that fixes it: make the character set and collation of the referenced columns the database default,
     * so the tables the scripts create take them (no row changes). Converting the referenced tables instead is refused
     * on MariaDB while a foreign key points at them, even with foreign_key_checks off (ERROR 1833), so it is not
     * offered; when the referenced columns disagree among themselves no default fits them all, and the text says so.
     */
    public static String fix(DbDefaultCharset d, List<DbTableCharset> referenced) {
        List<String> pairs = referenced.stream()
                .map(t -> t.characterSet() + " COLLATE " + t.collation())
                .distinct()
                .sorted()
                .toList();
        if (pairs.size() == 1) {
            return "ALTER DATABASE " + quoted(d.database()) + " CHARACTER SET " + pairs.get(0) + ";";
        }
        return "-- no single statement: the referenced columns are in " + String.join(" and ", pairs)
                + ", and no database default fits them all. Re-create the tables of one of them in the other (dump,"
                + " change the CHARSET of the CREATE TABLE statements, reload), then make that the database default"
                + " with ALTER DATABASE " + quoted(d.database()) + " CHARACTER SET ... COLLATE ...;";
    }

    private static String quoted(String identifier) {
        return "`" + Objects.requireNonNull(identifier).replace("`", "``") + "`";
    }
}
