package org.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void keyValuePairsFlagsAndEquals() {
        Args args = new Args(new String[] {"--count", "20000", "--jfr", "--options=--rate 5", "--seconds", "1.5"});
        assertEquals(20000, args.getInt("count", 1));
        assertEquals("", args.get("jfr"));
        assertTrue(args.has("jfr"));
        assertFalse(args.has("quick"));
        assertEquals(Set.of("count", "jfr", "options", "seconds"), args.keys());
        assertEquals("--rate 5", args.get("options"));
        assertEquals(1.5, args.getDouble("seconds", 0));
        assertEquals(7, args.getInt("missing", 7));
        assertEquals("x", args.get("missing", "x"));
    }

    @Test
    void anEmptyValueFallsBack() {
        Args args = new Args(new String[] {"--count", "--seconds", "3"});
        assertEquals(5, args.getInt("count", 5));
        assertEquals(3.0, args.getDouble("seconds", 0));
    }

    @Test
    void missingRequiredKeyAndStrayWordsFail() {
        assertThrows(IllegalArgumentException.class, () -> new Args(new String[0]).get("run"));
        assertThrows(IllegalArgumentException.class, () -> new Args(new String[] {"count"}));
    }

    @Test
    void theRunRefusesAnOptionItDoesNotKnow() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> BenchRun.run(new Args(new String[] {"--quick", "--sever-opts", "-Dx=y"}), Path.of("nowhere")));
        assertTrue(refused.getMessage().contains("--sever-opts"), refused.getMessage());
    }
}
