/** {@code /api/services}: Herald's service registry over HTTP. */
package org.herald.web.services;
