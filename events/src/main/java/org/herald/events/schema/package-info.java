/** Schema migrations with Flyway, one history per module. */
package org.herald.events.schema;
