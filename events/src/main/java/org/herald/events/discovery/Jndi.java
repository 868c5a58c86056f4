package org.herald.events.discovery;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Herald's service discovery: a JNDI lookup of a name that MicroProfile Config
 * may override. Callers cache what they find; lookups stay off hot paths.
 */
public final class Jndi {

    private Jndi() {}

    /** The JNDI name configured under {@code configKey}, or {@code defaultName}. */
    public static String name(String configKey, String defaultName) {
        return ConfigProvider.getConfig()
                .getOptionalValue(configKey, String.class)
                .orElse(defaultName);
    }

    /** Looks up the object bound at the configured name. */
    public static <T> T lookup(Class<T> type, String configKey, String defaultName) {
        String name = name(configKey, defaultName);
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("Nothing bound at " + name + " (config key " + configKey + ")", e);
        }
    }
}
