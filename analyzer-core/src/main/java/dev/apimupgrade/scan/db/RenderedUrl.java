package dev.apimupgrade.scan.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment.toml datasource URL as the server uses it: the value is rendered into master-datasources.xml
 * ({@code <url>{{database.apim_db.url}}</url>}, master-datasources.xml.j2 line 123 of the 3.0.0 pack), so the XML
 * parser turns "&amp;amp;" into "&amp;" before the driver sees it; real files write
 * {@code ?useSSL=false&amp;amp;autoReconnect=true} for that reason. Connecting and comparing use this form; facts
 * and evidence keep the text as written, and carrying copies the line as written.
 */
public final class RenderedUrl {
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");

    private RenderedUrl() {}

    /** The URL with XML's predefined entities and character references decoded, as the XML parser reads it. */
    public static String of(String configured) {
        if (configured == null || configured.indexOf('&') < 0) {
            return configured;
        }
        Matcher m = ENTITY.matcher(configured);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                entity.startsWith("#x")
                        ? Character.toString(Integer.parseInt(entity.substring(2), 16))
                        : Character.toString(Integer.parseInt(entity.substring(1)));
        };
    }
}
