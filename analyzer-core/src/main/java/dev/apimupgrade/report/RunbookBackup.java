package dev.apimupgrade.report;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.scan.db.H2Url;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The runbook's first step: copy what the upgrade reads or changes of both homes into APIM_BACKUP (configuration,
 * deployment, tenants, keystores, dropins and lib), and dump each database of the old home with its product's own
 * tool (pg_dump, mysqldump, a copy of H2's .mv.db file, Oracle Data Pump, SQL Server BACKUP DATABASE, db2 backup),
 * for Linux and Windows. User names and passwords are never printed: the dump tools ask for them.
 */
final class RunbookBackup {
    static final List<String> FOLDERS = List.of(
            "repository/conf",
            "repository/deployment",
            "repository/tenants",
            "repository/resources/security",
            "repository/components/dropins",
            "repository/components/lib");
    /** Host, optional port and database of the usual JDBC URL forms: //host:port/db, @host:port/service. */
    private static final Pattern HOST_DB = Pattern.compile("//([^:/;?]+)(?::(\\d+))?/([^;?]+)");

    private static final Pattern AT_HOST = Pattern.compile("@(?://)?([^:/]+)(?::(\\d+))?[:/]([^?]+)");
    private static final Pattern MSSQL =
            Pattern.compile("//([^:;]+)(?::(\\d+))?;.*databaseName=([^;]+)", Pattern.CASE_INSENSITIVE);

    private RunbookBackup() {}

    static RunbookCommands.Commands of(List<DatasourceConfig> datasources, String oldHome) {
        List<String> linux = new ArrayList<>(
                List.of("mkdir -p \"$APIM_BACKUP/old\" \"$APIM_BACKUP/new\" \"$APIM_BACKUP/databases\""));
        List<String> windows = new ArrayList<>();
        for (String home : List.of("OLD", "NEW")) {
            String var = home.equals("OLD") ? "APIM_OLD_HOME" : "APIM_NEW_HOME";
            String into = home.toLowerCase(java.util.Locale.ROOT);
            linux.add("tar -C \"$" + var + "\" --ignore-failed-read -cf \"$APIM_BACKUP/" + into + "/files.tar\" "
                    + String.join(" ", FOLDERS));
            for (String folder : FOLDERS) {
                String w = folder.replace('/', '\\');
                windows.add("robocopy \"%" + var + "%\\" + w + "\" \"%APIM_BACKUP%\\" + into + "\\" + w + "\" /E");
            }
        }
        List<String> seen = new ArrayList<>();
        for (DatasourceConfig d : datasources) {
            String key = d.url();
            if (seen.contains(key)) {
                continue; // two datasources on one database need one dump
            }
            seen.add(key);
            dump(d, oldHome, linux, windows);
        }
        return new RunbookCommands.Commands(linux, windows);
    }

    private static void dump(DatasourceConfig d, String oldHome, List<String> linux, List<String> windows) {
        Optional<DatabaseProduct> kind = DatabaseProduct.of(d.url());
        String file = "databases/" + d.name();
        String wfile = "databases\\" + d.name();
        linux.add("# [database." + d.name() + "] " + d.url());
        windows.add("rem [database." + d.name() + "] " + d.url());
        if (kind.isEmpty()) {
            linux.add("# back up this database with its product's own tool into \"$APIM_BACKUP/" + file + "\"");
            windows.add("rem back up this database with its product's own tool into \"%APIM_BACKUP%\\" + wfile + "\"");
            return;
        }
        Endpoint e = endpoint(kind.get(), d.url());
        switch (kind.get()) {
            case H2 -> {
                Optional<Path> mv = H2Url.parse(d.url())
                        .flatMap(u -> u.databasePath(Path.of(oldHome)))
                        .map(H2Url::mvFile);
                linux.add(
                        "cp -p \"" + h2File(mv, "$APIM_OLD_HOME/", '/', oldHome, d) + "\" \"$APIM_BACKUP/databases/\"");
                windows.add("copy /Y \"" + h2File(mv, "%APIM_OLD_HOME%\\", '\\', oldHome, d)
                        + "\" \"%APIM_BACKUP%\\databases\\\"");
            }
            case POSTGRESQL -> {
                String cmd = "pg_dump -h " + e.host() + " -p " + e.port("5432") + " -U <user> -Fc -f ";
                linux.add(cmd + "\"$APIM_BACKUP/" + file + ".dump\" " + e.db());
                windows.add(cmd + "\"%APIM_BACKUP%\\" + wfile + ".dump\" " + e.db());
            }
            case MARIADB, MYSQL -> {
                String cmd = "mysqldump -h " + e.host() + " -P " + e.port("3306")
                        + " -u <user> -p --single-transaction --routines --triggers " + e.db() + " > ";
                linux.add(cmd + "\"$APIM_BACKUP/" + file + ".sql\"");
                windows.add(cmd + "\"%APIM_BACKUP%\\" + wfile + ".sql\"");
            }
            case ORACLE -> {
                String cmd = "expdp <user> SCHEMAS=<user> DIRECTORY=DATA_PUMP_DIR DUMPFILE=" + d.name()
                        + ".dmp LOGFILE=" + d.name() + ".log";
                linux.add(cmd + "   # then copy the dump from DATA_PUMP_DIR to \"$APIM_BACKUP/databases\"");
                windows.add(cmd + "   & rem then copy the dump from DATA_PUMP_DIR to \"%APIM_BACKUP%\\databases\"");
            }
            case SQLSERVER -> {
                String cmd = "sqlcmd -S " + e.host() + "," + e.port("1433") + " -U <user> -Q \"BACKUP DATABASE ["
                        + e.db() + "] TO DISK = N'<a folder of the database server>/" + d.name() + ".bak'\"";
                linux.add(cmd + "   # then copy the .bak file to \"$APIM_BACKUP/databases\"");
                windows.add(cmd + "   & rem then copy the .bak file to \"%APIM_BACKUP%\\databases\"");
            }
            case DB2 -> {
                linux.add("db2 backup database " + e.db() + " to \"$APIM_BACKUP/databases\"");
                windows.add("db2 backup database " + e.db() + " to \"%APIM_BACKUP%\\databases\"");
            }
        }
    }

    /** The .mv.db file, through the old home's variable when it lies in that home. */
    private static String h2File(
            Optional<Path> mv, String homeVariable, char separator, String oldHome, DatasourceConfig d) {
        if (mv.isEmpty()) {
            return "<the .mv.db file of " + d.url() + ">";
        }
        Path home = Path.of(oldHome).toAbsolutePath().normalize();
        Path file = mv.get().toAbsolutePath().normalize();
        String shown = file.startsWith(home) ? homeVariable + home.relativize(file) : file.toString();
        return shown.replace(separator == '/' ? '\\' : '/', separator);
    }

    private record Endpoint(String host, @Nullable String port, String db) {
        String port(String byDefault) {
            return port == null ? byDefault : port;
        }
    }

    private static Endpoint endpoint(DatabaseProduct kind, String url) {
        Pattern p = kind == DatabaseProduct.SQLSERVER ? MSSQL : kind == DatabaseProduct.ORACLE ? AT_HOST : HOST_DB;
        Matcher m = p.matcher(url);
        if (m.find()) {
            return new Endpoint(m.group(1), m.group(2), m.group(3));
        }
        return new Endpoint("<host>", null, "<database>");
    }
}
