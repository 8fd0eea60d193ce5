package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.fact.WumUpdates;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannersTest {
    @TempDir
    Path tmp;

    /** A home with the two configuration files every scan needs besides deployment.toml. */
    private static Path confHome(Path dir) throws Exception {
        Path home = home(dir);
        write(home, VersionScanner.CARBON_XML, "<Server><Version>3.0.0</Version></Server>");
        write(
                home,
                RegistryXmlScanner.REGISTRY_XML,
                "<wso2registry><staticConfiguration>"
                        + "<versioningProperties>false</versioningProperties></staticConfiguration></wso2registry>");
        return home;
    }

    @Test
    void theFileScannersTogetherObserveAMinimalOldHomeWithoutStopping() throws Exception {
        Path old = confHome(tmp.resolve("old"));
        write(
                old,
                TomlFile.PATH,
                "[database.apim_db]\ntype = \"h2\"\nurl = \"jdbc:h2:./repository/database/WSO2AM_DB\"\n");

        Facts facts = new InstallationScanner(Scanners.files(), LocalDate.of(2026, 11, 25))
                .scan(new Installation(old, Optional.empty()));

        assertThat(facts.ofType(TomlSetting.class)).isNotEmpty();
        assertThat(facts.ofType(DatasourceConfig.class)).hasSize(1);
        assertThat(facts.ofType(Keystore.class))
                .hasSize(4)
                .allSatisfy(k -> assertThat(k.exists()).isFalse());
        assertThat(facts.ofType(WumUpdates.class)).hasSize(1);
        assertThat(facts.ofType(ServerProcess.class)).hasSize(1);
        assertThat(facts.ofType(FilePresence.class)).isNotEmpty();
    }

    @Test
    void anOldHomeWithoutDeploymentTomlStopsTheScanWithAnInputError() throws Exception {
        Path old = confHome(tmp.resolve("old"));

        assertThatThrownBy(() -> new InstallationScanner(Scanners.files(), LocalDate.of(2026, 11, 25))
                        .scan(new Installation(old, Optional.empty())))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.file()).isEqualTo("OLD:" + TomlFile.PATH));
    }
}
