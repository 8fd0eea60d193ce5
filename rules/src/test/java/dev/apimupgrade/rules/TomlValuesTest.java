package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.setting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class TomlValuesTest {

    @Test
    void comparesValuesWithOrWithoutTheirQuotes() {
        assertThat(TomlValues.same("\"WSO2USER_DB\"", "WSO2USER_DB")).isTrue();
        assertThat(TomlValues.same("WSO2USER_DB", "WSO2USER_DB")).isTrue();
        assertThat(TomlValues.same("'database'", "database")).isTrue();
        assertThat(TomlValues.same("database_unique_id", "database")).isFalse();
        assertThat(TomlValues.same(null, "database")).isFalse();
    }

    @Test
    void readsBooleansAndAnswers() {
        assertThat(TomlValues.isTrue("TRUE")).isTrue();
        assertThat(TomlValues.isTrue("\"true\"")).isTrue();
        assertThat(TomlValues.isTrue("false")).isFalse();
        assertThat(TomlValues.isYes("Yes")).isTrue();
        assertThat(TomlValues.isNo("no")).isTrue();
        assertThat(TomlValues.isYes("maybe")).isFalse();
        assertThat(TomlValues.isNo("maybe")).isFalse();
    }

    @Test
    void nextReIndexIsOneOrOneMoreThanTheCurrentValue() {
        assertThat(TomlValues.nextReIndex(List.of())).isEqualTo("1");
        assertThat(TomlValues.nextReIndex(List.of(setting(Role.NEW, "indexing.re_indexing", "3"))))
                .isEqualTo("4");
        assertThat(TomlValues.nextReIndex(List.of(setting(Role.NEW, "indexing.re_indexing", "x"))))
                .isEqualTo("1");
    }
}
