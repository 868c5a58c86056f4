/** {@code /api/orders}: a user's orders and single orders. */
package org.herald.web.orders;
