package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SysctlValuesTest {

    @Test
    void readsBothFormsAndSkipsComplaints() {
        SysctlValues v = SysctlValues.parse(List.of("hw.physmem: 34243719168",
                "sysctl: unknown oid 'vm.stats.vm.v_cache_count'", "hw.pagesize: 4096", "kern.cp_time=1,2,3,4,5,6",
                "vm.swapusage: total = 0.00M  used = 0.00M  free = 0.00M  (encrypted)", "   4096 bytes per page",
                "MemTotal:       24684092 kB"));
        assertEquals(Map.of("hw.physmem", "34243719168", "hw.pagesize", "4096", "kern.cp_time", "1,2,3,4,5,6",
                "vm.swapusage", "total = 0.00M  used = 0.00M  free = 0.00M  (encrypted)"), v.values());
        assertEquals(OptionalLong.of(34243719168L), v.count("hw.physmem"));
        assertTrue(v.hasPrefix("vm.swap"));
        assertFalse(v.hasPrefix("vm.stats."));
    }

    @Test
    void aCountIsAPlainNonNegativeNumberAndTheFirstLineWins() {
        SysctlValues v = SysctlValues.parse(List.of("hw.a: -1", "hw.b: 1.5", "hw.c: 99999999999999999999", "hw.d: 7",
                "hw.d: 8"));
        assertEquals(OptionalLong.empty(), v.count("hw.a"));
        assertEquals(OptionalLong.empty(), v.count("hw.b"));
        assertEquals(OptionalLong.empty(), v.count("hw.c"));
        assertEquals(OptionalLong.of(7), v.count("hw.d"));
        assertEquals(Optional.empty(), v.text("hw.e"));
    }
}
