package io.hrloop.feedback.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import io.hrloop.feedback.domain.RequestSnapshot;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads rows as the service left them, each in its own transaction. */
public final class Db {

    private Db() {
    }

    public static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    public static int update(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            List<?> result = query.getResultList();
            return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] { r }).toList();
        });
    }

    public static Object single(String sql, Object... parameters) {
        List<Object[]> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.getFirst()[0];
    }

    /** Waits until the request's events are applied (its snapshot matches): the invitation decision is then committed too. */
    public static RequestSnapshot awaitSnapshot(UUID requestId, Predicate<RequestSnapshot> until) {
        return await(() -> RequestSnapshot.<RequestSnapshot>findById(requestId), s -> s != null && until.test(s),
                "snapshot of " + requestId);
    }

    public static <T> T await(Supplier<T> read, Predicate<T> until, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read(read);
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " never reached the expected state; last seen: " + last);
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
