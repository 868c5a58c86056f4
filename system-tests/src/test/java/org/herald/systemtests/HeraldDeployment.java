package org.herald.systemtests;

import java.io.File;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR the build produced, as deployed to users, optionally with a test WAR inside. */
final class HeraldDeployment {

    private static final String TEST_WAR = "herald-tests.war";

    private HeraldDeployment() {}

    /** herald.ear exactly as built. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("herald.ear")));
    }

    /**
     * What users deploy on this runtime, exactly as built: herald-micro.war on
     * Payara Micro (it deploys no EARs), else herald.ear.
     */
    static Archive<?> application() {
        return "payara-micro".equals(System.getProperty("herald.runtime"))
                ? ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("herald.war")))
                : ear();
    }

    /** herald.ear plus a WAR holding the given test classes, listed in application.xml. */
    static EnterpriseArchive withTests(Class<?>... classes) {
        EnterpriseArchive ear = ear();
        WebArchive tests = ShrinkWrap.create(WebArchive.class, TEST_WAR)
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        // modules precede <library-directory> in application.xml (Payara validates the schema)
        String applicationXml = new String(readApplicationXml(ear))
                .replace(
                        "<library-directory>",
                        "<module><web><web-uri>" + TEST_WAR
                                + "</web-uri><context-root>/herald-tests</context-root></web></module>"
                                + "<library-directory>");
        ear.setApplicationXML(new StringAsset(applicationXml));
        ear.addAsModule(Testable.archiveToTest(tests));
        return ear;
    }

    private static byte[] readApplicationXml(EnterpriseArchive ear) {
        try (var in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
