package org.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's JSON-P readers of what the server answers. */
class JsonReadingTest {

    private static final String READY = """
            {"status":"UP","checks":[{"name":"boot-errors","status":"UP"},
             {"name":"relay","status":"UP","data":{"published":1200,"lastBatchSize":500,"unpublished":3,"oldestUnpublishedAgeMs":41}},
             {"name":"database","status":"UP","data":{"datasource":"java:jboss/datasources/HeraldDS"}}]}""";

    @Test
    void aHealthChecksData() {
        var relay = Health.data(READY, "relay");
        assertEquals(500, Health.number(relay, "lastBatchSize"));
        assertEquals(41, Health.number(relay, "oldestUnpublishedAgeMs"));
        assertEquals(-1, Health.number(relay, "absent"));
        assertTrue(Health.data(READY, "boot-errors").isEmpty());
        assertTrue(Health.data(READY, "no-such-check").isEmpty());
    }

    @Test
    void theIdOfARegistration() {
        assertEquals("u-1", HttpLoad.createdId("{\"id\":\"u-1\",\"email\":\"a@b.c\",\"name\":\"A\"}"));
        assertNull(HttpLoad.createdId("not json"));
        assertNull(HttpLoad.createdId("{\"status\":409}"));
    }

    @Test
    void theOrdersOfAUser() {
        assertEquals(
                List.of("o1", "o2"),
                KillVerify.orderIds(
                        "[{\"id\":\"o1\",\"userId\":\"u\",\"status\":\"CREATED\"},{\"id\":\"o2\",\"userId\":\"u\",\"status\":\"CREATED\"}]"));
        assertEquals(List.of(), KillVerify.orderIds("[]"));
    }
}
