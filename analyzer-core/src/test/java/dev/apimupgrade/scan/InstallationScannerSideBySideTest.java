package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.HomeGiven;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scanner that says it may run side by side (the databases) runs beside the others, yet the scan stage gives its
 * facts in its place in the list and reports the first failure in that order, as when the scanners ran one by one.
 */
class InstallationScannerSideBySideTest {
    @TempDir
    Path tmp;

    private static Observation fact(String name) {
        return new HomeGiven(Role.NEW, name, SourceRef.file(Role.NEW, name));
    }

    private static List<String> names(List<Observation> facts) {
        return facts.stream()
                .filter(HomeGiven.class::isInstance)
                .map(o -> ((HomeGiven) o).path())
                .filter(p -> p.startsWith("scanner-"))
                .toList();
    }

    private static Scanner sideBySide(Scanner scanner) {
        return new Scanner() {
            @Override
            public List<Observation> scan(Installation installation) throws InputException {
                return scanner.scan(installation);
            }

            @Override
            public boolean sideBySide() {
                return true;
            }
        };
    }

    private List<Observation> scan(List<Scanner> scanners) throws Exception {
        return new InstallationScanner(scanners, LocalDate.of(2026, 12, 7))
                .scan(new Installation(home(tmp.resolve("old")), Optional.empty()))
                .all();
    }

    @Test
    void aSideBySideScannerRunsBesideTheOthersAndItsFactsComeInItsPlace() throws Exception {
        CountDownLatch sideBySideRan = new CountDownLatch(1);
        // a scanner listed before the side-by-side one can only finish once that one has run: one by one, it never
        // would
        Scanner waits = installation -> {
            try {
                if (!sideBySideRan.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the side-by-side scanner did not run beside the others");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return List.of(fact("scanner-2"));
        };
        Scanner last = sideBySide(installation -> {
            sideBySideRan.countDown();
            return List.of(fact("scanner-3"));
        });

        List<Observation> facts = scan(List.of(installation -> List.of(fact("scanner-1")), waits, last));

        assertThat(names(facts)).containsExactly("scanner-1", "scanner-2", "scanner-3");
    }

    @Test
    void theFirstFailureInTheOrderOfTheScannersIsTheOneReported() {
        Scanner failsAtOnce = sideBySide(installation -> {
            throw new InputException("side-by-side.toml", "fails first in time, second in order");
        });
        Scanner failsInOrder = installation -> {
            throw new InputException("first.toml", "fails first in order");
        };

        assertThatThrownBy(() -> scan(List.of(failsInOrder, failsAtOnce)))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.file()).isEqualTo("first.toml"));
        assertThatThrownBy(() -> scan(List.of(failsAtOnce, installation -> List.of(fact("scanner-1")))))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.file()).isEqualTo("side-by-side.toml"));
    }
}
