package io.hrloop.request.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.hrloop.request.domain.RequestStatus.ASSIGNED;
import static io.hrloop.request.domain.RequestStatus.CLOSED;
import static io.hrloop.request.domain.RequestStatus.DECLINED;
import static io.hrloop.request.domain.RequestStatus.IN_PROGRESS;
import static io.hrloop.request.domain.RequestStatus.RESOLVED;
import static io.hrloop.request.domain.RequestStatus.SUBMITTED;
import static io.hrloop.request.domain.RequestStatus.WAITING_ON_CUSTOMER;
import static io.hrloop.request.domain.RequestStatus.WITHDRAWN;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.hrloop.common.domain.IllegalTransitionException;

class LifecycleTest {

    /** The expected moves, written out independently of the implementation. */
    static final Set<List<RequestStatus>> ALLOWED = Set.of(
            List.of(SUBMITTED, ASSIGNED), List.of(SUBMITTED, WITHDRAWN),
            List.of(ASSIGNED, IN_PROGRESS), List.of(ASSIGNED, DECLINED), List.of(ASSIGNED, WITHDRAWN),
            List.of(IN_PROGRESS, WAITING_ON_CUSTOMER), List.of(IN_PROGRESS, RESOLVED), List.of(IN_PROGRESS, DECLINED),
            List.of(IN_PROGRESS, WITHDRAWN),
            List.of(WAITING_ON_CUSTOMER, IN_PROGRESS), List.of(WAITING_ON_CUSTOMER, RESOLVED),
            List.of(WAITING_ON_CUSTOMER, DECLINED), List.of(WAITING_ON_CUSTOMER, WITHDRAWN),
            List.of(RESOLVED, IN_PROGRESS), List.of(RESOLVED, CLOSED),
            List.of(DECLINED, IN_PROGRESS));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void everyPairOfStatuses(RequestStatus from, RequestStatus to, boolean allowed) {
        assertEquals(allowed, Lifecycle.allows(from, to));
        assertEquals(allowed, Lifecycle.next(from).contains(to));
        if (allowed) {
            assertDoesNotThrow(() -> Lifecycle.require(from, to));
        } else {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> Lifecycle.require(from, to));
            assertEquals(from.name(), e.from());
            assertEquals(to.name(), e.to());
            assertEquals(Lifecycle.next(from).stream().map(Enum::name).toList(), e.allowed());
            assertTrue(e.getMessage().contains(from + " to " + to));
        }
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void openStatusesAreTheWorkedOnes(RequestStatus status) {
        boolean open = status == SUBMITTED || status == ASSIGNED || status == IN_PROGRESS || status == WAITING_ON_CUSTOMER;
        assertEquals(open, Lifecycle.isOpen(status));
    }

    static Stream<RequestStatus> statuses() {
        return Stream.of(RequestStatus.values());
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void noStatusMovesToItself(RequestStatus status) {
        assertFalse(Lifecycle.allows(status, status));
    }
}
