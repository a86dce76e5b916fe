package io.hrloop.common.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.hrloop.common.domain.DomainException;

class ETagsTest {

    @Test
    void aReplaceOrPatchWithoutIfMatchNeedsOne() {
        for (String missing : new String[] {null, "", "  "}) {
            DomainException refused = assertThrows(DomainException.class, () -> ETags.require(missing, 3));
            assertEquals(DomainException.Kind.VERSION_REQUIRED, refused.kind());
            assertEquals("precondition-required", refused.code());
        }
    }

    @Test
    void theCurrentVersionOrAnyPassesAndAStaleOneIsRefused() {
        assertDoesNotThrow(() -> ETags.require("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.require("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.require("\"2\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.require("*", 3));
        assertEquals(DomainException.Kind.STALE, assertThrows(DomainException.class, () -> ETags.require("\"2\"", 3)).kind());
        assertEquals(DomainException.Kind.STALE, assertThrows(DomainException.class, () -> ETags.check("\"2\"", 3)).kind());
    }

    @Test
    void anActionsGuardMayBeLeftOut() {
        assertDoesNotThrow(() -> ETags.check(null, 3));
        assertDoesNotThrow(() -> ETags.check("\"3\"", 3));
    }
}
