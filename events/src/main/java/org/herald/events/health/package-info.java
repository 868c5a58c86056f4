/**
 * MicroProfile Health checks. They live in this library jar because WildFly
 * discovers health checks only in the EAR's {@code lib/} (WFLY-12835).
 */
package org.herald.events.health;
