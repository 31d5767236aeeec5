package org.udjat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSshServerExtensionIT {

    @RegisterExtension
    static final OpenSshServer SHARED = new OpenSshServer();

    @RegisterExtension
    final OpenSshServer perTest = new OpenSshServer();

    private static long firstSharedPid;

    @Test
    @Order(1)
    void staticFieldStartsOnceForTheClassInstanceFieldForEachTest() {
        firstSharedPid = SHARED.pid();
        assertTrue(ProcessHandle.of(perTest.pid()).orElseThrow().isAlive());
        assertTrue(SHARED.port() != perTest.port());
    }

    @Test
    @Order(2)
    void sharedServerSurvivesBetweenTests() {
        assertEquals(firstSharedPid, SHARED.pid());
    }
}
