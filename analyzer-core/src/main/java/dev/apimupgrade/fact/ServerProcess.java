package dev.apimupgrade.fact;

/** A server pid file (wso2carbon.pid) in a home and whether that process is alive on this machine. */
public record ServerProcess(Role role, String pidFile, long pid, boolean alive, SourceRef source)
        implements Observation {
    public String observed() {
        return pidFile + " holds pid " + pid + (alive ? ", which is running" : ", which is not running");
    }
}
