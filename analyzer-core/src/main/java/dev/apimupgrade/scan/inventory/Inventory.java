package dev.apimupgrade.scan.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one home holds, per tenant: the {@link InventoryItem}s, and the datasources or folders that could not be read
 * with the reason (never credentials). {@code home} is the path as given; {@code tenantDomains} maps tenant ids to
 * domains (UM_TENANT, and -1234 carbon.super), which a run's exported rows name by id.
 */
public record Inventory(
        String home, List<InventoryItem> items, Map<String, String> tenantDomains, List<String> problems) {
    public Inventory {
        tenantDomains = Map.copyOf(tenantDomains);
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public Map<String, InventoryItem> byKey() {
        return items.stream().collect(Collectors.toMap(InventoryItem::key, Function.identity(), (a, b) -> a));
    }

    public Optional<InventoryItem> find(String tenant, String item) {
        return Optional.ofNullable(byKey().get(tenant + "/" + item));
    }
}
