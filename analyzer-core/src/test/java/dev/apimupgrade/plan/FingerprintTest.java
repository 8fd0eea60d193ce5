package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Answer;
import dev.apimupgrade.fact.AssessmentDate;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.SynapseDiff;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    static final FileContent TOML = new FileContent(
            Role.OLD,
            "repository/conf/deployment.toml",
            "aa11",
            SourceRef.file(Role.OLD, "repository/conf/deployment.toml"));
    static final FileContent REGISTRY = new FileContent(
            Role.OLD, "repository/conf/registry.xml", "bb22", SourceRef.file(Role.OLD, "repository/conf/registry.xml"));

    @Test
    void theSameFactsInAnotherOrderOnAnotherDayGiveTheSameFingerprint() {
        Fingerprint a = Fingerprint.of(
                new Facts(List.of(TOML, REGISTRY, AssessmentDate.of(LocalDate.of(2026, 1, 1)))), "rp", "1.0");
        Fingerprint b = Fingerprint.of(
                new Facts(List.of(AssessmentDate.of(LocalDate.of(2027, 5, 5)), REGISTRY, TOML)), "rp", "1.0");

        assertThat(b).isEqualTo(a);
        assertThat(Fingerprint.compare(a, b)).isEmpty();
        assertThat(a.matches(b)).isTrue();
    }

    @Test
    void aChangedFileIsReportedAsItsOldAndNewDigestNamingTheFile() {
        Fingerprint before = Fingerprint.of(new Facts(List.of(TOML, REGISTRY)), "rp", "1.0");
        FileContent edited = new FileContent(Role.OLD, TOML.relativePath(), "cc33", TOML.source());
        Fingerprint after = Fingerprint.of(new Facts(List.of(edited, REGISTRY)), "rp", "1.0");

        assertThat(after.matches(before)).isFalse();
        assertThat(Fingerprint.compare(before, after))
                .extracting(Fingerprint.Change::toString)
                .containsExactly(
                        "removed OLD:repository/conf/deployment.toml: sha256 aa11",
                        "added OLD:repository/conf/deployment.toml: sha256 cc33");
    }

    @Test
    void anotherRulePackOrToolVersionMakesThePlanStaleAndSaysSo() {
        Fingerprint before = Fingerprint.of(new Facts(List.of(TOML)), "rp", "1.0");
        Fingerprint after = Fingerprint.of(new Facts(List.of(TOML)), "rp2", "1.1");

        assertThat(after.matches(before)).isFalse();
        assertThat(Fingerprint.compare(before, after))
                .extracting(Fingerprint.Change::toString)
                .containsExactly("changed tool version: 1.0 -> 1.1", "changed rule pack: rp -> rp2");
    }

    @Test
    void theDigestIsTheSha256OfTheFingerprintTextSoPlansOfEarlierVersionsStayCurrent() {
        FileContent nonAscii = new FileContent(
                Role.OLD,
                "repository/conf/caf\u00e9-\u65e5.xml",
                "dd44",
                SourceRef.file(Role.OLD, "repository/conf/caf\u00e9-\u65e5.xml"));
        Fingerprint f = Fingerprint.of(new Facts(List.of(TOML, nonAscii)), "rp", "1.0");
        // the text earlier versions built whole and hashed: tool, rule pack, then "source\tobserved" per sorted entry
        StringBuilder text = new StringBuilder("1.0\nrp\n");
        f.facts()
                .forEach(e -> text.append(e.source())
                        .append('\t')
                        .append(e.observed())
                        .append('\n'));

        assertThat(f.facts()).hasSize(2);
        assertThat(f.sha256())
                .isEqualTo(dev.apimupgrade.scan.FileDigest.sha256(
                        text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void noFactsStillGiveAFingerprintOfTheToolAndRules() {
        Fingerprint empty = Fingerprint.of(new Facts(List.of()), "rp", "1.0");

        assertThat(empty.sha256()).hasSize(64);
        assertThat(empty.facts()).isEmpty();
    }

    @Test
    void aComparisonWithTheNewHomeIsBoundThroughTheNewFilesDigestSoOnlyThatFileShowsAsChanged() {
        String main = "repository/deployment/server/synapse-configs/default/sequences/main.xml";
        SourceRef oldMain = SourceRef.file(Role.OLD, main);
        Fingerprint planned = Fingerprint.of(
                new Facts(List.of(
                        new StockComparison(
                                Role.OLD,
                                StockComparison.Category.SYNAPSE,
                                "carbon.super",
                                "sequences/main.xml",
                                false,
                                StockComparison.Baseline.NEW_HOME,
                                oldMain),
                        new FileContent(Role.NEW, main, "aa", SourceRef.file(Role.NEW, main)))),
                "rp",
                "1.0");
        Fingerprint reApplied = Fingerprint.of(
                new Facts(List.of(
                        new StockComparison(
                                Role.OLD,
                                StockComparison.Category.SYNAPSE,
                                "carbon.super",
                                "sequences/main.xml",
                                true,
                                StockComparison.Baseline.NEW_HOME,
                                oldMain),
                        new SynapseDiff(Role.OLD, "1", "sequences/main.xml", "-<x/>", oldMain),
                        new FileContent(Role.NEW, main, "bb", SourceRef.file(Role.NEW, main)))),
                "rp",
                "1.0");

        assertThat(Fingerprint.compare(planned, reApplied))
                .extracting(Fingerprint.Change::source)
                .containsOnly("NEW:" + main);
    }

    @Test
    void anAnswerIsBoundByItsKeyAndValueNotByTheAnswersFilesName() {
        Fingerprint a = Fingerprint.of(
                new Facts(List.of(new Answer("distributed", "no", SourceRef.answers("answers.yaml", "distributed")))),
                "rp",
                "1.0");
        Fingerprint copy = Fingerprint.of(
                new Facts(List.of(new Answer("distributed", "no", SourceRef.answers("night.yaml", "distributed")))),
                "rp",
                "1.0");
        Fingerprint other = Fingerprint.of(
                new Facts(List.of(new Answer("distributed", "yes", SourceRef.answers("answers.yaml", "distributed")))),
                "rp",
                "1.0");

        assertThat(copy.matches(a)).isTrue();
        assertThat(Fingerprint.compare(a, other))
                .extracting(Fingerprint.Change::source)
                .containsOnly("answers#distributed");
    }
}
