package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.WumUpdates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionScannerTest {
    static final String PLUGINS = VersionScanner.PLUGINS + "/";

    @TempDir
    Path tmp;

    private static String carbonXml(String key, String version) {
        return """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!-- the main server configuration file -->
                <Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
                    <Name>WSO2 API Manager</Name>
                    <ServerKey>%s</ServerKey>
                    <Version>%s</Version>
                    <Security><KeyStore><Location>x</Location></KeyStore></Security>
                </Server>
                """.formatted(key, version);
    }

    private static Facts scan(Path old, Path neu) throws InputException {
        return new Facts(new VersionScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    @Test
    void allThreeMarkersOfEachHomeAreReadForPreSourceVersion() throws Exception {
        Path old = home(tmp.resolve("old"));
        write(old, VersionScanner.CARBON_XML, carbonXml("AM", "3.0.0"));
        write(old, VersionScanner.PRODUCT_TXT, "wso2am-3.0.0\n");
        write(old, PLUGINS + "org.wso2.carbon.apimgt.impl_6.5.349.jar", "jar");
        write(old, PLUGINS + "org.wso2.carbon.apimgt.api_6.5.349.jar", "jar");
        Path neu = home(tmp.resolve("new"));
        write(neu, VersionScanner.CARBON_XML, carbonXml("AM", "3.1.0"));
        write(neu, PLUGINS + "org.wso2.carbon.apimgt.impl_6.6.163.jar", "jar");

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(ProductVersion.class))
                .extracting(
                        ProductVersion::role,
                        ProductVersion::marker,
                        ProductVersion::version,
                        p -> p.source().toString())
                .containsExactly(
                        tuple(Role.OLD, "carbon.xml", "3.0.0", "OLD:repository/conf/carbon.xml:6"),
                        tuple(Role.OLD, "updates/product.txt", "3.0.0", "OLD:updates/product.txt:1"),
                        tuple(
                                Role.OLD,
                                "plugins",
                                "3.0.0",
                                "OLD:" + PLUGINS + "org.wso2.carbon.apimgt.impl_6.5.349.jar"),
                        tuple(Role.NEW, "carbon.xml", "3.1.0", "NEW:repository/conf/carbon.xml:6"),
                        tuple(
                                Role.NEW,
                                "plugins",
                                "3.1.0",
                                "NEW:" + PLUGINS + "org.wso2.carbon.apimgt.impl_6.6.163.jar"));
    }

    @Test
    void anotherProductOrAnUnknownBundleReadsAsSomethingOtherThanAnApimReleaseForPreSourceVersion() throws Exception {
        Path old = home(tmp.resolve("old"));
        write(old, VersionScanner.CARBON_XML, carbonXml("IS", "5.9.0"));
        write(old, VersionScanner.PRODUCT_TXT, "wso2is-5.9.0\n");
        write(old, PLUGINS + "org.wso2.carbon.apimgt.impl_6.4.50.jar", "jar");

        assertThat(scan(old, null).ofType(ProductVersion.class))
                .extracting(ProductVersion::version)
                .containsExactly("IS 5.9.0", "wso2is-5.9.0", "carbon-apimgt 6.4.50");
    }

    @Test
    void anUnrenderedTemplateGivesNoMarkerAndABrokenEmptyOrMissingCarbonXmlIsAnInputErrorNamingTheFile()
            throws Exception {
        Path template = home(tmp.resolve("template"));
        write(template, VersionScanner.CARBON_XML, carbonXml("${product.key}", "${product.version}"));
        Path broken = home(tmp.resolve("broken"));
        write(broken, VersionScanner.CARBON_XML, "<Server>\n<Version>3.0.0</Server>");
        Path empty = home(tmp.resolve("empty"));
        write(empty, VersionScanner.CARBON_XML, "");
        Path missing = home(tmp.resolve("missing"));

        assertThat(scan(template, null).ofType(ProductVersion.class)).isEmpty();
        assertThatThrownBy(() -> scan(broken, null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("malformed XML")
                .extracting(e -> ((InputException) e).describe())
                .asString()
                .startsWith("OLD:repository/conf/carbon.xml:2: ");
        assertThatThrownBy(() -> scan(empty, null))
                .isInstanceOf(InputException.class)
                .extracting(e -> ((InputException) e).file())
                .isEqualTo("OLD:repository/conf/carbon.xml");
        assertThatThrownBy(() -> scan(template, missing))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not exist")
                .extracting(e -> ((InputException) e).file())
                .isEqualTo("NEW:repository/conf/carbon.xml");
    }

    @Test
    void theRealKernelCarbonXmlIsReadWithoutProblems() throws Exception {
        Path old = home(tmp.resolve("old"));
        Files.copy(
                FileHomes.reference().resolve("apim-3.0.0").resolve(VersionScanner.CARBON_XML),
                old.resolve(VersionScanner.CARBON_XML));

        // the reference copy is the kernel source with ${product.version} unfiltered: read cleanly, no marker
        assertThat(scan(old, null).ofType(ScanProblem.class)).isEmpty();
    }

    @Test
    void theWumLevelIsTheNewestTimestampElseTheProductTxtLevelElseAbsentForPreWumTarget() throws Exception {
        Path stamps = home(tmp.resolve("stamps"));
        Files.createDirectories(stamps.resolve("updates/wum/1587345600000"));
        Files.createDirectories(stamps.resolve("updates/wum/999999999999"));
        write(stamps, "updates/wum/1590000000000", "");
        Path level = home(tmp.resolve("level"));
        write(level, VersionScanner.PRODUCT_TXT, "wso2am-3.1.0\nupdate-level: 3.1.0.52\n");
        Path none = home(tmp.resolve("none"));
        for (Path home : new Path[] {stamps, level, none}) {
            write(home, VersionScanner.CARBON_XML, carbonXml("AM", "3.0.0"));
        }

        assertThat(scan(stamps, level).ofType(WumUpdates.class))
                .extracting(
                        WumUpdates::role,
                        WumUpdates::present,
                        WumUpdates::level,
                        w -> w.source().toString())
                .containsExactly(
                        tuple(Role.OLD, true, "1590000000000", "OLD:updates/wum/1590000000000"),
                        tuple(Role.NEW, true, "3.1.0.52", "NEW:updates/product.txt:2"));
        assertThat(scan(none, null).ofType(WumUpdates.class))
                .extracting(WumUpdates::present, WumUpdates::level)
                .containsExactly(tuple(false, ""));
    }
}
