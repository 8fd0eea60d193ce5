package dev.apimupgrade.plan;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL the plan runs, read from class-path files sql/&lt;purpose&gt;/&lt;dialect folder&gt;/NN_name.sql (in
 * file-name order) and split into statements; the only SQL not written in those files are identifiers read from
 * database metadata, filled into ${NAME} placeholders and quoted for the dialect.
 */
public final class SqlScripts {
    /** The guide's "Disabling versioning" clean-up, on the registry (shared) database. */
    public static final String REGISTRY_VERSIONING_CLEANUP = "registry-versioning-cleanup";
    /** Step 2.3, the AM database script, without its trailing scope-binding DELETE. */
    public static final String AM_UPGRADE = "am-3.0.0-to-3.1.0";
    /** The DELETE of NULL or empty IDN_OAUTH2_SCOPE_BINDING rows, apart so they can be exported before it runs. */
    public static final String SCOPE_BINDING_CLEANUP = "scope-binding-cleanup";
    /** Step 2.7, reg-index.sql on the shared database. */
    public static final String REG_INDEX = "reg-index";
    /** Step 3.1, the APILASTACCESSSUMMARY primary key on the analytics database. */
    public static final String ANALYTICS_LASTACCESS_PK = "analytics-lastaccess-pk";
    /** Every purpose; each has a script for every dialect. */
    public static final List<String> PURPOSES =
            List.of(REGISTRY_VERSIONING_CLEANUP, AM_UPGRADE, SCOPE_BINDING_CLEANUP, REG_INDEX, ANALYTICS_LASTACCESS_PK);
    /** The identifier of AM_SYSTEM_APPS's UNIQUE(NAME) constraint where the database generated its name. */
    public static final String AM_SYSTEM_APPS_NAME_CONSTRAINT = "AM_SYSTEM_APPS_NAME_CONSTRAINT";

    /** A file every jar that ships scripts holds, so the jar can be found when it has no folder entries. */
    private static final String MARKER = "sql/README.md";

    private static final Pattern FILE_NAME = Pattern.compile("\\d{2}_[a-z0-9_]+\\.sql");

    private SqlScripts() {}

    /** The class-path resources of a purpose for a dialect, in the order they run; none if the folder is absent. */
    public static List<String> files(String purpose, DatabaseProduct dialect) {
        return files(SqlScripts.class.getClassLoader(), purpose, dialect);
    }

    static List<String> files(ClassLoader loader, String purpose, DatabaseProduct dialect) {
        String folder = "sql/" + purpose + "/" + dialect.folder();
        List<String> files = new ArrayList<>();
        for (String name : ClassPathFolder.names(loader, folder, MARKER)) {
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalStateException(folder + "/" + name + " is not named NN_name.sql");
            }
            files.add(folder + "/" + name);
        }
        return files;
    }

    /** Every statement of a purpose for a dialect, placeholders left in place (for review and for tests). */
    public static List<SqlStatement> statements(String purpose, DatabaseProduct dialect) {
        List<String> files = files(purpose, dialect);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no SQL script for " + purpose + " in dialect " + dialect);
        }
        List<SqlStatement> statements = new ArrayList<>();
        for (String file : files) {
            statements.addAll(StatementSplitter.split(file, read(file), dialect.delimiter()));
        }
        return statements;
    }

    /** Every statement of a purpose for a dialect, with each placeholder filled from the identifiers given. */
    public static List<SqlStatement> statements(
            String purpose, DatabaseProduct dialect, Map<String, String> identifiers) {
        return statements(purpose, dialect).stream()
                .map(s -> s.fill(identifiers, dialect))
                .toList();
    }

    /** The text of one resource, as the operator would see it in the runbook. */
    public static String read(String resource) {
        try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
