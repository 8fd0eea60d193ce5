package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.AnalyticsHome;
import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbAccount;
import dev.apimupgrade.fact.DbCollation;
import dev.apimupgrade.fact.DbColumn;
import dev.apimupgrade.fact.DbColumnCharset;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbIndexLimit;
import dev.apimupgrade.fact.DbPrivilege;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.RowCount;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DatabaseRulesTest {
    static final String DS = "apim_db";
    static final SourceRef TOML = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12);

    static DatabaseScan scanned() {
        return new DatabaseScan(DS, true, "PostgreSQL 15", "", TOML);
    }

    static DatabaseScan unreachable() {
        return new DatabaseScan(
                DS, false, "", "db.example:5432/apimdb: unreachable (ConnectException, SQLState 08001)", TOML);
    }

    static DbProduct product(DatabaseProduct database) {
        return new DbProduct(DS, database.jooqName(), "1", database, "", SourceRef.db(DS, "product"));
    }

    static DbTable table(String name, boolean present) {
        return new DbTable(DS, name, present, SourceRef.db(DS, name));
    }

    static RowCount count(String table, String measure, long n) {
        return new RowCount(DS, table, measure, n, SourceRef.db(DS, table));
    }

    static DbConstraint unique(String table, String name, String... columns) {
        return new DbConstraint(
                DS, table, name, DbConstraint.UNIQUE, List.of(columns), SourceRef.db(DS, table + "/" + name));
    }

    static DatasourceConfig datasource(String type, String url) {
        return new DatasourceConfig(Role.OLD, DS, type, url, "", "", false, TOML);
    }

    static TomlSetting analytics(String value) {
        return new TomlSetting(Role.OLD, "apim.analytics.enable", value, TOML);
    }

    static TomlSetting someOldSetting() {
        return new TomlSetting(Role.OLD, "server.hostname", "localhost", TOML);
    }

    static List<String> observed(Verdict v, String id) {
        return v.result(id).evidence().stream()
                .map(e -> e.source() + " " + e.observed())
                .toList();
    }

    @Nested
    class PrePgSuperuser {
        @Test
        void prePgSuperuserAppliesAsABlockerWithTheAlterUserStepWhenTheUserIsNotSuperuser() {
            Verdict v = decide(
                    datasource("postgre", "jdbc:postgresql://db/apim"),
                    DbPrivilege.superuser(DS, false, SourceRef.db(DS, "pg_roles.rolsuper")));

            assertThat(v.status("PRE-PG-SUPERUSER")).isEqualTo(Status.APPLIES);
            assertThat(v.result("PRE-PG-SUPERUSER").severity()).isEqualTo(Severity.BLOCKER);
            assertThat(observed(v, "PRE-PG-SUPERUSER")).contains("db:apim_db/pg_roles.rolsuper SUPERUSER not granted");
            assertThat(v.actions())
                    .anySatisfy(a -> assertThat(a.params().get("command")).contains("WITH SUPERUSER"));
        }

        @Test
        void prePgSuperuserStepNamesItsDatasourceSaysHowToRevokeAndWhatShowsItDone() {
            Verdict v = decide(
                    datasource("postgre", "jdbc:postgresql://db/apim"),
                    DbPrivilege.superuser(DS, false, SourceRef.db(DS, "pg_roles.rolsuper")));

            assertThat(actions(v, "PRE-PG-SUPERUSER")).singleElement().satisfies(a -> {
                assertThat(a.params().get("step")).contains("datasource " + DS);
                assertThat(a.params().get("command")).contains("WITH SUPERUSER").contains("WITH NOSUPERUSER");
                assertThat(a.params().get("doneWhen")).contains(DS).contains("rolsuper = true");
            });
        }

        static DbPrivilege notSuperuser(String datasource) {
            return DbPrivilege.superuser(datasource, false, SourceRef.db(datasource, "pg_roles.rolsuper"));
        }

        static DbAccount account(String datasource, String user, String server) {
            return new DbAccount(datasource, user, server, SourceRef.db(datasource, "current_user"));
        }

        @Test
        void prePgSuperuserIsOneStepNamingTheUserWhenThreeDatasourcesConnectAsTheSameUser() {
            Verdict v = decide(
                    datasource("postgre", "jdbc:postgresql://db/apim"),
                    notSuperuser("apim_db"),
                    account("apim_db", "apimadmin", "10.0.0.5:5432"),
                    notSuperuser("shared_db"),
                    account("shared_db", "apimadmin", "10.0.0.5:5432"),
                    notSuperuser("config"),
                    account("config", "apimadmin", "10.0.0.5:5432"));

            assertThat(actions(v, "PRE-PG-SUPERUSER")).singleElement().satisfies(a -> {
                assertThat(a.target()).isEqualTo("apim_db");
                assertThat(a.params().get("step")).contains("apimadmin").contains("apim_db, config, shared_db");
                assertThat(a.params().get("command"))
                        .isEqualTo("ALTER USER \"apimadmin\" WITH SUPERUSER;\n"
                                + "-- after apim-upgrade verify passes:\nALTER USER \"apimadmin\" WITH NOSUPERUSER;");
                assertThat(a.params().get("doneWhen")).contains("apimadmin");
            });
            assertThat(v.result("PRE-PG-SUPERUSER").messages())
                    .singleElement()
                    .asString()
                    .contains("apimadmin on 10.0.0.5:5432")
                    .contains("apim_db, config, shared_db");
        }

        @Test
        void prePgSuperuserIsOneStepPerUserWhenDatasourcesConnectAsDifferentUsersOrServers() {
            Verdict v = decide(
                    datasource("postgre", "jdbc:postgresql://db/apim"),
                    notSuperuser("apim_db"),
                    account("apim_db", "apimadmin", "10.0.0.5:5432"),
                    notSuperuser("shared_db"),
                    account("shared_db", "regadmin", "10.0.0.5:5432"),
                    notSuperuser("config"),
                    account("config", "apimadmin", "10.0.0.6:5432"));

            assertThat(actions(v, "PRE-PG-SUPERUSER"))
                    .extracting(a -> a.target() + " "
                            + a.params().get("command").lines().findFirst().orElseThrow())
                    .containsExactlyInAnyOrder(
                            "apim_db ALTER USER \"apimadmin\" WITH SUPERUSER;",
                            "shared_db ALTER USER \"regadmin\" WITH SUPERUSER;",
                            "config ALTER USER \"apimadmin\" WITH SUPERUSER;");
        }

        @Test
        void prePgSuperuserHasNoStepForAUserThatIsSuperuserThoughAnotherUserOfTheSameServerIsNot() {
            Verdict v = decide(
                    datasource("postgre", "jdbc:postgresql://db/apim"),
                    notSuperuser("apim_db"),
                    account("apim_db", "apimadmin", "10.0.0.5:5432"),
                    DbPrivilege.superuser("shared_db", true, SourceRef.db("shared_db", "pg_roles.rolsuper")),
                    account("shared_db", "postgres", "10.0.0.5:5432"));

            assertThat(actions(v, "PRE-PG-SUPERUSER"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.params().get("command"))
                            .contains("apimadmin")
                            .doesNotContain("postgres"));
        }

        @Test
        void prePgSuperuserIsNotApplicableWhenTheUserIsSuperuser() {
            Verdict v = decide(
                    datasource("postgre", "jdbc:postgresql://db/apim"),
                    DbPrivilege.superuser(DS, true, SourceRef.db(DS, "pg_roles.rolsuper")));

            assertThat(v.status("PRE-PG-SUPERUSER")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void prePgSuperuserIsNotApplicableWithoutADatabaseWhenNoDatasourceIsPostgres() {
            assertThat(decide(datasource("h2", "jdbc:h2:./repository/database/WSO2AM_DB"))
                            .status("PRE-PG-SUPERUSER"))
                    .isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void prePgSuperuserIsUnknownWithTheScanReasonWhenThePostgresDatabaseWasNotRead() {
            Verdict v = decide(datasource("postgre", "jdbc:postgresql://db/apim"), unreachable());

            assertThat(v.status("PRE-PG-SUPERUSER")).isEqualTo(Status.UNKNOWN);
            assertThat(v.result("PRE-PG-SUPERUSER").messages())
                    .anySatisfy(m -> assertThat(m).contains("unreachable"));
        }

        @Test
        void prePgSuperuserIsUnknownSayingDatabasesWereNotReadWhenNothingIsKnown() {
            Verdict v = decide();

            assertThat(v.status("PRE-PG-SUPERUSER")).isEqualTo(Status.UNKNOWN);
            assertThat(v.result("PRE-PG-SUPERUSER").messages())
                    .anySatisfy(m -> assertThat(m).contains("not read"));
        }
    }

    @Nested
    class PreAlreadyMigrated {
        @Test
        void preAlreadyMigratedAppliesWhenA310TableExists() {
            Verdict v = decide(scanned(), table("AM_SYSTEM_APPS", true), table("AM_API_CATEGORIES", true));

            assertThat(v.status("PRE-ALREADY-MIGRATED")).isEqualTo(Status.APPLIES);
            assertThat(observed(v, "PRE-ALREADY-MIGRATED"))
                    .containsExactly("db:apim_db/AM_API_CATEGORIES table AM_API_CATEGORIES exists");
        }

        @Test
        void preAlreadyMigratedAppliesWhenAmSystemAppsHasTenantDomain() {
            Verdict v = decide(
                    scanned(),
                    table("AM_SYSTEM_APPS", true),
                    new DbColumn(
                            DS,
                            "AM_SYSTEM_APPS",
                            "TENANT_DOMAIN",
                            "VARCHAR(255)",
                            true,
                            SourceRef.db(DS, "AM_SYSTEM_APPS.TENANT_DOMAIN")));

            assertThat(v.status("PRE-ALREADY-MIGRATED")).isEqualTo(Status.APPLIES);
        }

        @Test
        void preAlreadyMigratedIsNotApplicableOnA300SchemaCitingTheAbsentTables() {
            Verdict v = decide(scanned(), table("AM_SYSTEM_APPS", true), table("AM_USER", false));

            assertThat(v.status("PRE-ALREADY-MIGRATED")).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(observed(v, "PRE-ALREADY-MIGRATED")).contains("db:apim_db/AM_USER table AM_USER does not exist");
        }

        @Test
        void preAlreadyMigratedIsUnknownWithTheReasonWhenTheDatabaseWasNotRead() {
            Verdict v = decide(unreachable());

            assertThat(v.status("PRE-ALREADY-MIGRATED")).isEqualTo(Status.UNKNOWN);
            assertThat(v.result("PRE-ALREADY-MIGRATED").messages().get(0))
                    .contains("apim_db (db.example:5432/apimdb: unreachable");
        }
    }

    @Nested
    class RegVersioningEnabledRowCounts {
        static RegistryVersioning flag(boolean on) {
            return new RegistryVersioning(
                    Role.OLD, "versioningTags", on, SourceRef.line(Role.OLD, "repository/conf/registry.xml", 40));
        }

        @Test
        void regVersioningEnabledFindingGivesTheVersionedRowsAndWhatTheCleanupDeletes() {
            Verdict v = decide(
                    flag(true),
                    Given.registry(),
                    count("REG_RESOURCE_TAG", RowCount.VERSIONED_ROWS, 2),
                    count("REG_RESOURCE_TAG", RowCount.CLEANUP_DELETES, 1),
                    count("REG_TAG", RowCount.CLEANUP_DELETES, 1));

            assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.APPLIES);
            assertThat(v.result("REG-VERSIONING-ENABLED").messages())
                    .anySatisfy(m -> assertThat(m)
                            .contains("2 versioned rows", "would delete 1 REG_RESOURCE_* rows and 1 orphaned")
                            .doesNotContain("not versioned"));
        }

        @Test
        void regVersioningEnabledCountsIgnoreTheEmptyRegistryTablesOfOtherDatabases() {
            RowCount userDb = new RowCount(
                    "user", "REG_RESOURCE_TAG", RowCount.VERSIONED_ROWS, 0, SourceRef.db("user", "REG_RESOURCE_TAG"));

            Verdict v = decide(flag(true), Given.registry(), userDb);

            assertThat(v.result("REG-VERSIONING-ENABLED").evidence())
                    .extracting(e -> e.source().where())
                    .doesNotContain("db:user/REG_RESOURCE_TAG");
        }

        @Test
        void regVersioningEnabledCountsTheEmptyRegistryTablesOfASeparateConfigDatasourceThatHoldsTheConfigRegistry() {
            RowCount config = new RowCount(
                    "config",
                    "REG_RESOURCE_TAG",
                    RowCount.VERSIONED_ROWS,
                    0,
                    SourceRef.db("config", "REG_RESOURCE_TAG"));
            RowCount user = new RowCount(
                    "user", "REG_RESOURCE_TAG", RowCount.VERSIONED_ROWS, 0, SourceRef.db("user", "REG_RESOURCE_TAG"));
            List<Observation> facts = new java.util.ArrayList<>(List.of(flag(true), config, user));
            facts.addAll(Given.registrySplit("shared_db", "config"));

            Verdict v = decide(facts.toArray(Observation[]::new));

            assertThat(v.result("REG-VERSIONING-ENABLED").evidence())
                    .extracting(e -> e.source().where())
                    .contains("db:config/REG_RESOURCE_TAG")
                    .doesNotContain("db:user/REG_RESOURCE_TAG");
        }

        @Test
        void regVersioningEnabledFindingWarnsWhenTheCleanupWouldDeleteRowsThatAreNotVersioned() {
            Verdict v = decide(
                    flag(true),
                    count("REG_RESOURCE_PROPERTY", RowCount.VERSIONED_ROWS, 1),
                    count("REG_RESOURCE_PROPERTY", RowCount.CLEANUP_DELETES, 40));

            assertThat(v.result("REG-VERSIONING-ENABLED").messages())
                    .anySatisfy(m -> assertThat(m).contains("39 of the deleted REG_RESOURCE_* rows are not versioned"));
        }

        @Test
        void regVersioningEnabledAppliesWhenVersionedRowsShowVersioningWasOnThoughTheFlagsAreOff() {
            Verdict v = decide(flag(false), Given.registry(), count("REG_RESOURCE_TAG", RowCount.VERSIONED_ROWS, 3));

            assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.APPLIES);
            assertThat(actions(v, "REG-VERSIONING-ENABLED"))
                    .extracting(a -> a.kind() + " " + a.target())
                    .containsExactly("RunSqlScript shared_db");
        }

        @Test
        void regVersioningEnabledCleansUpEveryDatasourceThatHoldsTheRegistryWhenVersionedRowsShowIt() {
            List<Observation> facts = new java.util.ArrayList<>(
                    List.of(flag(false), count("REG_RESOURCE_TAG", RowCount.VERSIONED_ROWS, 3)));
            facts.addAll(Given.registrySplit("shared_db", "config"));

            Verdict v = decide(facts.toArray(Observation[]::new));

            assertThat(actions(v, "REG-VERSIONING-ENABLED"))
                    .extracting(a -> a.kind() + " " + a.target())
                    .containsExactlyInAnyOrder("RunSqlScript shared_db", "RunSqlScript config");
        }

        @Test
        void regVersioningEnabledStaysNotApplicableWithFlagsOffAndNoVersionedRows() {
            Verdict v = decide(flag(false), count("REG_RESOURCE_TAG", RowCount.VERSIONED_ROWS, 0));

            assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class DbAmUpgrade {
        @Test
        void dbAmUpgradeAppliesOnA300AmSchemaWithTheScriptForItsDialect() {
            Verdict v = decide(scanned(), product(DatabaseProduct.POSTGRESQL), table("AM_SYSTEM_APPS", true));

            assertThat(v.status("DB-AM-UPGRADE")).isEqualTo(Status.APPLIES);
            assertThat(v.actions()).anySatisfy(a -> {
                assertThat(a.conditionId()).isEqualTo("DB-AM-UPGRADE");
                assertThat(a.params()).containsEntry("dialect", "POSTGRES");
            });
        }

        @Test
        void dbAmUpgradeSaysTheChecksAreUntestedOnAProductReadThroughPlainJdbc() {
            DbProduct oracle = new DbProduct(
                    DS,
                    "Oracle",
                    "19c",
                    DatabaseProduct.ORACLE,
                    "read through plain JDBC metadata: untested",
                    SourceRef.db(DS, "product"));
            Verdict v = decide(scanned(), oracle, table("AM_SYSTEM_APPS", true));

            assertThat(v.result("DB-AM-UPGRADE").messages().get(0)).contains("(read through plain JDBC metadata");
        }

        @Test
        void dbAmUpgradeIsNotApplicableWhenEvery310ObjectExists() {
            Verdict v = decide(
                    scanned(),
                    product(DatabaseProduct.POSTGRESQL),
                    table("AM_SYSTEM_APPS", true),
                    table("AM_API_CATEGORIES", true),
                    table("AM_USER", true),
                    table("AM_SECURITY_AUDIT_UUID_MAPPING", true),
                    new DbColumn(DS, "AM_SYSTEM_APPS", "TENANT_DOMAIN", "VARCHAR(255)", true, SourceRef.db(DS, "x")));

            assertThat(v.status("DB-AM-UPGRADE")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void dbAmUpgradeIsPlannedFromAnOracleUrlWithoutADatabaseSayingWhyItWasNotRead() {
            DatasourceConfig oracle = new DatasourceConfig(
                    Role.OLD, "apim_db", "oracle", "jdbc:oracle:thin:@db.example:1521/APIM", "", "", false, TOML);
            Verdict v = decide(oracle, new DatabaseScan(DS, false, "", "not attempted (--no-db)", TOML));

            assertThat(v.status("DB-AM-UPGRADE")).isEqualTo(Status.APPLIES);
            assertThat(v.result("DB-AM-UPGRADE").messages())
                    .singleElement()
                    .asString()
                    .contains("not read (not attempted (--no-db))")
                    .contains("dialect (ORACLE)");
            assertThat(actions(v, "DB-AM-UPGRADE")).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("RunSqlScript");
                assertThat(a.target()).isEqualTo("apim_db");
                assertThat(a.params())
                        .containsEntry("script", "am-3.0.0-to-3.1.0")
                        .containsEntry("dialect", "ORACLE");
            });
        }

        @Test
        void dbAmUpgradeIsPlannedFromASqlServerUrlWhenNoDatabaseWasReadAtAll() {
            Verdict v = decide(new DatasourceConfig(
                    Role.OLD, "apim_db", "mssql", "jdbc:sqlserver://db:1433;databaseName=amdb", "", "", false, TOML));

            assertThat(v.status("DB-AM-UPGRADE")).isEqualTo(Status.APPLIES);
            assertThat(said(v, "DB-AM-UPGRADE"))
                    .contains("no database was read")
                    .contains("SQLSERVER");
        }

        @Test
        void dbAmUpgradeStaysUndecidedWhenTheDatabaseWasReadButHeldNoAmTables() {
            Verdict v = decide(datasource("postgre", "jdbc:postgresql://db/apim"), scanned());

            assertThat(v.status("DB-AM-UPGRADE")).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void dbAmUpgradeIsUnknownWhenNoDatabaseWasRead() {
            assertThat(decide().result("DB-AM-UPGRADE").messages().get(0)).contains("databases were not read");
        }
    }

    @Nested
    class DbAmSysappsConstraint {
        @Test
        void dbAmSysappsConstraintIsABlockerWithTheRealNameAsActionParameterWhenPostgresNamesItOtherwise() {
            Verdict v = decide(
                    scanned(),
                    product(DatabaseProduct.POSTGRESQL),
                    table("AM_SYSTEM_APPS", true),
                    unique("AM_SYSTEM_APPS", "uk_sysapps_name", "NAME"));

            assertThat(v.status("DB-AM-SYSAPPS-CONSTRAINT")).isEqualTo(Status.APPLIES);
            assertThat(observed(v, "DB-AM-SYSAPPS-CONSTRAINT"))
                    .contains(
                            "db:apim_db/AM_SYSTEM_APPS/uk_sysapps_name UNIQUE uk_sysapps_name on AM_SYSTEM_APPS (NAME)");
            assertThat(v.actions()).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo("AdaptSqlStatement");
                assertThat(a.params())
                        .containsEntry("actualName", "uk_sysapps_name")
                        .containsEntry("expectedName", "am_system_apps_name_key");
            });
        }

        @Test
        void dbAmSysappsConstraintIsNotApplicableWhenMariaDbNamesItNameAsTheScriptExpects() {
            Verdict v = decide(
                    scanned(),
                    product(DatabaseProduct.MARIADB),
                    table("AM_SYSTEM_APPS", true),
                    unique("AM_SYSTEM_APPS", "NAME", "NAME"));

            assertThat(v.status("DB-AM-SYSAPPS-CONSTRAINT")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void dbAmSysappsConstraintIsNotApplicableOnH2WhoseScriptDoesNotDropIt() {
            Verdict v = decide(
                    scanned(),
                    product(DatabaseProduct.H2),
                    table("AM_SYSTEM_APPS", true),
                    unique("AM_SYSTEM_APPS", "CONSTRAINT_1", "NAME"));

            assertThat(v.status("DB-AM-SYSAPPS-CONSTRAINT")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void dbAmSysappsConstraintAppliesWhenThePostgresScriptWouldDropAConstraintThatIsGone() {
            Verdict v = decide(scanned(), product(DatabaseProduct.POSTGRESQL), table("AM_SYSTEM_APPS", true));

            assertThat(v.status("DB-AM-SYSAPPS-CONSTRAINT")).isEqualTo(Status.APPLIES);
        }

        @Test
        void dbAmSysappsConstraintIsUnknownWithoutAmSystemApps() {
            assertThat(decide(scanned()).status("DB-AM-SYSAPPS-CONSTRAINT")).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class DbScopeBindingNull {
        static final String T = "IDN_OAUTH2_SCOPE_BINDING";

        @Test
        void dbScopeBindingNullAppliesWithTheCountOfNullOrEmptyBindings() {
            Verdict v = decide(
                    count(T, RowCount.SCOPE_BINDING_NULL_OR_EMPTY, 2), count(T, RowCount.DUPLICATE_SCOPE_BINDINGS, 0));

            assertThat(v.status("DB-SCOPE-BINDING-NULL")).isEqualTo(Status.APPLIES);
            assertThat(v.result("DB-SCOPE-BINDING-NULL").severity()).isEqualTo(Severity.INFO);
            assertThat(observed(v, "DB-SCOPE-BINDING-NULL"))
                    .containsExactly(
                            "db:apim_db/IDN_OAUTH2_SCOPE_BINDING IDN_OAUTH2_SCOPE_BINDING: 2 rows with SCOPE_BINDING NULL or ''");
            assertThat(v.actions()).anySatisfy(a -> {
                assertThat(a.conditionId()).isEqualTo("DB-SCOPE-BINDING-NULL");
                assertThat(a.kind()).isEqualTo("RunSqlScript");
                assertThat(a.target()).isEqualTo("apim_db");
                assertThat(a.params()).containsEntry("script", "scope-binding-cleanup");
            });
        }

        @Test
        void dbScopeBindingNullIsRaisedToAWarningByDuplicatePairs() {
            Verdict v = decide(
                    count(T, RowCount.SCOPE_BINDING_NULL_OR_EMPTY, 0), count(T, RowCount.DUPLICATE_SCOPE_BINDINGS, 3));

            assertThat(v.status("DB-SCOPE-BINDING-NULL")).isEqualTo(Status.APPLIES);
            assertThat(v.result("DB-SCOPE-BINDING-NULL").severity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void dbScopeBindingNullIsNotApplicableWhenNoneAreNullEmptyOrDuplicated() {
            Verdict v = decide(
                    count(T, RowCount.SCOPE_BINDING_NULL_OR_EMPTY, 0), count(T, RowCount.DUPLICATE_SCOPE_BINDINGS, 0));

            assertThat(v.status("DB-SCOPE-BINDING-NULL")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void dbScopeBindingNullIsUnknownWithTheScanReason() {
            assertThat(decide(unreachable())
                            .result("DB-SCOPE-BINDING-NULL")
                            .messages()
                            .get(0))
                    .contains("unreachable");
        }
    }

    @Nested
    class DbScopeNameClash {
        @Test
        void dbScopeNameClashAppliesWhenAnOAuth2ScopeHasAnOidcScopesName() {
            Verdict v = decide(count("IDN_OAUTH2_SCOPE", RowCount.NAMES_ALSO_OIDC, 1));

            assertThat(v.status("DB-SCOPE-NAME-CLASH")).isEqualTo(Status.APPLIES);
            assertThat(v.result("DB-SCOPE-NAME-CLASH").condition().beyondGuide())
                    .isTrue();
        }

        @Test
        void dbScopeNameClashIsNotApplicableWithoutClashes() {
            assertThat(decide(count("IDN_OAUTH2_SCOPE", RowCount.NAMES_ALSO_OIDC, 0))
                            .status("DB-SCOPE-NAME-CLASH"))
                    .isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void dbScopeNameClashIsUnknownWhenNoDatabaseWasRead() {
            assertThat(decide().status("DB-SCOPE-NAME-CLASH")).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class IdnLargeTables {
        @Test
        void idnLargeTablesAppliesAtTheThreshold() {
            Verdict v = decide(
                    count("IDN_OAUTH2_ACCESS_TOKEN", RowCount.ROWS, DatabaseEvidence.LARGE_TABLE_ROWS),
                    count("IDN_OAUTH2_AUTHORIZATION_CODE", RowCount.ROWS, 10));

            assertThat(v.status("IDN-LARGE-TABLES")).isEqualTo(Status.APPLIES);
            assertThat(observed(v, "IDN-LARGE-TABLES"))
                    .containsExactly("db:apim_db/IDN_OAUTH2_ACCESS_TOKEN IDN_OAUTH2_ACCESS_TOKEN: 100000 rows");
        }

        @Test
        void idnLargeTablesIsNotApplicableBelowTheThreshold() {
            Verdict v = decide(count("IDN_OAUTH2_ACCESS_TOKEN", RowCount.ROWS, DatabaseEvidence.LARGE_TABLE_ROWS - 1));

            assertThat(v.status("IDN-LARGE-TABLES")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void idnLargeTablesIsUnknownWhenNoDatabaseWasRead() {
            assertThat(decide(unreachable()).status("IDN-LARGE-TABLES")).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class IdxRegIndexSql {
        static RowCount sharedDbRegLog(long rows) {
            return new RowCount("shared_db", "REG_LOG", RowCount.ROWS, rows, SourceRef.db("shared_db", "REG_LOG"));
        }

        @Test
        void idxRegIndexSqlAppliesAsInfoWithAnEstimateWheneverRegLogWasRead() {
            Verdict v = decide(Given.registry(), sharedDbRegLog(0));

            assertThat(v.status("IDX-REG-INDEX-SQL")).isEqualTo(Status.APPLIES);
            assertThat(v.result("IDX-REG-INDEX-SQL").severity()).isEqualTo(Severity.INFO);
            assertThat(v.result("IDX-REG-INDEX-SQL").messages().get(0)).contains("0 rows", "estimate");
        }

        @Test
        void idxRegIndexSqlJustifiesRunningTheScriptOnSharedDbOnly() {
            Verdict v = decide(
                    Given.registry(),
                    sharedDbRegLog(5),
                    new RowCount("user", "REG_LOG", RowCount.ROWS, 0, SourceRef.db("user", "REG_LOG")));

            assertThat(actions(v, "IDX-REG-INDEX-SQL"))
                    .extracting(a -> a.kind() + " " + a.target())
                    .containsExactly("RunSqlScript shared_db");
            assertThat(v.result("IDX-REG-INDEX-SQL").messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m).startsWith("REG_LOG of shared_db holds 5 rows"));
        }

        @Test
        void idxRegIndexSqlRunsWhereTheGovernanceRegistryIsAndNotOnASeparateConfigRegistry() {
            List<Observation> facts = new java.util.ArrayList<>(List.of(
                    new RowCount("gov_db", "REG_LOG", RowCount.ROWS, 5, SourceRef.db("gov_db", "REG_LOG")),
                    new RowCount("config", "REG_LOG", RowCount.ROWS, 0, SourceRef.db("config", "REG_LOG"))));
            facts.addAll(Given.registrySplit("gov_db", "config"));

            Verdict v = decide(facts.toArray(Observation[]::new));

            assertThat(actions(v, "IDX-REG-INDEX-SQL"))
                    .extracting(a -> a.kind() + " " + a.target())
                    .containsExactly("RunSqlScript gov_db");
            assertThat(said(v, "IDX-REG-INDEX-SQL")).startsWith("REG_LOG of gov_db holds 5 rows");
        }

        @Test
        void idxRegIndexSqlPlansNoScriptWhenNoReadDatasourceHoldsTheGovernanceRegistry() {
            Verdict v = decide(
                    Given.registrySplit("shared_db", "config").get(1),
                    new RowCount("config", "REG_LOG", RowCount.ROWS, 0, SourceRef.db("config", "REG_LOG")));

            assertThat(v.actions()).noneMatch(a -> a.conditionId().equals("IDX-REG-INDEX-SQL"));
        }

        @Test
        void idxRegIndexSqlIsAWarningAboveTheThreshold() {
            Verdict v = decide(count("REG_LOG", RowCount.ROWS, DatabaseEvidence.REG_LOG_WARN_ROWS + 1));

            assertThat(v.result("IDX-REG-INDEX-SQL").severity()).isEqualTo(Severity.WARNING);
            assertThat(v.result("IDX-REG-INDEX-SQL").messages())
                    .anySatisfy(m -> assertThat(m).contains("about 3 min"));
        }

        @Test
        void idxRegIndexSqlIsPlannedOnSharedDbFromItsUrlWhenTheDatabaseWasNotRead() {
            DatasourceConfig shared = new DatasourceConfig(
                    Role.OLD, "shared_db", "oracle", "jdbc:oracle:thin:@db.example:1521/SHARED", "", "", false, TOML);
            Verdict v = decide(
                    Given.registry(),
                    shared,
                    new DatabaseScan("shared_db", false, "", "no JDBC driver for Oracle", TOML));

            assertThat(v.status("IDX-REG-INDEX-SQL")).isEqualTo(Status.APPLIES);
            assertThat(said(v, "IDX-REG-INDEX-SQL"))
                    .contains("not read (no JDBC driver for Oracle)")
                    .contains("dialect (ORACLE)");
            assertThat(actions(v, "IDX-REG-INDEX-SQL"))
                    .singleElement()
                    .satisfies(
                            a -> assertThat(a.target() + " " + a.params()).isEqualTo("shared_db {script=reg-index}"));
        }

        @Test
        void idxRegIndexSqlIsUnknownWithoutRegLog() {
            assertThat(decide(Given.registry(), scanned())
                            .result("IDX-REG-INDEX-SQL")
                            .messages()
                            .get(0))
                    .contains("REG_LOG was not found in any datasource read (apim_db)");
        }
    }

    @Nested
    class IdxTenantloader {
        @Test
        void idxTenantloaderAppliesWhenUmTenantListsTenants() {
            Verdict v = decide(count("UM_TENANT", RowCount.ROWS, 2));

            assertThat(v.status("IDX-TENANTLOADER")).isEqualTo(Status.APPLIES);
            assertThat(observed(v, "IDX-TENANTLOADER")).containsExactly("db:apim_db/UM_TENANT UM_TENANT: 2 rows");
        }

        @Test
        void idxTenantloaderIsNotApplicableWhenUmTenantIsEmpty() {
            assertThat(decide(count("UM_TENANT", RowCount.ROWS, 0)).status("IDX-TENANTLOADER"))
                    .isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void idxTenantloaderConcludesNothingFromAnUnreadDatabaseSoTheFileRulesDecide() {
            assertThat(decide(unreachable()).result("IDX-TENANTLOADER").rules())
                    .noneMatch(r -> r.startsWith("IDX-TENANTLOADER UM_TENANT"));
        }
    }

    @Nested
    class Analytics {
        static final String T = "APILASTACCESSSUMMARY";

        static DbConstraint pk(String... columns) {
            return new DbConstraint(
                    DS,
                    T,
                    "apilastaccesssummary_pkey",
                    DbConstraint.PRIMARY_KEY,
                    List.of(columns),
                    SourceRef.db(DS, T));
        }

        @Test
        void anaDbPkAppliesWhenThePrimaryKeyLacksApiVersion() {
            Verdict v = decide(analytics("true"), pk("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN"));

            assertThat(v.status("ANA-DB-PK")).isEqualTo(Status.APPLIES);
            assertThat(v.actions()).anySatisfy(a -> assertThat(a.conditionId()).isEqualTo("ANA-DB-PK"));
        }

        @Test
        void anaDbPkIsNotApplicableWhenTheKeyHasApiVersion() {
            Verdict v = decide(analytics("true"), pk("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN"));

            assertThat(v.status("ANA-DB-PK")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void anaDbPkPkDuplicatesAndCollationAreNotApplicableWhenAnalyticsIsOffEvenWithoutTheSetting() {
            Verdict v = decide(someOldSetting());

            assertThat(List.of("ANA-DB-PK", "ANA-PK-DUPLICATES", "ANA-COLLATION", "ANA-PK-KEY-LENGTH"))
                    .allSatisfy(id -> assertThat(v.status(id)).isEqualTo(Status.NOT_APPLICABLE));
        }

        @Test
        void anaDbPkPkDuplicatesAndCollationAreUnknownWhenAnalyticsIsOnButNoAnalyticsDatabaseWasRead() {
            Verdict v = decide(analytics("true"), scanned());

            assertThat(List.of("ANA-DB-PK", "ANA-PK-DUPLICATES", "ANA-COLLATION", "ANA-PK-KEY-LENGTH"))
                    .allSatisfy(id -> {
                        assertThat(v.status(id)).isEqualTo(Status.UNKNOWN);
                        assertThat(v.result(id).messages().get(0)).contains("analytics database is not configured");
                    });
        }

        @Test
        void anaPkDuplicatesAndKeyLengthSayApimAnalyticsDbWasReadWithoutTheTableWhenTheAnalyticsHomeWasGiven() {
            Verdict v = decide(
                    analytics("true"),
                    scanned(),
                    new AnalyticsHome(Role.OLD, "", SourceRef.file(Role.OLD, "analytics")),
                    new DatabaseScan("APIM_ANALYTICS_DB", true, "MariaDB 10.11", "", TOML));

            assertThat(List.of("ANA-PK-DUPLICATES", "ANA-PK-KEY-LENGTH", "ANA-DB-PK"))
                    .allSatisfy(id -> {
                        assertThat(v.status(id)).isEqualTo(Status.UNKNOWN);
                        assertThat(v.result(id).messages().get(0))
                                .startsWith(
                                        "APIM_ANALYTICS_DB was read (MariaDB 10.11) and has no APILASTACCESSSUMMARY table yet")
                                .doesNotContain("--old-analytics");
                    });
        }

        @Test
        void anaPkDuplicatesSaysWhyApimAnalyticsDbWasNotReadWhenTheAnalyticsHomeWasGiven() {
            Verdict v = decide(
                    analytics("true"),
                    scanned(),
                    new AnalyticsHome(Role.OLD, "", SourceRef.file(Role.OLD, "analytics")),
                    new DatabaseScan("APIM_ANALYTICS_DB", false, "", "db.example:3306/analytics: unreachable", TOML));

            assertThat(v.result("ANA-PK-DUPLICATES").messages().get(0))
                    .startsWith("APIM_ANALYTICS_DB of the 3.0.0 analytics home was not read (db.example:3306/analytics:"
                            + " unreachable)")
                    .doesNotContain("--old-analytics");
        }

        @Test
        void anaPkDuplicatesIsABlockerForDuplicatesOrNullVersions() {
            Verdict dup = decide(
                    analytics("true"),
                    count(T, RowCount.DUPLICATES_UNDER_NEW_PK, 1),
                    count(T, RowCount.APIVERSION_NULL, 0));
            Verdict nul = decide(
                    analytics("true"),
                    count(T, RowCount.DUPLICATES_UNDER_NEW_PK, 0),
                    count(T, RowCount.APIVERSION_NULL, 4));

            assertThat(dup.status("ANA-PK-DUPLICATES")).isEqualTo(Status.APPLIES);
            assertThat(nul.status("ANA-PK-DUPLICATES")).isEqualTo(Status.APPLIES);
            assertThat(nul.result("ANA-PK-DUPLICATES").messages().get(0)).contains("4 APILASTACCESSSUMMARY rows");
        }

        @Test
        void anaPkDuplicatesIsNotApplicableWhenEveryRowFits() {
            Verdict v = decide(
                    analytics("true"),
                    count(T, RowCount.DUPLICATES_UNDER_NEW_PK, 0),
                    count(T, RowCount.APIVERSION_NULL, 0));

            assertThat(v.status("ANA-PK-DUPLICATES")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void anaCollationAppliesForACaseInsensitiveAnalyticsDatabase() {
            Verdict v = decide(
                    analytics("true"),
                    table(T, true),
                    new DbCollation(DS, "database", "utf8mb4_general_ci", false, SourceRef.db(DS, "collation")));

            assertThat(v.status("ANA-COLLATION")).isEqualTo(Status.APPLIES);
            assertThat(observed(v, "ANA-COLLATION"))
                    .contains("db:apim_db/collation database collation utf8mb4_general_ci (case-insensitive)");
        }

        @Test
        void anaCollationIsNotApplicableForACaseSensitiveOne() {
            Verdict v = decide(
                    analytics("true"),
                    table(T, true),
                    new DbCollation(DS, "database", "utf8mb4_bin", true, SourceRef.db(DS, "collation")));

            assertThat(v.status("ANA-COLLATION")).isEqualTo(Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class AnaPkKeyLength {
        static final String T = "APILASTACCESSSUMMARY";

        static DbColumnCharset column(String name, boolean nullable, String charset, int bytesPerChar) {
            int position = List.of("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN")
                            .indexOf(name)
                    + 1;
            return new DbColumnCharset(
                    DS,
                    T,
                    position,
                    name,
                    "VARCHAR(254)",
                    nullable,
                    254,
                    charset,
                    bytesPerChar,
                    SourceRef.db(DS, T + "." + name));
        }

        /** The 3.0.0 table: its old three-column key, the four columns of the new key in that set, the row format. */
        static Observation[] summary(String charset, int bytesPerChar, String rowFormat, long columnBytes) {
            return new Observation[] {
                analytics("true"),
                table(T, true),
                new DbConstraint(
                        DS,
                        T,
                        "PRIMARY",
                        DbConstraint.PRIMARY_KEY,
                        List.of("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN"),
                        SourceRef.db(DS, T + "/PRIMARY")),
                column("APINAME", false, charset, bytesPerChar),
                column("APICREATOR", false, charset, bytesPerChar),
                column("APIVERSION", true, charset, bytesPerChar),
                column("APICREATORTENANTDOMAIN", false, charset, bytesPerChar),
                new DbIndexLimit(DS, T, "InnoDB", rowFormat, columnBytes, 3072, SourceRef.db(DS, T + "/row-format"))
            };
        }

        @Test
        void anaPkKeyLengthIsABlockerNamingTheTableAndTheBytesWhenTheUtf8mb4KeyNeeds4064Of3072() {
            Verdict v = decide(summary("utf8mb4", 4, "Dynamic", 3072));

            assertThat(v.status("ANA-PK-KEY-LENGTH")).isEqualTo(Status.APPLIES);
            assertThat(v.result("ANA-PK-KEY-LENGTH").severity()).isEqualTo(Severity.BLOCKER);
            assertThat(v.result("ANA-PK-KEY-LENGTH").messages().get(0))
                    .contains("APILASTACCESSSUMMARY")
                    .contains("4064 bytes")
                    .contains("more than the 3072 bytes InnoDB allows a key")
                    .contains("APINAME VARCHAR(254) utf8mb4 1016");
            assertThat(observed(v, "ANA-PK-KEY-LENGTH"))
                    .contains("db:apim_db/APILASTACCESSSUMMARY/row-format"
                            + " APILASTACCESSSUMMARY InnoDB row format Dynamic: an index key column up to 3072 bytes, a key up"
                            + " to 3072 bytes");
        }

        @Test
        void anaPkKeyLengthStepGivesTheAlterTableThatConvertsTheKeyColumnsToUtf8mb3KeepingTheirNullSetting() {
            Verdict v = decide(summary("utf8mb4", 4, "Dynamic", 3072));

            assertThat(actions(v, "ANA-PK-KEY-LENGTH")).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("ManualStep");
                assertThat(a.params().get("command"))
                        .isEqualTo("ALTER TABLE APILASTACCESSSUMMARY"
                                + "\n  MODIFY APINAME VARCHAR(254) CHARACTER SET utf8mb3 NOT NULL,"
                                + "\n  MODIFY APICREATOR VARCHAR(254) CHARACTER SET utf8mb3 NOT NULL,"
                                + "\n  MODIFY APIVERSION VARCHAR(254) CHARACTER SET utf8mb3 NULL,"
                                + "\n  MODIFY APICREATORTENANTDOMAIN VARCHAR(254) CHARACTER SET utf8mb3 NOT NULL;");
                assertThat(a.params().get("doneWhen")).contains("ANA-PK-KEY-LENGTH as NOT_APPLICABLE");
            });
        }

        @Test
        void anaPkKeyLengthIsNotApplicableWhenTheLatin1KeyFits() {
            Verdict v = decide(summary("latin1", 1, "Dynamic", 3072));

            assertThat(v.status("ANA-PK-KEY-LENGTH")).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(v.result("ANA-PK-KEY-LENGTH").messages().get(0)).contains("takes 1016 bytes");
            assertThat(v.actions()).noneMatch(a -> a.conditionId().equals("ANA-PK-KEY-LENGTH"));
        }

        @Test
        void anaPkKeyLengthOnACompactTableHoldsEachColumnTo767Bytes() {
            assertThat(decide(summary("utf8mb3", 3, "Compact", 767)).status("ANA-PK-KEY-LENGTH"))
                    .as("762 bytes a column")
                    .isEqualTo(Status.NOT_APPLICABLE);
            Verdict wide = decide(summary("utf8mb4", 4, "Compact", 767));
            assertThat(wide.status("ANA-PK-KEY-LENGTH")).isEqualTo(Status.APPLIES);
            assertThat(wide.result("ANA-PK-KEY-LENGTH").messages().get(0))
                    .contains("APINAME takes more than the 767 bytes InnoDB allows a key column");
        }

        @Test
        void anaPkKeyLengthIsNotApplicableWhenTheAnalyticsDatabaseIsPostgresql() {
            Verdict v = decide(analytics("true"), table(T, true), product(DatabaseProduct.POSTGRESQL));

            assertThat(v.status("ANA-PK-KEY-LENGTH")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void anaPkKeyLengthIsNotApplicableOnceTheKeyHasApiversion() {
            Verdict v = decide(
                    analytics("true"),
                    new DbConstraint(
                            DS,
                            T,
                            "PRIMARY",
                            DbConstraint.PRIMARY_KEY,
                            List.of("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN"),
                            SourceRef.db(DS, T + "/PRIMARY")));

            assertThat(v.status("ANA-PK-KEY-LENGTH")).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void anaPkKeyLengthIsUnknownWhenTheMariaDbAnalyticsDatabaseWasNotReached() {
            Verdict v = decide(analytics("true"), unreachable());

            assertThat(v.status("ANA-PK-KEY-LENGTH")).isEqualTo(Status.UNKNOWN);
        }
    }
}
