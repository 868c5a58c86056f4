/**
 * Leases in Herald's database: at most one node at a time holds a named
 * lease (the relay's, or any other singleton's), renews it while it works,
 * and loses it when it stops renewing. The database's clock is the only
 * clock, so nodes need not agree on the time; a generation number fences a
 * holder that was paused past its expiry out of writes made in the lease's
 * name.
 */
package org.herald.events.lease;
