package dev.apimupgrade.fact;

/** Which installation an observation comes from: the 3.0.0 home being upgraded or the 3.1.0 target home. */
public enum Role {
    OLD,
    NEW
}
