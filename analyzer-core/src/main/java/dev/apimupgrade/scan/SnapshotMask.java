package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Role;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks the secrets of a file a snapshot carries, as the facts mask them ({@link SecretMask}): the value of every
 * secret-looking key of a TOML, properties or YAML line, of a secret-looking XML attribute, element or named property,
 * of a quoted {@code password='...'} anywhere (a Siddhi sink), and the credentials inside a JDBC URL. A Secure Vault
 * reference is kept: it is no secret. Binary files (jars) are carried as they are.
 */
final class SnapshotMask {
    /** A key = value or key: value line; group 3 is the value as written. */
    private static final Pattern LINE =
            Pattern.compile("(?m)^([ \\t]*[\"']?([\\w.\\-]+)[\"']?[ \\t]*[=:][ \\t]*)([^\\r\\n]*?)([ \\t]*)$");

    /** A quoted secret inside a line: password = 'x', password="x" (TOML inline tables, Siddhi annotations). */
    private static final Pattern INLINE = Pattern.compile(
            "(?i)(\\b[\\w.\\-]*(?:password|passwd|secret|credential|token|api_key|storepass|keypass)[\\w.\\-]*[\"']?"
                    + "\\s*[=:]\\s*)([\"'])((?:(?!\\2).)*)(\\2)");

    private static final Pattern JDBC = Pattern.compile("jdbc:[^\\s\"'<>]+");

    /** The digests of the stock 3.0.0 synapse files and execution plans. */
    private static final Set<String> STOCK =
            Set.copyOf(StockFiles.stock().hashes().values());

    private SnapshotMask() {}

    /** The content as the snapshot carries it: the same array when nothing was masked. */
    static byte[] mask(String relativePath, byte[] content) {
        String text = text(content);
        // a file byte for byte as the 3.0.0 pack ships it holds nothing of the operator's (and its digest is what
        // the scanners compare with the stock list)
        if (text == null || STOCK.contains(FileDigest.sha256(content))) {
            return content;
        }
        String name = relativePath.toLowerCase(Locale.ROOT);
        // where a bare value is typed, a masked one is written as a quoted string so the file still parses
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".toml");
        Set<Integer> stockLines = relativePath.equals(TomlFile.PATH) ? stockSecretLines(text) : Set.of();
        String masked = name.endsWith(".xml") || name.endsWith(".xslt") ? SecretMask.xml(text) : text;
        masked = lines(masked, yaml, stockLines);
        masked = inline(masked, stockLines);
        masked = replaceAll(JDBC, masked, m -> SecretMask.jdbcUrl(m.group()));
        return masked.equals(text) ? content : masked.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The lines of deployment.toml whose secret-named key holds the value the stock 3.0.0 file gives it (the public
     * default "wso2carbon" of the keystores, say): no secret of the operator's, and kept so the comparison with the
     * stock file and the keystore findings read the same from the snapshot as from the home.
     */
    private static Set<Integer> stockSecretLines(String text) {
        try {
            Map<String, String> stock = StockToml.stock().hashes();
            Set<Integer> out = new HashSet<>();
            for (TomlFile.Leaf leaf : TomlFile.parse(Role.OLD, text).leaves()) {
                if (SecretMask.isSecretKey(leaf.name())
                        && StockToml.hash(leaf.value()).equals(stock.get(leaf.key()))) {
                    out.add(leaf.line());
                }
            }
            return out;
        } catch (InputException e) {
            return Set.of(); // a file the scanners cannot read is masked line by line all the same
        }
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String lines(String text, boolean yaml, Set<Integer> stockLines) {
        return replaceAll(LINE, text, m -> {
            if (!SecretMask.isSecretKey(m.group(2)) || stockLines.contains(lineAt(text, m.start(2)))) {
                return m.group();
            }
            String value = m.group(3);
            String kept = masked(value, yaml);
            return m.group(1) + kept + m.group(4);
        });
    }

    /** A written value masked, its quotes kept; a Secure Vault reference or an empty value is kept as it is. */
    private static String masked(String value, boolean yaml) {
        String v = value.strip();
        // a boolean is no secret (show_as_token_endpoint_url = true), and a table or list is masked key by key
        if (v.isEmpty()
                || v.contains("$secret{")
                || v.startsWith("{")
                || v.startsWith("[")
                || v.equals("true")
                || v.equals("false")) {
            return value;
        }
        char first = v.charAt(0);
        if ((first == '"' || first == '\'') && v.length() >= 2) {
            int end = v.indexOf(first, 1);
            String inner = end < 0 ? v.substring(1) : v.substring(1, end);
            if (inner.isEmpty() || inner.equals(SecretMask.MASK)) {
                return value;
            }
            String rest = end < 0 ? "" : v.substring(end + 1);
            return first + SecretMask.MASK + first + rest;
        }
        if (v.equals(SecretMask.MASK) || v.equals("\"" + SecretMask.MASK + "\"")) {
            return value;
        }
        // bare asterisks would be a YAML alias and no TOML value: quote them there
        return yaml ? "\"" + SecretMask.MASK + "\"" : SecretMask.MASK;
    }

    private static String inline(String text, Set<Integer> stockLines) {
        return replaceAll(INLINE, text, m -> {
            String value = m.group(3);
            boolean kept = value.isEmpty()
                    || value.contains("$secret{")
                    || value.contains("vault-lookup")
                    || stockLines.contains(lineAt(text, m.start()));
            return m.group(1) + m.group(2) + (kept ? value : SecretMask.MASK) + m.group(4);
        });
    }

    private static String replaceAll(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The content as UTF-8 text, or null for a binary file (a NUL byte, or not UTF-8). */
    private static @Nullable String text(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
