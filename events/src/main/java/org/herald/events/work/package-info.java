/** Long-running loops on container-managed threads, with back-off after failures. */
package org.herald.events.work;
