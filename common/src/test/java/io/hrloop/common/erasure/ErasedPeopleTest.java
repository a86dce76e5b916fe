package io.hrloop.common.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The register of erased people on the real database: what it answers, and that its rows name no one. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ErasedPeopleTest {

    @Inject
    ErasedPeople erased;
    @Inject
    EntityManager entityManager;

    @Test
    void anErasedPersonHasTheirFirstPseudonymAndNobodyElseHasOne() {
        String person = "emp-register-" + UUID.randomUUID();
        String other = "emp-register-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> erased.record(person, "erased-first"));
        QuarkusTransaction.requiringNew().run(() -> erased.record(person, "erased-second")); // a repeated erasure

        assertEquals(Optional.of("erased-first"), QuarkusTransaction.requiringNew().call(() -> erased.pseudonymOf(person)));
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> erased.pseudonymOf(other)));
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> erased.pseudonymOf(null)));
        assertEquals(Map.of(person, "erased-first"), QuarkusTransaction.requiringNew()
                .call(() -> erased.pseudonymsOf(java.util.Arrays.asList(other, person, null, person))));
        assertEquals(Map.of(), QuarkusTransaction.requiringNew().call(() -> erased.pseudonymsOf(List.of())));
    }

    @Test
    void anErasureThatRollsBackRecordsNobody() {
        String person = "emp-register-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                erased.record(person, "erased-undone");
                throw new IllegalStateException("the erasure failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> erased.pseudonymOf(person)));
    }

    @Test
    void theRegisterKeepsNoReadableIdOnlyAHashAndThePseudonym() {
        String person = "emp-register-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> erased.record(person, "erased-hashed"));

        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select encode(person_key, 'hex') from erased_person where pseudonym = 'erased-hashed'").getResultList());
        assertEquals(1, rows.size());
        String keyHex = (String) rows.getFirst();
        assertEquals(64, keyHex.length(), "a SHA-256");
        assertEquals(HexFormat.of().formatHex(ErasedPeople.key(person)), keyHex);
        assertFalse(keyHex.contains(HexFormat.of().formatHex(person.getBytes(StandardCharsets.UTF_8))),
                "the id's bytes are not in the key");
        long mentioning = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from erased_person where pseudonym like ?1 or position(convert_to(?2, 'UTF8') in person_key) > 0")
                .setParameter(1, "%" + person + "%").setParameter(2, person).getSingleResult()).longValue());
        assertEquals(0L, mentioning, "no column holds the id");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> erased.pseudonymOf(person)).isPresent());
    }
}
