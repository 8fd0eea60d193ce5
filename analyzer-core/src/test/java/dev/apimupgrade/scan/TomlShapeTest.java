package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import org.junit.jupiter.api.Test;

/** The deployment.toml keys the tool interprets must have the type it reads them as; a wrong one names file, key, line. */
class TomlShapeTest {

    private static InputException refused(String toml) {
        try {
            TomlFile.parse(Role.OLD, toml);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + toml);
    }

    @Test
    void aDatasourceUrlThatIsAnIntegerNamesTheKeyAndItsLine() {
        InputException e = refused("[server]\nhostname = \"h\"\n\n[database.apim_db]\ntype = \"h2\"\nurl = 42\n");

        assertThat(e.describe())
                .isEqualTo("OLD:repository/conf/deployment.toml:6: 'database.apim_db.url' must be a"
                        + " string, not an integer");
    }

    @Test
    void aDatasourceOrPoolOptionsGivenAsAValueInsteadOfATableIsRefused() {
        assertThat(refused("[database]\napim_db = \"jdbc:h2:./x\"\n").getMessage())
                .isEqualTo(
                        "'database.apim_db' must be a table of datasource settings ([database.apim_db]), not a string");
        assertThat(refused("[database.apim_db]\nurl = \"jdbc:h2:./x\"\npool_options = [1]\n")
                        .getMessage())
                .isEqualTo("'database.apim_db.pool_options' must be a table, not an array");
        assertThat(refused("database = true\n").getMessage()).isEqualTo("'database' must be a table, not a boolean");
    }

    @Test
    void keystoreTruststoreAndSecretsValuesMustBeStrings() {
        assertThat(refused("[keystore.primary]\nfile_name = \"a.jks\"\npassword = 1.5\n")
                        .describe())
                .endsWith(":3: 'keystore.primary.password' must be a string, not a float");
        assertThat(refused("[truststore]\nalias = false\n").getMessage())
                .isEqualTo("'truststore.alias' must be a string, not a boolean");
        assertThat(refused("[server]\nhostname = \"h\"\n[secrets]\nadmin_password = [\"x\"]\n")
                        .getMessage())
                .isEqualTo("'secrets.admin_password' must be a string, not an array");
        assertThat(refused("keystore = \"x\"\n").getMessage()).isEqualTo("'keystore' must be a table, not a string");
    }

    @Test
    void anEmptyOrCommentOnlyFileIsRefusedAndOtherKeysKeepAnyType() throws InputException {
        assertThat(refused("").getMessage()).startsWith("sets nothing");
        assertThat(refused("# only a comment\n\n").getMessage()).startsWith("sets nothing");

        TomlFile file = TomlFile.parse(
                Role.OLD,
                "[server]\noffset = 1\n[apim.cors]\nallow_credentials = false\n"
                        + "[database.apim_db]\nurl = \"jdbc:h2:./x\"\n[database.apim_db.pool_options]\nmaxActive = 50\n");
        assertThat(file.leaves())
                .extracting(TomlFile.Leaf::key)
                .contains("server.offset", "database.apim_db.pool_options.maxActive");
    }

    @Test
    void aLongRunOfBlankOrCommentLinesIsRefusedWithTheLineThatCrossesTheLimit() {
        InputException e = refused("[server]\nhostname = \"h\"\n" + "# c\n\n".repeat(150) + "x = 1\n");

        assertThat(e.line()).isEqualTo(2 + TomlFile.MAX_BLANK_RUN + 1);
        assertThat(e.getMessage()).contains("blank or comment lines in a row");
    }
}
