package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import java.util.List;

/** Reads one kind of source of an installation into observations. Scanners observe and never decide, and never write. */
public interface Scanner {
    List<Observation> scan(Installation installation) throws InputException;
}
