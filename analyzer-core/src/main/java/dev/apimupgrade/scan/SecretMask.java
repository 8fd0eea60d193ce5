package dev.apimupgrade.scan;

import java.util.Locale;
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
    private static final Pattern URL_PARAM = Pattern.compile(
            "(?i)((?:password|passwd|pwd|user|username)=)([^;&]*)");
    private static final Pattern URL_USERINFO = Pattern.compile("(//)([^/@]+)@");
    /** Oracle's thin driver takes "user/password@" right after the subprotocol, with no "//" before it. */
    private static final Pattern ORACLE_USERINFO = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:)([^@:/]+/[^@]*)@");

    private SecretMask() {
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
