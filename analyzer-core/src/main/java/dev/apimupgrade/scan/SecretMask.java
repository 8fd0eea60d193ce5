package dev.apimupgrade.scan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of facts: values of secret-looking keys become "****" (a $secret{alias} reference is kept, it is
 * not the secret), and credentials inside JDBC URLs are masked.
 */
public final class SecretMask {
    public static final String MASK = "****";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|credential|private_key|client_secret|token|api_key|key_password|storepass|keypass).*");
    private static final Pattern SECRET_REF = Pattern.compile("\\$secret\\{[^}]*}");
    private static final Pattern URL_PARAM = Pattern.compile("(?i)((?:password|passwd|pwd|user|username)=)([^;&]*)");
    private static final Pattern URL_USERINFO = Pattern.compile("(//)([^/@]+)@");
    /** Oracle's thin driver takes "user/password@" right after the subprotocol, with no "//" before it. */
    private static final Pattern ORACLE_USERINFO = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:)([^@:/]+/[^@]*)@");

    /** What names a secret in XML: an attribute or element name, or the name="..." of a property or parameter. */
    private static final String XML_SECRET_NAME =
            "[\\w.:-]*(?:password|passwd|secret|credential|token|api[_-]?key)[\\w.:-]*";

    private static final List<Pattern> XML_SECRETS = List.of(
            // an attribute named like a secret: password="..."
            Pattern.compile("(?i)(\\b" + XML_SECRET_NAME + "\\s*=\\s*[\"'])([^\"']*)([\"'])"),
            // an element named like a secret: <password>...</password>
            Pattern.compile("(?i)(<(" + XML_SECRET_NAME + ")(?:\\s[^>]*)?>)([^<]*)(</\\2>)"),
            // <property name="...password..." value="..."/> and <parameter name="...token...">...</parameter>
            Pattern.compile(
                    "(?i)(\\bname\\s*=\\s*\"[^\"]*(?:password|passwd|secret|credential|token|api[_-]?key|authorization)"
                            + "[^\"]*\"[^>]*?\\bvalue\\s*=\\s*\")([^\"]*)(\")"),
            Pattern.compile(
                    "(?i)(<[\\w.:-]+\\s[^>]*\\bname\\s*=\\s*\"[^\"]*(?:password|passwd|secret|credential|token|api[_-]?key)"
                            + "[^\"]*\"[^>/]*>)([^<]+)(<)"),
            // HTTP credentials written out: Basic dXNlcjpwYXNz, Bearer eyJ...
            Pattern.compile("(?i)(\\b(?:Basic|Bearer)\\s+)([A-Za-z0-9+/._~-]{6,}=*)()"));

    /** Anywhere in a line of text: a JDBC URL, up to the first blank or quote. */
    private static final Pattern JDBC_URL_IN_TEXT = Pattern.compile("jdbc:[^\\s\"'<>]+");
    /** Anywhere in a line of text: a secret-named key with its value, "password = x", "keyPassword: x", "pwd=x". */
    private static final Pattern SECRET_PAIR_IN_TEXT = Pattern.compile(
            "(?i)([\\w.-]*(?:password|passwd|pwd|secret|credential|private_key|token|api_key|storepass|keypass)"
                    + "[\\w.-]*\"?\\s*[=:]\\s*\"?)([^\\s\",;&]+)");

    private SecretMask() {}

    /**
     * Free text (a log line, a message) with the secrets it may carry masked: credentials in any JDBC URL, the value
     * after any secret-named key ({@code password = "x"}, {@code keyPassword: x}) and secret XML values.
     */
    public static String inText(String text) {
        Matcher urls = JDBC_URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (urls.find()) {
            urls.appendReplacement(out, Matcher.quoteReplacement(jdbcUrl(urls.group())));
        }
        urls.appendTail(out);
        Matcher pairs = SECRET_PAIR_IN_TEXT.matcher(out.toString());
        StringBuilder masked = new StringBuilder();
        while (pairs.find()) {
            String value = pairs.group(2);
            boolean kept = value.equals(MASK) || SECRET_REF.matcher(value).matches() || value.startsWith("$");
            pairs.appendReplacement(masked, Matcher.quoteReplacement(pairs.group(1) + (kept ? value : MASK)));
        }
        pairs.appendTail(masked);
        return xml(masked.toString());
    }

    /**
     * XML text (a synapse file, or a diff of one) with the values of secret-looking attributes, elements, named
     * properties and written-out HTTP credentials masked; a Secure Vault lookup expression is kept, it is no secret.
     */
    public static String xml(String text) {
        String masked = text;
        for (Pattern p : XML_SECRETS) {
            Matcher m = p.matcher(masked);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = m.group(m.groupCount() == 4 ? 3 : 2);
                // blank text is no value (the indentation between a secret-named element's children)
                String kept = value.contains("vault-lookup") || value.equals(MASK) || value.isBlank() ? value : MASK;
                String replacement =
                        m.groupCount() == 4 ? m.group(1) + kept + m.group(4) : m.group(1) + kept + m.group(3);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            masked = out.toString();
        }
        return masked;
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** The form of a toml value safe to keep in a fact. */
    public static String value(String key, String value) {
        if (value == null) {
            return "";
        }
        if (isSecretKey(key)) {
            return SECRET_REF.matcher(value).matches() ? value : MASK;
        }
        return key.toLowerCase(Locale.ROOT).endsWith("url") ? jdbcUrl(value) : value;
    }

    /** A JDBC URL with user names and passwords masked, wherever the driver lets them hide. */
    public static String jdbcUrl(String url) {
        String masked = URL_PARAM.matcher(url).replaceAll("$1" + MASK);
        masked = ORACLE_USERINFO.matcher(masked).replaceAll("$1" + MASK + "@");
        return URL_USERINFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }
}
