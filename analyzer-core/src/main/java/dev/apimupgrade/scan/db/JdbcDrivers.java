package dev.apimupgrade.scan.db;

import dev.apimupgrade.scan.InputException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * JDBC drivers from jars the user supplies (--jdbc-driver), for Oracle, SQL Server and DB2, whose drivers are not
 * bundled. Each jar gets its own class loader; its drivers are found through META-INF/services/java.sql.Driver.
 */
public final class JdbcDrivers {
    private JdbcDrivers() {}

    public static List<Driver> load(List<Path> jars) throws InputException {
        List<Driver> drivers = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new InputException(jar.toString(), "--jdbc-driver does not name a jar file");
            }
            URL url;
            try {
                url = jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InputException(jar.toString(), "--jdbc-driver is not a usable path");
            }
            // The loader stays open for the life of the assessment: the driver's classes load lazily from it.
            URLClassLoader loader = new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader());
            int before = drivers.size();
            ServiceLoader.load(Driver.class, loader).forEach(drivers::add);
            if (drivers.size() == before) {
                throw new InputException(jar.toString(), "--jdbc-driver jar declares no JDBC driver");
            }
        }
        return drivers;
    }
}
