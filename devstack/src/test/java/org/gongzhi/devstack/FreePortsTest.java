package org.gongzhi.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aPortIsNeverHandedOutTwiceEvenBeforeItIsBound() {
        // nothing binds these ports, as when services are given theirs seconds before they start
        List<Integer> ports = IntStream.range(0, 500).map(i -> FreePorts.next()).boxed().toList();
        assertEquals(ports.size(), ports.stream().distinct().count());
        assertTrue(ports.stream().allMatch(port -> port > 0));
    }
}
