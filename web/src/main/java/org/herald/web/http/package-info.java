/**
 * The HTTP edge: what every request passes before a resource sees it. Header
 * syntax (media types, Accept, Content-Length, Host, Transfer-Encoding) is
 * checked once for every runtime in {@link org.herald.web.http.RequestScreening};
 * request bodies are read by {@link org.herald.web.http.StrictJson} (through
 * {@code RequestValidation}), which refuses what the runtimes' JSON readers
 * would quietly repair or ignore.
 */
package org.herald.web.http;
