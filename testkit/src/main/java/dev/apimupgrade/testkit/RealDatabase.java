package dev.apimupgrade.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Asks for a throw-away database as a {@link ScratchDatabase} parameter of a test, {@code @BeforeEach} or constructor:
 * {@code void x(@RealDatabase(value = DatabaseServer.POSTGRESQL, schema = "apim-3.0.0/dbscripts/postgresql.sql")
 * ScratchDatabase db)}. It is created uniquely named, loaded with the reference schema if one is named, and dropped
 * after the test (or class, for a constructor). An unreachable server or absent schema skips, under CI=true fails.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealDatabaseExtension.class)
public @interface RealDatabase {
    DatabaseServer value();

    /** A script under the reference folder (apim.reference.dir) to load first, or "" for an empty database. */
    String schema() default "";

    /** What CREATE DATABASE is given after the name, e.g. " CHARACTER SET latin1" on MariaDB. */
    String options() default "";
}
