package dev.apimupgrade.execute;

/**
 * Why a migrate run did not start or did not go on (a held lock, a stale plan, an open blocker, a running server, a
 * step only the operator can do): a message for the operator that says what to do, with nothing changed by the refusal.
 */
public class RunRefusedException extends Exception {
    public RunRefusedException(String message) {
        super(message);
    }
}
