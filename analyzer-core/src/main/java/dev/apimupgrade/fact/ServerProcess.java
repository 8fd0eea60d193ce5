package dev.apimupgrade.fact;

/**
 * A server pid file (wso2carbon.pid) in a home: whether it is there, the pid it holds (0 when absent or unreadable) and
 * whether that process is alive on this machine. Absence is the {@code present} field, as in {@link FilePresence}, so
 * rules ask {@code present == true} instead of matching text.
 */
public record ServerProcess(Role role, String pidFile, boolean present, long pid, boolean alive, SourceRef source)
        implements Observation {

    /** The home has no pid file: no pid, nothing running. */
    public static ServerProcess absent(Role role, String pidFile, SourceRef source) {
        return new ServerProcess(role, pidFile, false, 0, false, source);
    }

    /** The wording kept from when absence was spelled into the file name, so plans and reports read as before. */
    public String observed() {
        return pidFile + (present ? "" : " (absent)") + " holds pid " + pid
                + (alive ? ", which is running" : ", which is not running");
    }
}
