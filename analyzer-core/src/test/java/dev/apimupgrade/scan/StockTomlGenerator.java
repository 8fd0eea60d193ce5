package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the embedded stock-3.0.0-deployment-toml.txt from a GA 3.0.0 deployment.toml (run once by hand:
 * args = that file, the resource to write); StockTomlTest checks the embedded resource still matches.
 */
final class StockTomlGenerator {
    static final String HEADER =
            "# Derived from the APIM 3.0.0 GA repository/conf/deployment.toml: SHA-256 of each leaf value"
                    + " (as TomlFile renders it), then its dotted key. Hashes only; regenerate with StockTomlGenerator.";

    private StockTomlGenerator() {}

    static List<String> resourceLines(Path stockToml) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(StockToml.describe(TomlFile.parse(Role.OLD, Files.readString(stockToml, StandardCharsets.UTF_8))));
        return lines;
    }

    public static void main(String[] args) throws Exception {
        Files.write(Path.of(args[1]), resourceLines(Path.of(args[0])), StandardCharsets.UTF_8);
    }
}
