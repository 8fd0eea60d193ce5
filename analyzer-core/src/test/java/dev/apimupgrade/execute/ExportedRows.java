package dev.apimupgrade.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as the exports hold them (column to text, SQL NULL as null), read from a database or from an export file, so
 * a test can say "the exported rows are exactly the rows that disappeared".
 */
final class ExportedRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportedRows() {}

    static List<Map<String, String>> query(Connection c, String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet r = st.executeQuery(sql)) {
            ResultSetMetaData md = r.getMetaData();
            while (r.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i), r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows of an export file (its header line left out). */
    static List<Map<String, String>> read(Path export) throws IOException {
        List<String> lines = Files.readAllLines(export);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(line).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The rows of {@code before} no longer in {@code after}: what a script deleted. */
    static List<Map<String, String>> gone(List<Map<String, String>> before, List<Map<String, String>> after) {
        List<Map<String, String>> gone = new ArrayList<>(before);
        gone.removeAll(after);
        return gone;
    }
}
