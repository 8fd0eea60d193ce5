package dev.apimupgrade.execute;

import dev.apimupgrade.scan.InputException;
import org.jspecify.annotations.Nullable;

/**
 * Takes the inventory of the old installation (compare's inventory.old.json: per tenant counts and hashes of what the
 * databases and synapse folders hold) while nothing is changed yet, so compare and the evidence bundle can tell what
 * the run changed even when the databases are upgraded in place. The CLI gives the engine compare's own scanner; the
 * engine only writes what it returns into the run folder before the run's first change.
 */
@FunctionalInterface
public interface BeforeInventory {
    /** No inventory is taken (tests of the engine alone). */
    BeforeInventory NONE = () -> null;

    /** The inventory as compare writes it (JSON), or null when none is taken. */
    byte @Nullable [] json() throws InputException;
}
