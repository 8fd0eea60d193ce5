package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.scan.SecretMask;
import dev.apimupgrade.scan.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new home's repository/conf/deployment.toml as the TOML executors read, preview and write it: the edit itself is
 * TomlEdit's (comments and other lines kept); previews are unified diffs with every secret-looking value masked.
 */
final class DeploymentToml {
    static final String PATH = "repository/conf/deployment.toml";
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(\\s*[+\\- ]?\\s*)([A-Za-z0-9_.\"'-]+)(\\s*=\\s*)(.*)$");

    private DeploymentToml() {}

    static String read(CheckContext ctx, Role role) throws IOException {
        return Files.readString(file(ctx, role), StandardCharsets.UTF_8);
    }

    static Path file(CheckContext ctx, Role role) {
        return ctx.homes().resolve(role, PATH);
    }

    /** Saves the file, then replaces it with the edited text in one rename. */
    static void write(String stepId, ApplyContext ctx, String text) throws IOException {
        ctx.backup().save(stepId, Role.NEW, PATH);
        AtomicFiles.write(file(ctx.check(), Role.NEW), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The change as a unified diff of the new home's file, secrets masked so the preview can be shown and kept. */
    static List<String> diff(String before, String after) {
        String diff = UnifiedDiff.of("NEW:" + PATH, masked(before), "NEW:" + PATH + " (after)", masked(after), 200);
        return List.of(diff.split("\n"));
    }

    private static String masked(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = ASSIGNMENT.matcher(line);
            out.add(
                    m.matches() && SecretMask.isSecretKey(m.group(2))
                            ? m.group(1) + m.group(2) + m.group(3) + "\"" + SecretMask.MASK + "\""
                            : line);
        }
        return String.join("\n", out);
    }
}
