/**
 * Service discovery by JNDI: every service and server resource Herald uses is
 * found by a name from {@link org.herald.events.JndiNames}, overridable by
 * MicroProfile Config.
 */
package org.herald.events.discovery;
