package org.herald.web.docs;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code /api-docs}: Swagger UI on the server's {@code /openapi} document.
 * Its scripts come from the swagger-ui webjar in {@code WEB-INF/lib}, which
 * the servlet container serves from the jar's {@code META-INF/resources}:
 * nothing from a CDN. A servlet, not a file, so that the WAR of Payara Micro
 * (the web module as a jar) has it too.
 */
@WebServlet("/api-docs")
public class SwaggerUiPage extends HttpServlet {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Herald API</title>
              <link rel="stylesheet" href="webjars/swagger-ui/%1$s/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="webjars/swagger-ui/%1$s/swagger-ui-bundle.js"></script>
              <script>window.ui = SwaggerUIBundle({url: "/openapi", dom_id: "#swagger-ui"});</script>
            </body>
            </html>
            """;

    private String page;

    @Override
    public void init() {
        page = PAGE.formatted(webjarVersion());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page);
    }

    /** The version folder of the webjar's files, read from the webjar itself. */
    private static String webjarVersion() {
        try (InputStream pom = SwaggerUiPage.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (pom == null) {
                throw new IllegalStateException("The swagger-ui webjar is not in WEB-INF/lib");
            }
            Properties properties = new Properties();
            properties.load(pom);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
