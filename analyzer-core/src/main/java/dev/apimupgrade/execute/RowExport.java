package dev.apimupgrade.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.FormatVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rows of one export query, read inside the script's own transaction, as JSON lines under the run folder:
 * a header line (formatVersion, the query and the column names) then one object a row, values as text and SQL NULL as null, so the
 * file says exactly what was there; the journal records it with its SHA-256.
 */
final class RowExport {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RowExport() {}

    /** Takes each export in turn, inside the caller's transaction when there is one. */
    static void writeAll(Connection c, PlanStep step, List<ScriptEffects.Export> exports, ApplyContext ctx)
            throws SQLException, IOException {
        for (ScriptEffects.Export x : exports) {
            write(c, step, x, ctx);
        }
    }

    /** Where an export of a step lies, relative to the run folder: exports/&lt;step&gt;/&lt;file&gt;. */
    static String path(PlanStep step, ScriptEffects.Export x) {
        return "exports/" + step.id().replaceAll("[^A-Za-z0-9._-]", "_") + "/" + x.file();
    }

    /** Rows fetched from the server at a time: an export of a million rows streams to its file in flat memory. */
    static final int FETCH_SIZE = 1_000;

    static void write(Connection c, PlanStep step, ScriptEffects.Export x, ApplyContext ctx)
            throws SQLException, IOException {
        String rel = path(step, x);
        Path file = ctx.folder().root().resolve(rel);
        Files.createDirectories(file.getParent());
        int[] rows = {0};
        String sha256;
        try (Statement st = c.createStatement()) {
            // PostgreSQL streams with a fetch size only inside a transaction, which is where exports are read
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet r = st.executeQuery(x.query())) {
                sha256 = AtomicFiles.writeStreamed(file, out -> rows[0] = lines(r, x, out));
            } catch (SqlFailure e) {
                throw (SQLException) e.getCause();
            }
        }
        ctx.journal().append(JournalRecord.export(step.id(), rel, sha256, rows[0] + " row(s)"));
    }

    /** The header line then one line a row; returns the number of rows. */
    private static int lines(ResultSet r, ScriptEffects.Export x, OutputStream out) throws IOException {
        try {
            ResultSetMetaData md = r.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i));
            }
            Map<String, Object> header = new LinkedHashMap<>();
            header.put(FormatVersion.FIELD, FormatVersion.CURRENT);
            header.put("query", x.query());
            header.put("columns", columns);
            line(out, header);
            int rows = 0;
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.put(columns.get(i - 1), r.getString(i));
                }
                line(out, row);
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** An SQL failure carried through the file writer, unwrapped again by {@link #write}. */
    private static final class SqlFailure extends IOException {
        SqlFailure(SQLException cause) {
            super(cause);
        }
    }

    private static void line(OutputStream out, Map<String, Object> value) throws IOException {
        out.write(JSON.writeValueAsBytes(value));
        out.write('\n');
    }
}
