package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.SecretMask;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one datasource: its toml name, the URL as configured, the URL to connect to (H2: the resolved file
 * path, its options stripped), the user and the password. {@code problem} is set when it cannot be tried (a
 * $secret{} password nobody supplied). Holds a secret, so it is never a fact and never prints its password.
 */
public record DatasourceSpec(
        String name,
        String configuredUrl,
        String connectUrl,
        String user,
        @Nullable String password,
        Optional<String> problem,
        SourceRef source) {
    /** SQL Server names the database in an option (";databaseName=APIM"), not in the path. */
    private static final Pattern SQLSERVER_DATABASE = Pattern.compile("(?i);database(?:Name)?=([^;]+)");

    public Optional<DatabaseProduct> kind() {
        return DatabaseProduct.of(connectUrl);
    }

    /** Host and database (or the H2 file) as a reason may name them: no user, no password, no URL options. */
    public String target() {
        String url = SecretMask.jdbcUrl(configuredUrl);
        int options = indexOfAny(url, ";?");
        String bare = options < 0 ? url : url.substring(0, options);
        int at = bare.lastIndexOf('@');
        int slashes = bare.indexOf("//");
        if (at >= 0 || slashes >= 0) {
            // DB2 appends properties to the database name after a colon ("/APIM:user=db2;").
            String hostAndDb = bare.substring(Math.max(at, slashes + 1) + 1)
                    .replaceFirst("^//", "")
                    .replaceFirst("(/[^:]*):.*$", "$1");
            Matcher db = SQLSERVER_DATABASE.matcher(url);
            return db.find() ? hostAndDb + "/" + db.group(1) : hostAndDb;
        }
        int colon = bare.indexOf(':', "jdbc:".length());
        return colon < 0 ? bare : bare.substring(colon + 1);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "DatasourceSpec[" + name + " " + SecretMask.jdbcUrl(configuredUrl) + "]";
    }
}
