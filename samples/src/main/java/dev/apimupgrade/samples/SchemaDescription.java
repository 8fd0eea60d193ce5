package dev.apimupgrade.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of one WSO2 database as the samples describe it (resources {@code schema/<script>-<version>.txt}, derived
 * from WSO2's H2 scripts by SchemaDescriptionsTest), rendered as the H2 statements that create it, so a sample database
 * holds the complete schema of its version without a WSO2 script in the project.
 *
 * <p>The text: {@code TABLE <name>}, then indented lines of that table, in this order: {@code COLUMN <name> <type>
 * [DEFAULT <expression>] [NOT NULL] [AUTO_INCREMENT]}, its keys as SQL table constraints ({@code PRIMARY KEY (..)},
 * {@code UNIQUE (..)}, {@code FOREIGN KEY (..) REFERENCES ..}, each with {@code CONSTRAINT <name>} first when the script
 * names it), {@code INDEX <name> (<columns>)} or {@code UNIQUE INDEX ..}, and {@code ROW (<values>)} for each row the
 * script inserts, its values in column order. Lines starting with # are comments.
 */
final class SchemaDescription {
    private final String name;
    private final Map<String, Table> tables;

    private record Table(
            List<String> columns,
            List<String> keys,
            List<String> foreignKeys,
            List<String> indexes,
            List<String> rows) {
        Table() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private SchemaDescription(String name, Map<String, Table> tables) {
        this.name = name;
        this.tables = tables;
    }

    /** The description in resource {@code resource} of this package. */
    static SchemaDescription of(String resource) {
        return parse(resource, Template.text(resource));
    }

    static SchemaDescription parse(String name, String text) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Table table = null;
        int number = 0;
        for (String raw : text.lines().toList()) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("TABLE ")) {
                table = new Table();
                if (tables.put(line.substring("TABLE ".length()).strip(), table) != null) {
                    throw new IllegalStateException(name + ":" + number + ": table described twice: " + line);
                }
            } else if (table == null) {
                throw new IllegalStateException(name + ":" + number + ": a line before the first TABLE: " + line);
            } else {
                add(table, line);
            }
        }
        return new SchemaDescription(name, tables);
    }

    private static void add(Table table, String line) {
        if (line.startsWith("COLUMN ")) {
            table.columns().add(line.substring("COLUMN ".length()));
        } else if (line.startsWith("ROW ")) {
            table.rows().add(line.substring("ROW ".length()));
        } else if (line.startsWith("INDEX ") || line.startsWith("UNIQUE INDEX ")) {
            table.indexes().add(line);
        } else if (line.contains("FOREIGN KEY ")) {
            table.foreignKeys().add(line);
        } else {
            table.keys().add(line);
        }
    }

    /** The table names, in the order described. */
    List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    /**
     * The statements that create the schema on H2: the tables with their keys, then the foreign keys (so the order
     * of the tables does not matter), the indexes, and the rows.
     */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        tables.forEach((table, t) -> {
            List<String> body = new ArrayList<>();
            t.columns().forEach(c -> body.add("    " + c));
            t.keys().forEach(k -> body.add("    " + k));
            out.add("CREATE TABLE " + table + " (\n" + String.join(",\n", body) + "\n)");
        });
        tables.forEach((table, t) -> t.foreignKeys().forEach(k -> out.add("ALTER TABLE " + table + " ADD " + k)));
        tables.forEach((table, t) -> t.indexes().forEach(i -> out.add(index(table, i))));
        tables.forEach((table, t) -> t.rows()
                .forEach(r -> out.add("INSERT INTO " + table + " ("
                        + String.join(
                                ", ",
                                t.columns().stream()
                                        .map(c -> c.substring(0, c.indexOf(' ')))
                                        .toList()) + ") VALUES " + r)));
        if (out.isEmpty()) {
            throw new IllegalStateException(name + " describes no table");
        }
        return out;
    }

    /** "INDEX IDX_TC (TIME_CREATED)" of table T as "CREATE INDEX IDX_TC ON T (TIME_CREATED)". */
    private static String index(String table, String line) {
        int open = line.indexOf(" (");
        return "CREATE " + line.substring(0, open) + " ON " + table + line.substring(open);
    }
}
