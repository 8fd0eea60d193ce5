package dev.apimupgrade.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundle's Import-Package header read against what 3.1.0 exports for the three component families docs/facts.md section
 * 1 names: carbon-apimgt (6.5.349 to 6.6.163), the carbon kernel packages (4.5.1 to 4.6.0) and the identity
 * framework (5.14.97 to 5.17.5). A package is taken to be exported at its component's version; packages of other
 * components (other org.wso2.carbon.identity.* ones among them) are not judged, as the tool does not know their 3.1.0
 * versions.
 */
public final class OsgiImports {
    /** One imported package and the version range it accepts ({@link OsgiVersionRange#ANY} without a version). */
    public record Import(String packageName, OsgiVersionRange range) {}

    /** A family of packages: their prefixes and the versions 3.0.0 and 3.1.0 export them at. */
    record Family(String name, List<String> prefixes, String v300, String v310) {
        boolean owns(String pkg) {
            return prefixes.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
        }
    }

    static final List<Family> FAMILIES = List.of(
            new Family("carbon-apimgt", List.of("org.wso2.carbon.apimgt"), "6.5.349", "6.6.163"),
            new Family(
                    "carbon-kernel",
                    List.of(
                            "org.wso2.carbon.core",
                            "org.wso2.carbon.utils",
                            "org.wso2.carbon.base",
                            "org.wso2.carbon.context",
                            "org.wso2.carbon.user.core",
                            "org.wso2.carbon.user.api"),
                    "4.5.1",
                    "4.6.0"),
            // Only the framework's own packages: org.wso2.carbon.identity.oauth2 and the other inbound, governance and
            // authenticator packages come from components with versions of their own (6.x for OAuth, say).
            new Family(
                    "carbon-identity-framework",
                    List.of(
                            "org.wso2.carbon.identity.core",
                            "org.wso2.carbon.identity.base",
                            "org.wso2.carbon.identity.application.common",
                            "org.wso2.carbon.identity.application.mgt",
                            "org.wso2.carbon.identity.application.authentication.framework",
                            "org.wso2.carbon.identity.claim.metadata.mgt",
                            "org.wso2.carbon.identity.user.store.configuration",
                            "org.wso2.carbon.identity.user.profile.mgt",
                            "org.wso2.carbon.identity.mgt",
                            "org.wso2.carbon.identity.entitlement",
                            "org.wso2.carbon.identity.workflow.mgt",
                            "org.wso2.carbon.identity.event",
                            "org.wso2.carbon.idp.mgt"),
                    "5.14.97",
                    "5.17.5"));
    private static final Pattern VERSION = Pattern.compile("(?:^|;)\\s*version\\s*=\\s*(\"[^\"]*\"|[^;]*)");

    private OsgiImports() {}

    /** The imports of a header, one per package (a clause may name several packages sharing its attributes). */
    public static List<Import> parse(String header) {
        List<Import> out = new ArrayList<>();
        for (String clause : split(header == null ? "" : header, ',')) {
            List<String> parts = split(clause, ';');
            OsgiVersionRange range = OsgiVersionRange.ANY;
            Matcher m = VERSION.matcher(clause);
            if (m.find()) {
                range = OsgiVersionRange.parse(m.group(1).replace("\"", ""));
            }
            for (String part : parts) {
                String p = part.strip();
                if (!p.isEmpty() && !p.contains("=")) {
                    out.add(new Import(p, range));
                }
            }
        }
        return out;
    }

    /**
     * What 3.1.0 cannot satisfy: for each import of a judged family whose range excludes the 3.1.0 version,
     * "package range (3.1.0 exports V)". A header that cannot be parsed gives one line saying so.
     */
    public static List<String> excludedBy310(String header) {
        List<String> out = new ArrayList<>();
        try {
            for (Import i : parse(header)) {
                for (Family f : FAMILIES) {
                    if (f.owns(i.packageName()) && !i.range().includes(f.v310())) {
                        out.add(i.packageName() + " " + i.range() + " (3.1.0 " + f.name() + " exports " + f.v310()
                                + ")");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            out.add("Import-Package cannot be read: " + e.getMessage());
        }
        return out;
    }

    /** Splits on a separator outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}
