package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OsgiVersionRangeTest {

    @Test
    void aHalfOpenRangeIncludesItsFloorAndExcludesItsCeiling() {
        OsgiVersionRange r = OsgiVersionRange.parse("[6.5,6.6)");

        assertThat(r.includes("6.5.0")).isTrue();
        assertThat(r.includes("6.5.349")).isTrue();
        assertThat(r.includes("6.6.0")).isFalse();
        assertThat(r.includes("6.6.163")).isFalse();
        assertThat(r.includes("6.4.9")).isFalse();
    }

    @Test
    void anOpenFloorAndClosedCeilingAreTheOtherWayRound() {
        OsgiVersionRange r = OsgiVersionRange.parse("(4.5.1,4.6.0]");

        assertThat(r.includes("4.5.1")).isFalse();
        assertThat(r.includes("4.5.2")).isTrue();
        assertThat(r.includes("4.6.0")).isTrue();
        assertThat(r.includes("4.6.1")).isFalse();
    }

    @Test
    void aBareVersionMeansThatVersionOrLater() {
        OsgiVersionRange r = OsgiVersionRange.parse("5.14.97");

        assertThat(r.includes("5.17.5")).isTrue();
        assertThat(r.includes("5.14.97")).isTrue();
        assertThat(r.includes("5.14.96")).isFalse();
        assertThat(OsgiVersionRange.ANY.includes("0.0.1")).isTrue();
    }

    @Test
    void versionsCompareNumericallyThenByQualifier() {
        assertThat(OsgiVersionRange.parse("[1.9,1.10)").includes("1.9.5")).isTrue();
        assertThat(OsgiVersionRange.parse("[2.1.7.wso2v131,2.1.7.wso2v147)").includes("2.1.7.wso2v140"))
                .isTrue();
        assertThat(OsgiVersionRange.parse("[1.0.0.b,2)").includes("1.0.0.a")).isFalse();
    }

    @Test
    void textThatIsNoRangeIsRefused() {
        assertThatThrownBy(() -> OsgiVersionRange.parse("[1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OsgiVersionRange.parse("one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OsgiVersionRange.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
