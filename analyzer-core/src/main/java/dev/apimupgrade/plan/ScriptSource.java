package dev.apimupgrade.plan;

import java.util.List;
import java.util.Map;

/**
 * Where the statements of a shipped SQL script come from: sql/&lt;purpose&gt;/&lt;dialectFolder&gt;/, with the
 * ${NAME} placeholders filled from {@code identifiers}. The runbook shows them inline and the engine runs them.
 */
public interface ScriptSource {
    /** The statements in the order they run; throws IllegalArgumentException when no such script is shipped. */
    List<String> statements(String purpose, String dialectFolder, Map<String, String> identifiers);
}
