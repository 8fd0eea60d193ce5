package dev.apimupgrade.scan;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.RegistryDatasource;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.util.List;

/**
 * Where a 3.0.0 home keeps its registry, placed as its registry.xml.j2 places the mounts: the governance registry in
 * jdbc/SHARED_DB ([database.shared_db]) always, the config registry in jdbc/WSO2CONFIG_DB when deployment.toml writes
 * [database.config], else in jdbc/SHARED_DB too.
 */
final class RegistryPlacement {
    private RegistryPlacement() {}

    static List<RegistryDatasource> of(TomlFile toml) {
        Role role = toml.role();
        SourceRef template = SourceRef.file(role, RegistryDatasource.TEMPLATE);
        List<String> configTable = List.of("database", DatasourceConfig.CONFIG);
        if (!toml.root().isTable(configTable)) {
            return List.of(new RegistryDatasource(
                    role,
                    DatasourceConfig.SHARED_DB,
                    List.of(RegistryDatasource.GOVERNANCE, RegistryDatasource.CONFIG),
                    RegistryDatasource.FROM_TEMPLATE,
                    template));
        }
        return List.of(
                new RegistryDatasource(
                        role,
                        DatasourceConfig.SHARED_DB,
                        List.of(RegistryDatasource.GOVERNANCE),
                        RegistryDatasource.FROM_TEMPLATE,
                        template),
                new RegistryDatasource(
                        role,
                        DatasourceConfig.CONFIG,
                        List.of(RegistryDatasource.CONFIG),
                        DatasourceConfig.WRITTEN,
                        SourceRef.line(role, TomlFile.PATH, toml.line(configTable))));
    }
}
