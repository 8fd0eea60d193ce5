package dev.apimupgrade.scan;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The types of the deployment.toml keys the tool interprets (datasources, keystores, Secure Vault), checked once
 * after parsing: {@code url = 42} or {@code [database.apim_db]} given as a string is an input error naming the file,
 * the key and its line, instead of a type exception deep in a scanner or a datasource silently left out.
 */
final class TomlShape {
    private static final List<String> DATASOURCE_STRINGS =
            List.of("type", "url", "driver", "driverClassName", "username", "password", "validationQuery");
    private static final List<String> POOL_STRINGS = List.of("driver", "driverClassName", "validationQuery");
    private static final List<String> KEYSTORE_STRINGS = List.of("file_name", "type", "password", "alias");
    /** Tables whose named keys must be strings; keystore.* and truststore are read by KeystoreConfig. */
    private static final List<List<String>> KEYSTORE_TABLES = List.of(
            List.of("keystore", "primary"),
            List.of("keystore", "internal"),
            List.of("keystore", "tls"),
            List.of("truststore"));

    private TomlShape() {}

    static void check(TomlTable root, String shownAs) throws InputException {
        requireTable(root, List.of("keystore"), shownAs);
        for (List<String> keystore : KEYSTORE_TABLES) {
            if (requireTable(root, keystore, shownAs)) {
                requireStrings(root, keystore, KEYSTORE_STRINGS, shownAs);
            }
        }
        if (requireTable(root, List.of(DeploymentTomlScanner.SECRETS), shownAs)) {
            TomlTable secrets = root.getTable(DeploymentTomlScanner.SECRETS);
            requireStrings(root, List.of(DeploymentTomlScanner.SECRETS), List.copyOf(secrets.keySet()), shownAs);
        }
        if (requireTable(root, List.of("database"), shownAs)) {
            for (String name : root.getTable("database").keySet()) {
                List<String> ds = List.of("database", name);
                if (!root.isTable(ds)) {
                    throw wrongType(root, ds, "a table of datasource settings ([database." + name + "])", shownAs);
                }
                requireStrings(root, ds, DATASOURCE_STRINGS, shownAs);
                List<String> pool = append(ds, "pool_options");
                if (requireTable(root, pool, shownAs)) {
                    requireStrings(root, pool, POOL_STRINGS, shownAs);
                }
            }
        }
    }

    /** True when the table is there; false when absent; an input error when the key holds something else. */
    private static boolean requireTable(TomlTable root, List<String> path, String shownAs) throws InputException {
        if (!root.contains(path)) {
            return false;
        }
        if (!root.isTable(path)) {
            throw wrongType(root, path, "a table", shownAs);
        }
        return true;
    }

    private static void requireStrings(TomlTable root, List<String> table, List<String> keys, String shownAs)
            throws InputException {
        for (String key : keys) {
            List<String> path = append(table, key);
            if (root.contains(path) && !root.isString(path)) {
                throw wrongType(root, path, "a string", shownAs);
            }
        }
    }

    private static InputException wrongType(TomlTable root, List<String> path, String expected, String shownAs) {
        TomlPosition at = root.inputPositionOf(path);
        return new InputException(
                shownAs,
                at == null ? 0 : at.line(),
                "'" + String.join(".", path) + "' must be " + expected + ", not " + typeOf(root.get(path)));
    }

    static String typeOf(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        if (value instanceof Double) {
            return "a float";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof TomlArray) {
            return "an array";
        }
        if (value instanceof TomlTable) {
            return "a table";
        }
        return "a date or time";
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }
}
