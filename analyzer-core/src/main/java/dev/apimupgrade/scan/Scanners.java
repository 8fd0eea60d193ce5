package dev.apimupgrade.scan;

import java.util.List;

/** Every file scanner of an assessment, in the order they run. */
public final class Scanners {
    private Scanners() {
    }

    public static List<Scanner> files() {
        return List.of(new RegistryXmlScanner(), new SynapseScanner(), new ExecutionPlanScanner(), new JarScanner());
    }
}
