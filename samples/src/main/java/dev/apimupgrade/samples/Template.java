package dev.apimupgrade.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text resource of this package with {@code @@name@@} placeholders. The marker is not ${...} because the files it
 * fills (deployment.toml, carbon.xml) use ${...} themselves; an unfilled placeholder is a build error, never output.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Za-z0-9_.]+)@@");

    private Template() {}

    /** The resource's text, as written. */
    static String text(String resource) {
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource's text with every placeholder replaced from {@code values}. */
    static String fill(String resource, Map<String, String> values) {
        return fillText(resource, text(resource), values);
    }

    static String fillText(String name, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(name + " names @@" + m.group(1) + "@@, which has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
