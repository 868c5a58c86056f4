/**
 * The key Herald signs its login tokens with when none is configured, and the
 * configuration source through which the server's MicroProfile JWT finds its
 * public half (with the issuer, in this module's
 * {@code microprofile-config.properties}). Here, in the application's shared
 * library, so that every module's configuration sees them: WildFly checks the
 * web module's {@code @ConfigProperty} injections against the EAR's
 * configuration, where a web module's own files are not seen.
 */
package org.herald.events.auth;
