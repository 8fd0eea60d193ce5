package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.jar;
import static dev.apimupgrade.rules.Given.presence;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.SymbolicLink;
import dev.apimupgrade.fact.UnreadableFile;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

/** What the rules make of content the migration carries over that is broken, or reached through a link. */
class CopiedTreesRulesTest {
    private static final String UNREADABLE = "PRE-UNREADABLE-CONTENT";
    private static final String LINK = "PRE-LINK-OUTSIDE-HOME";
    private static final String API = "repository/deployment/server/synapse-configs/default/api/evil_v1.xml";
    private static final String DROPINS = "repository/components/dropins";

    private static UnreadableFile unreadable(Role role, String area, String path, String reason) {
        return new UnreadableFile(role, area, path, reason, SourceRef.file(role, path));
    }

    private static SymbolicLink link(String path, String target, boolean inside) {
        return new SymbolicLink(Role.OLD, path, target, inside, SourceRef.file(Role.OLD, path));
    }

    @Test
    void preUnreadableContentIsABlockerNamingASynapseFileThatIsNotWellFormedXml() {
        Verdict v = decide(
                home(Role.OLD),
                unreadable(Role.OLD, "synapse", API, "is not well-formed XML (line 1: Unexpected character 'P')"));

        assertThat(v.status(UNREADABLE)).isEqualTo(Status.APPLIES);
        assertThat(v.blockers()).extracting(r -> r.condition().id()).contains(UNREADABLE);
        assertThat(said(v, UNREADABLE))
                .isEqualTo("The old home's " + API + " is not well-formed XML (line 1: Unexpected character 'P').");
        assertThat(v.result(UNREADABLE).evidence())
                .extracting(e -> e.source().where())
                .containsExactly("OLD:" + API);
    }

    @Test
    void preUnreadableContentNamesAJarOfTheNewHomeThatDoesNotOpen() {
        Verdict v = decide(
                home(Role.OLD),
                unreadable(
                        Role.NEW,
                        "dropins",
                        DROPINS + "/custom.jar",
                        "cannot be opened as a jar (ZipException: zip file is empty)"));

        assertThat(v.status(UNREADABLE)).isEqualTo(Status.APPLIES);
        assertThat(said(v, UNREADABLE)).startsWith("The 3.1.0 home's " + DROPINS + "/custom.jar cannot be opened");
    }

    @Test
    void preUnreadableContentIsNotApplicableWhenEveryCopiedFileWasRead() {
        Verdict v = decide(home(Role.OLD), link(API, "../sequences/x.xml", true));

        assertThat(v.status(UNREADABLE)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preUnreadableContentAndPreLinkOutsideHomeAreUnknownWithoutAnyFact() {
        Verdict v = decide();

        assertThat(v.status(UNREADABLE)).isEqualTo(Status.UNKNOWN);
        assertThat(v.status(LINK)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void preLinkOutsideHomeIsABlockerNamingTheLinkAndItsTarget() {
        Verdict v = decide(home(Role.OLD), link(API, "/etc/passwd", false));

        assertThat(v.status(LINK)).isEqualTo(Status.APPLIES);
        assertThat(v.result(LINK).severity()).isEqualTo(Severity.BLOCKER);
        assertThat(said(v, LINK))
                .isEqualTo("The old home's " + API
                        + " is a symbolic link to /etc/passwd, outside the home; it was not read.");
    }

    @Test
    void preLinkOutsideHomeIsNotApplicableWhenEveryLinkStaysInsideTheHome() {
        Verdict v = decide(home(Role.OLD), link(API, "../sequences/x.xml", true));
        Verdict none = decide(home(Role.OLD));

        assertThat(v.status(LINK)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, LINK)).endsWith("(1 stay inside it).");
        assertThat(none.status(LINK)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(none, LINK)).endsWith("leads out of the home.");
    }

    @Test
    void cfgCustomDropinsIsUnknownNotNotApplicableWhenADropinsJarDoesNotOpen() {
        Verdict v = decide(
                home(Role.OLD),
                presence(Role.OLD, DROPINS, true),
                jar(Role.OLD, "dropins", "stock.jar", true),
                unreadable(Role.OLD, "dropins", DROPINS + "/custom.jar", "is a directory, not a jar"));

        assertThat(v.status("CFG-CUSTOM-DROPINS")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "CFG-CUSTOM-DROPINS"))
                .isEqualTo(
                        DROPINS + "/custom.jar is a directory, not a jar, so whether it is a custom jar is not known.");
    }

    @Test
    void cfgCustomLibIsUnknownWhenALibJarIsALinkOutOfTheHome() {
        Verdict v = decide(
                home(Role.OLD),
                presence(Role.OLD, "repository/components/lib", true),
                link("repository/components/lib/driver.jar", "/opt/drivers/driver.jar", false));

        assertThat(v.status("CFG-CUSTOM-LIB")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "CFG-CUSTOM-LIB")).contains("leads out of the home");
    }

    @Test
    void cfgCustomDropinsStaysNotApplicableWhenEveryDropinsJarIsStockAndRead() {
        Verdict v =
                decide(home(Role.OLD), presence(Role.OLD, DROPINS, true), jar(Role.OLD, "dropins", "stock.jar", true));

        assertThat(v.status("CFG-CUSTOM-DROPINS")).isEqualTo(Status.NOT_APPLICABLE);
    }
}
