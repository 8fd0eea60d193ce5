package dev.apimupgrade.rule.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds an action's plan.json parameters, leaving out the absent ones as earlier plans did. */
final class Params {
    private final Map<String, String> map = new LinkedHashMap<>();

    Params put(String key, String value) {
        map.put(key, value);
        return this;
    }

    Params put(String key, Optional<String> value) {
        value.ifPresent(v -> map.put(key, v));
        return this;
    }

    Params put(String key, List<String> values) {
        if (!values.isEmpty()) {
            map.put(key, String.join(",", values));
        }
        return this;
    }

    Map<String, String> map() {
        return Map.copyOf(map);
    }
}
