package io.hrloop.common.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.hrloop.common.time.Times;

/**
 * The people erased so far (table {@code erased_person}), so that an event published before a person's erasure and
 * consumed after it writes their pseudonym, not their id: hr.people has a consumer loop of its own, and hr.requests
 * or hr.feedback may lag behind it. A suppression list keeps no readable id: a person is known by the SHA-256 of a
 * fixed prefix and their id, and only the pseudonym the erasure wrote is kept with it.
 *
 * <p>A repeated erasure keeps the first pseudonym: the first erasure wrote it everywhere, so an event consumed later
 * joins the same pseudonymous person (distinct-people counts stay right), whatever pseudonym a repeat announces.
 *
 * <p>Its statements declare {@code erased_person} as their only query space: no entity maps it, so they flush
 * nothing of a consumer's session (a native statement otherwise flushes every change of the batch first).
 */
@ApplicationScoped
public class ErasedPeople {

    private static final byte[] PREFIX = "hrloop-erased-person:".getBytes(StandardCharsets.UTF_8);
    private static final String TABLE = "erased_person";

    private static final Object PREPARED = ErasedPeople.class.getName() + ".prepared";

    private final EntityManager entityManager;
    private final Times times;
    private final TransactionSynchronizationRegistry registry;

    public ErasedPeople(EntityManager entityManager, Times times, TransactionSynchronizationRegistry registry) {
        this.entityManager = entityManager;
        this.times = times;
        this.registry = registry;
    }

    /** Records the erasure in the caller's transaction (the erasure's); a person recorded before keeps their first pseudonym. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String personId, String pseudonym) {
        entityManager.createNativeQuery("""
                insert into erased_person (person_key, pseudonym, erased_at) values (?1, ?2, ?3)
                on conflict (person_key) do nothing""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE)
                .setParameter(1, key(personId)).setParameter(2, pseudonym).setParameter(3, times.nowUtc())
                .executeUpdate();
    }

    /** The pseudonym of an erased person, empty for anyone else (and for null): one look-up by primary key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> pseudonymOf(String personId) {
        return personId == null ? Optional.empty() : Optional.ofNullable(pseudonymsOf(List.of(personId)).get(personId));
    }

    /** The pseudonyms of those of {@code personIds} who were erased (the others are absent), in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<String, String> pseudonymsOf(Collection<String> personIds) {
        Map<ByteKey, String> byKey = new LinkedHashMap<>();
        personIds.stream().filter(id -> id != null).distinct().forEach(id -> byKey.put(new ByteKey(key(id)), id));
        if (byKey.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "select person_key, pseudonym from erased_person where person_key in (?1)")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE)
                .setParameterList(1, byKey.keySet().stream().map(ByteKey::bytes).toList()).getResultList();
        Map<String, String> pseudonyms = new HashMap<>();
        for (Object[] row : rows) {
            pseudonyms.put(byKey.get(new ByteKey((byte[]) row[0])), (String) row[1]);
        }
        return pseudonyms;
    }

    /**
     * Looks up, for a consumed batch, the people its events name, in one statement; {@link #preparedPseudonymOf} then
     * answers for them without asking again, until the transaction ends. For the snapshots and evidence a batch
     * writes; a decision that must see an erasure committing meanwhile reads {@link #pseudonymOf} under its lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<String> personIds) {
        Map<String, String> prepared = prepared();
        if (prepared == null) {
            prepared = new HashMap<>();
            registry.putResource(PREPARED, prepared);
        }
        List<String> ids = personIds.stream().filter(id -> id != null).distinct().toList();
        Map<String, String> pseudonyms = pseudonymsOf(ids);
        for (String id : ids) {
            prepared.put(id, pseudonyms.get(id)); // null: looked up, not erased
        }
    }

    /** The pseudonym of an erased person as {@link #prepare} found it in this transaction, else as {@link #pseudonymOf}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> preparedPseudonymOf(String personId) {
        Map<String, String> prepared = prepared();
        return prepared != null && personId != null && prepared.containsKey(personId)
                ? Optional.ofNullable(prepared.get(personId)) : pseudonymOf(personId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> prepared() {
        return (Map<String, String>) registry.getResource(PREPARED);
    }

    /**
     * A condition for a statement that writes what a caller's token says of them: true unless the person was erased
     * at or after {@code issuedAt}, the token's {@code iat} (any erasure when null: a token that does not say when it
     * was issued). Its parameters are named {@code erasedKey} and {@code erasedSince}: bind them with
     * {@link #bindNotErasedSince}. A bearer token outlives the erasure; one issued before it must not write them back.
     */
    public static String notErasedSince(Instant issuedAt) {
        return "not exists (select 1 from " + TABLE + " where person_key = :erasedKey"
                + (issuedAt == null ? "" : " and erased_at >= :erasedSince") + ")";
    }

    /** Binds the parameters of {@link #notErasedSince} for {@code personId} and the same {@code issuedAt}. */
    public static <Q extends Query> Q bindNotErasedSince(Q query, String personId, Instant issuedAt) {
        query.setParameter("erasedKey", key(personId));
        if (issuedAt != null) {
            query.setParameter("erasedSince", issuedAt.atOffset(ZoneOffset.UTC));
        }
        return query;
    }

    /**
     * The key a person is known by here: SHA-256 of a fixed prefix and the id. No id can be read from it, though
     * anyone with the database and a candidate id can tell whether that id was erased (ids are not secret).
     */
    public static byte[] key(String personId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(PREFIX);
            return digest.digest(personId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A byte array as a map key (arrays compare by identity). */
    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ByteKey that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
