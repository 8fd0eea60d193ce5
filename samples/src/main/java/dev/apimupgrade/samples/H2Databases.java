package dev.apimupgrade.samples;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates the H2 1.4.199 databases of a sample home (repository/database/NAME.mv.db) from our schema descriptions and
 * seed resources, and shuts each down so its file is complete when the build moves on.
 */
final class H2Databases {
    static final String USER = "wso2carbon";
    static final String DATABASE_DIR = "repository/database";
    /** Where the schema descriptions are: the complete schema of each WSO2 script the samples use, per version. */
    static final String SCHEMA = "schema/";

    private H2Databases() {}

    /**
     * Creates database {@code name} in {@code home} with {@code password}, running {@code scripts} (resource names)
     * in order: a schema description ({@value #SCHEMA}...) as the statements it renders to, any other script with its
     * placeholders filled from {@code values}.
     */
    static void create(Path home, String name, String password, Map<String, String> values, String... scripts) {
        create(home, DATABASE_DIR, name, password, values, scripts);
    }

    /** As above, in another folder of the home (an analytics worker keeps its databases in wso2/worker/database). */
    static void create(
            Path home, String dir, String name, String password, Map<String, String> values, String... scripts) {
        Path file = home.resolve(dir).resolve(name).toAbsolutePath();
        String url = "jdbc:h2:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, USER, password);
                Statement s = c.createStatement()) {
            for (String script : scripts) {
                List<String> statements = script.startsWith(SCHEMA)
                        ? SchemaDescription.of(script).statements()
                        : statements(Template.fill(script, values));
                for (String sql : statements) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new IllegalStateException(script + ": " + e.getMessage(), e);
                    }
                }
            }
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** The statements of a script: comment lines dropped, split at a ';' that ends a line (no data holds one). */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("script ends without ';': " + current);
        }
        return out;
    }
}
