/**
 * The key Herald signs its login tokens with when none is configured, and the
 * configuration source through which the server's MicroProfile JWT finds its
 * public half. Here, in the application's shared library, because Payara reads
 * an EAR's configuration at the application's level, where a web module's own
 * sources are not seen.
 */
package org.herald.events.auth;
