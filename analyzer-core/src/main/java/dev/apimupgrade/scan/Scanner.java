package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import java.util.List;

/** Reads one kind of source of an installation into observations. Scanners observe and never decide, and never write. */
public interface Scanner {
    List<Observation> scan(Installation installation) throws InputException;

    /**
     * Whether the scan stage may run this scanner on its own thread beside the others (it shares no state with them
     * and waits on more than files: the databases). Its facts still come in its place in the list of scanners.
     */
    default boolean sideBySide() {
        return false;
    }
}
