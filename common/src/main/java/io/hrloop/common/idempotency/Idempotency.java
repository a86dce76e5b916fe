package io.hrloop.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.problem.ProblemException;

/**
 * {@code Idempotency-Key} on POST: the first result is stored in the same transaction as the effect,
 * and a retry with the same key and body gets that result back instead of a second effect. Keys are
 * scoped to the caller, so two people cannot collide.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;

    public Idempotency(EntityManager entityManager, ObjectMapper mapper, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.transactions = transactions;
    }

    /**
     * Runs {@code action} once per (caller, key). A concurrent duplicate waits on the key's row and then
     * replays the stored response; the same key with another body is refused with 422.
     */
    @Transactional
    public Response execute(String key, String caller, String operation, Object body, Supplier<Response> action) {
        return run(key, caller, operation, body, action, true);
    }

    /**
     * Like {@link #execute}, for an action that only creates rows under fresh ids (no natural key a duplicate could
     * collide on), such as a submission: the key is recorded once, with the response, after the action. A copy sent
     * while the first is still running does the work too, then waits on the key's row; when the first commits, the
     * copy's transaction is rolled back and it replays the first response (a copy of another body gets 422). A retry
     * after the first has committed also does the work before it finds the key and rolls back; retries are rare, and
     * the common case saves a statement (an insert and an update of the record become one insert).
     */
    @Transactional
    public Response executeCreating(String key, String caller, String operation, Object body, Supplier<Response> action) {
        return run(key, caller, operation, body, action, false);
    }

    private Response run(String key, String caller, String operation, Object body, Supplier<Response> action,
            boolean recordFirst) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be at most 200 characters");
        }
        String fingerprint = fingerprint(operation, body);
        if (recordFirst && record(caller, key, operation, fingerprint, null) == 0) {
            return replay(caller, key, operation, fingerprint);
        }
        Response response = action.get();
        if (recordFirst) {
            entityManager.createNativeQuery("""
                    update idempotency_record set status = ?3, location = ?4, etag = ?5, body = ?6
                    where caller = ?1 and idem_key = ?2""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, response.getStatus())
                    .setParameter(4, location(response)).setParameter(5, etag(response))
                    .setParameter(6, serialize(response.getEntity()))
                    .executeUpdate();
            return response;
        }
        if (record(caller, key, operation, fingerprint, response) == 1) {
            return response;
        }
        // The first copy committed: this one's effect goes, its answer is the first's.
        transactions.setRollbackOnly();
        return replay(caller, key, operation, fingerprint);
    }

    /** Records the key, with the response when it is known; 0 when the key is recorded already. */
    private int record(String caller, String key, String operation, String fingerprint, Response response) {
        return entityManager.createNativeQuery("""
                insert into idempotency_record (caller, idem_key, operation, request_hash, status, location, etag, body)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, operation).setParameter(4, fingerprint)
                .setParameter(5, response == null ? 0 : response.getStatus())
                .setParameter(6, response == null ? null : location(response))
                .setParameter(7, response == null ? null : etag(response))
                .setParameter(8, response == null ? null : serialize(response.getEntity()))
                .executeUpdate();
    }

    private static String location(Response response) {
        return response.getLocation() == null ? null : response.getLocation().toString();
    }

    private static String etag(Response response) {
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return etag == null ? null : etag.toString();
    }

    private Response replay(String caller, String key, String operation, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select operation, request_hash, status, location, etag, body from idempotency_record
                where caller = ?1 and idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        Object[] row = rows.getFirst();
        if (!operation.equals(row[0]) || !fingerprint.equals(row[1])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was used for a different request");
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[2]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[3] != null) {
            builder.header(HttpHeaders.LOCATION, row[3]);
        }
        if (row[4] != null) {
            builder.header(HttpHeaders.ETAG, row[4]);
        }
        if (row[5] != null) {
            builder.entity(row[5]).type(MediaType.APPLICATION_JSON);
        }
        return builder.build();
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private String fingerprint(String operation, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update(mapper.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
