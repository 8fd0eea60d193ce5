package dev.apimupgrade.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs from outside the build is missing (a database server, a reference file):
 * on a developer's machine it is skipped with the reason, under CI=true it fails, so CI never passes by skipping.
 */
public final class SkipOrFail {
    private SkipOrFail() {}

    /** Whether this run is CI's (the environment variable CI is "true", as CI services set it). */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the test (fails it under CI) because {@code what} is missing; never returns normally. The return type lets
     * a caller write {@code return SkipOrFail.missing(...)} where a value is expected.
     */
    public static <T> T missing(String what) {
        if (underCi()) {
            fail(what + ", and CI=true: the tests that need it must run in CI");
        }
        Assumptions.abort(what + ": start it (or provide it) to run this test");
        throw new AssertionError("unreachable");
    }

    /** As {@link #missing(String)}, with the cause's message added to the reason. */
    public static <T> T missing(String what, @Nullable Exception cause) {
        if (cause == null) {
            return missing(what);
        }
        if (underCi()) {
            fail(what + ", and CI=true: the tests that need it must run in CI", cause);
        }
        return missing(what + " (" + cause.getMessage() + ")");
    }

    /** Goes on when {@code present}, else skips (fails under CI) because {@code what} is missing. */
    public static void unless(boolean present, String what) {
        if (!present) {
            missing(what);
        }
    }
}
