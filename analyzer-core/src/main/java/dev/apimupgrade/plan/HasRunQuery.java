package dev.apimupgrade.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The read-only query that tells whether a script has run on a database, per purpose and dialect folder
 * (sql/has-run/&lt;purpose&gt;/&lt;folder&gt;/has-run.sql): it returns 0 once the script's post-condition holds. The
 * runbook prints it beside a script step planned from the URL alone, where no database was read to decide.
 */
public final class HasRunQuery {
    static final String FOLDER = "has-run";

    private HasRunQuery() {}

    /** The query without its comment lines, or empty when the purpose has none for that dialect. */
    public static Optional<String> of(String purpose, String dialectFolder) {
        String path = "/sql/" + FOLDER + "/" + purpose + "/" + dialectFolder + "/has-run.sql";
        try (InputStream in = HasRunQuery.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
