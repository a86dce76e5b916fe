package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hrloop.common.domain.IllegalTransitionException;

class ItemLifecycleTest {

    @Test
    void theHappyPathIsAllowed() {
        List<ItemStatus> path = List.of(ItemStatus.PROPOSED, ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS,
                ItemStatus.IMPLEMENTED, ItemStatus.VERIFIED);
        for (int i = 1; i < path.size(); i++) {
            ItemLifecycle.require(path.get(i - 1), path.get(i));
        }
        assertTrue(ItemLifecycle.allows(ItemStatus.ACCEPTED, ItemStatus.IMPLEMENTED), "a quick fix");
    }

    @Test
    void openItemsMayBeRejectedOrMergedAndFinalStatesGoNowhere() {
        for (ItemStatus open : List.of(ItemStatus.PROPOSED, ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS)) {
            assertTrue(open.isOpen());
            assertTrue(ItemLifecycle.allows(open, ItemStatus.REJECTED));
            assertTrue(ItemLifecycle.allows(open, ItemStatus.MERGED));
        }
        for (ItemStatus last : List.of(ItemStatus.VERIFIED, ItemStatus.MERGED)) {
            assertEquals(Set.of(), ItemLifecycle.next(last));
        }
        assertFalse(ItemLifecycle.allows(ItemStatus.IMPLEMENTED, ItemStatus.REJECTED));
    }

    @Test
    void aRejectedItemMayBeReopenedAndAnImplementedOneGoBackToWork() {
        assertEquals(Set.of(ItemStatus.PROPOSED), ItemLifecycle.next(ItemStatus.REJECTED));
        assertEquals(Set.of(ItemStatus.VERIFIED, ItemStatus.IN_PROGRESS), ItemLifecycle.next(ItemStatus.IMPLEMENTED));
    }

    @Test
    void anIllegalMoveSaysWhatIsAllowed() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> ItemLifecycle.require(ItemStatus.PROPOSED, ItemStatus.IMPLEMENTED));
        assertEquals(List.of("ACCEPTED", "REJECTED", "MERGED"), e.allowed());
        assertTrue(e.getMessage().contains("from PROPOSED it can go to"), e.getMessage());
    }
}
