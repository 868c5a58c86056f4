/** {@code /api/users}: registration and user profiles. */
package org.herald.web.users;
