package io.kratosflows.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The tests of this module really run on Spring Boot's versions: each library on the class path
 * is the version the {@code spring-boot-dependencies} BOM names (read from the BOM itself), so the
 * overrides in this module's POM cannot drift from it when Boot is upgraded.
 */
class ManagedVersionsTest {

    private static final Properties BOOT = bootProperties();

    @Test
    void jackson() {
        assertEquals(BOOT.getProperty(System.getProperty("spring-boot.jackson.property")),
                jarVersion("com.fasterxml.jackson.core", "jackson-databind"));
    }

    @Test
    void httpClient() {
        assertEquals(BOOT.getProperty("httpclient5.version"),
                jarVersion("org.apache.httpcomponents.client5", "httpclient5"));
        assertEquals(BOOT.getProperty("httpcore5.version"),
                jarVersion("org.apache.httpcomponents.core5", "httpcore5"));
    }

    @Test
    void slf4j() {
        assertEquals(BOOT.getProperty("slf4j.version"), jarVersion("org.slf4j", "slf4j-api"));
    }

    @Test
    void junit() {
        assertEquals(BOOT.getProperty("junit-jupiter.version"), Test.class.getPackage().getImplementationVersion());
    }

    @Test
    void validation() {
        assertEquals(BOOT.getProperty("jakarta-validation.version"),
                jarVersion("jakarta.validation", "jakarta.validation-api"));
        assertEquals(BOOT.getProperty("hibernate-validator.version"),
                jarVersion("org.hibernate.validator", "hibernate-validator"));
    }

    /** The version in a jar's {@code META-INF/maven/.../pom.properties}. */
    private static String jarVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ManagedVersionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(groupId + ":" + artifactId + " is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
    }

    private static Properties bootProperties() {
        Path bom = Path.of(System.getProperty("spring-boot.bom"));
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(bom.toFile()).getDocumentElement();
            Properties properties = new Properties();
            NodeList sections = root.getElementsByTagName("properties");
            for (int i = 0; i < sections.getLength(); i++) {
                if (sections.item(i).getParentNode() != root) {
                    continue;
                }
                NodeList children = sections.item(i).getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    Node child = children.item(j);
                    if (child instanceof Element e) {
                        properties.setProperty(e.getTagName(), e.getTextContent().trim());
                    }
                }
            }
            return properties;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the Spring Boot BOM " + bom, e);
        }
    }
}
