package dev.apimupgrade.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the version markers of each home (carbon.xml, updates/product.txt, the carbon-apimgt bundle in plugins) and
 * its WUM update level, so rules can check the old home is 3.0.0 and the new one an updated 3.1.0 before anything else.
 */
public final class VersionScanner implements Scanner {
    static final String CARBON_XML = "repository/conf/carbon.xml";
    static final String PRODUCT_TXT = "updates/product.txt";
    static final String PLUGINS = "repository/components/plugins";
    static final String APIMGT_IMPL = "org.wso2.carbon.apimgt.impl_";
    static final String APIM_SERVER_KEY = "AM";
    /** carbon-apimgt release -> APIM release (docs/facts.md section 1). */
    static final Map<String, String> APIMGT_RELEASES = Map.of("6.5.349", "3.0.0", "6.6.163", "3.1.0");

    private static final Pattern PRODUCT = Pattern.compile("wso2am-(\\d+(?:\\.\\d+)*)");

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        List<Observation> out = new ArrayList<>();
        for (Installation.Home home : installation.homes()) {
            carbonXml(home.role(), home.path(), out);
            productTxt(home.role(), home.path(), out);
            plugins(home.role(), home.path(), out);
            out.add(WumLevel.read(home.role(), home.path(), out));
        }
        return out;
    }

    /** Every product home has a carbon.xml; one that is missing, unreadable or malformed makes the home unassessable. */
    private static void carbonXml(Role role, Path home, List<Observation> out) throws InputException {
        Path file = home.resolve(CARBON_XML);
        String shownAs = role.name() + ":" + CARBON_XML;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(
                    shownAs,
                    "does not exist; every WSO2 product home has one, so this home is"
                            + " incomplete or not an API Manager home");
        }
        byte[] bytes = InputFile.bytes(file, shownAs, InputFile.CONF_XML);
        // the parser honours the file's own encoding declaration (the stock file says ISO-8859-1)
        JsonNode root = SafeXml.parse(SafeXml.mapper(), bytes, shownAs);
        String version = root.path("Version").asText("").strip();
        String key = root.path("ServerKey").asText("").strip();
        if (version.isEmpty() || version.contains("${")) {
            return; // an unrendered template says nothing about the installed version
        }
        int line = SafeXml.lineOf(new String(bytes, StandardCharsets.ISO_8859_1), "<Version>");
        // another product's carbon.xml is still a marker: the key in front keeps it from reading as APIM
        String shown = key.equals(APIM_SERVER_KEY) || key.isEmpty() ? version : key + " " + version;
        out.add(new ProductVersion(role, "carbon.xml", shown, SourceRef.line(role, CARBON_XML, line)));
    }

    private static void productTxt(Role role, Path home, List<Observation> out) {
        Path file = home.resolve(PRODUCT_TXT);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            List<String> lines = InputFile.latin1Lines(file, PRODUCT_TXT, InputFile.SMALL_TEXT);
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (!text.isEmpty()) {
                    Matcher m = PRODUCT.matcher(text);
                    out.add(new ProductVersion(
                            role, PRODUCT_TXT, m.find() ? m.group(1) : text, SourceRef.line(role, PRODUCT_TXT, i + 1)));
                    return;
                }
            }
        } catch (InputException e) {
            out.add(new ScanProblem(role, PRODUCT_TXT, e.getMessage(), SourceRef.file(role, PRODUCT_TXT)));
        }
    }

    private static void plugins(Role role, Path home, List<Observation> out) {
        Path dir = home.resolve(PLUGINS);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (String name : s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(APIMGT_IMPL) && n.endsWith(".jar"))
                    .sorted()
                    .toList()) {
                String release = name.substring(APIMGT_IMPL.length(), name.length() - ".jar".length());
                out.add(new ProductVersion(
                        role,
                        "plugins",
                        APIMGT_RELEASES.getOrDefault(release, "carbon-apimgt " + release),
                        SourceRef.file(role, PLUGINS + "/" + name)));
            }
        } catch (IOException | RuntimeException e) {
            out.add(FileTree.problem(role, PLUGINS, e));
        }
    }
}
