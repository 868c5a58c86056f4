package org.herald.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.herald.web.problems.PayloadTooLarge;

/**
 * Refuses request bodies over {@code herald.http.max-body-bytes} (default 16 KiB)
 * with 413: at once when Content-Length says so, else as soon as a streamed
 * body passes the limit.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    private final long maxBytes = ConfigProvider.getConfig()
            .getOptionalValue("herald.http.max-body-bytes", Long.class)
            .orElse(16 * 1024L);

    @Override
    public void filter(ContainerRequestContext request) {
        // not getLength(): an int, which some runtimes fail to parse for larger values
        // (the header's syntax has been checked by RequestScreening)
        String length = request.getHeaderString("Content-Length");
        if (length != null && Long.parseLong(length) > maxBytes) {
            throw new PayloadTooLarge(maxBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new PayloadTooLarge(max);
            }
        }
    }
}
