package dev.apimupgrade.scan.inventory;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One inventory query, from sql/inventory/&lt;dialect&gt;/NN_&lt;item&gt;.sql. Its header says what it reads:
 * {@code -- item: apis}, {@code -- counts: AM_API} (the table whose rows are counted), {@code -- needs: AM_API, ...}
 * (it runs only where all exist) and optionally {@code -- scope: global} (one item for the whole database instead of
 * one per tenant). The first column is the tenant: TENANT_ID (a number) or PROVIDER (a user name, "-AT-domain" for a
 * tenant's); the other columns identify one member.
 */
record InventoryQuery(String file, String item, String table, List<String> needs, boolean global, String sql) {
    /** The queries of one product, in file-name order (the list is a resource: a jar has no directory listing). */
    static List<InventoryQuery> of(DatabaseProduct kind) {
        String folder = "/sql/inventory/" + kind.folder() + "/";
        List<InventoryQuery> out = new ArrayList<>();
        for (String name : read(folder + "queries.txt")
                .orElse("")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            String text = read(folder + name).orElseThrow(() -> new IllegalStateException(folder + name + " missing"));
            out.add(parse(folder.substring(1) + name, text));
        }
        return out;
    }

    static InventoryQuery parse(String file, String text) {
        String item = header(text, "item").orElseThrow(() -> new IllegalStateException(file + ": no -- item:"));
        String table = header(text, "counts").orElseThrow(() -> new IllegalStateException(file + ": no -- counts:"));
        List<String> needs = Arrays.stream(header(text, "needs").orElse(table).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        boolean global = header(text, "scope").map("global"::equals).orElse(false);
        String sql = text.lines()
                .filter(l -> !l.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n")
                .strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        return new InventoryQuery(file, item, table, needs, global, sql);
    }

    private static Optional<String> header(String text, String key) {
        String prefix = "-- " + key + ":";
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip())
                .findFirst();
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = InventoryQuery.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
