package org.herald.events.auth;

import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Serves {@code mp.jwt.verify.publickey} from {@link DevelopmentKey}, at the
 * lowest ordinal: a public key configured anywhere else wins, and then this
 * source is never asked. Registered through {@code META-INF/services}, so that
 * the server's MicroProfile JWT finds the key Herald signs with when none is
 * configured.
 */
public class DevelopmentKeySource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? DevelopmentKey.publicKeyPem() : null;
    }

    @Override
    public String getName() {
        return "herald-development-key";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
