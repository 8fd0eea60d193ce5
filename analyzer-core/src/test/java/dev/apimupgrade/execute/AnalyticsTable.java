package dev.apimupgrade.execute;

import dev.apimupgrade.plan.TestDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APILASTACCESSSUMMARY as the real 3.0.0 analytics worker creates it: read from the Siddhi app in the reference folder
 * (its {@code define table ApiLastAccessSummary} and {@code @primaryKey}), with the RDBMS store's mapping (string to
 * VARCHAR(254), long to BIGINT, the table named in capitals). The table has no shipped SQL schema.
 */
final class AnalyticsTable {
    static final String SIDDHI = "apim-analytics-3.0.0/wso2/worker/deployment/siddhi-files/APIM_ACCESS_SUMMARY.siddhi";
    private static final Pattern TABLE = Pattern.compile(
            "@primaryKey\\(([^)]*)\\)\\s*define\\s+table\\s+" + "(ApiLastAccessSummary)\\s*\\(([^)]*)\\)");

    private AnalyticsTable() {}

    static String createTable300() throws IOException {
        Matcher m = TABLE.matcher(TestDatabase.reference(SIDDHI));
        if (!m.find()) {
            throw new IllegalStateException(SIDDHI + " no longer defines ApiLastAccessSummary with a @primaryKey");
        }
        List<String> columns = new ArrayList<>();
        for (String attribute : m.group(3).split(",")) {
            String[] nameType = attribute.strip().split("\\s+");
            columns.add(upper(nameType[0]) + " "
                    + switch (nameType[1]) {
                        case "string" -> "VARCHAR(254)";
                        case "long" -> "BIGINT";
                        case "int" -> "INTEGER";
                        default -> throw new IllegalStateException("no column type for Siddhi type " + nameType[1]);
                    });
        }
        List<String> key = new ArrayList<>();
        for (String k : m.group(1).split(",")) {
            key.add(upper(k.strip().replace("'", "")));
        }
        return "CREATE TABLE " + upper(m.group(2)) + " (" + String.join(", ", columns) + ", PRIMARY KEY ("
                + String.join(", ", key) + "))";
    }

    /** A row of the table, in the Siddhi definition's column order. */
    static String insert(String api, String version) {
        return "INSERT INTO APILASTACCESSSUMMARY VALUES ('/" + api.toLowerCase(Locale.ROOT) + "', '" + api + "', '"
                + version + "', 'admin', 'carbon.super', 'admin', 1590000000000)";
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
