package org.herald.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --key value} pairs. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] argv) {
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key, got " + argv[i]);
            }
            String key = argv[i].substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
                continue;
            }
            String value = i + 1 < argv.length && !argv[i + 1].startsWith("--") ? argv[++i] : "";
            values.put(key, value);
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Set<String> keys() {
        return values.keySet();
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return value;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int getInt(String key, int fallback) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
    }

    double getDouble(String key, double fallback) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? fallback : Double.parseDouble(value);
    }
}
