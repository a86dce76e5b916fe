package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The bounded summary of an item's evidence: its cost does not grow with the evidence. */
class EvidenceProfileTest {

    private static float[] random(Random random) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }

    @Test
    void keepsAtMostEightExemplarsAndTheCentroidOfAll() {
        Random random = new Random(1);
        EvidenceProfile profile = new EvidenceProfile(16);
        float[] sum = new float[16];
        for (int n = 0; n < 500; n++) {
            float[] v = random(random);
            for (int i = 0; i < 16; i++) {
                sum[i] += v[i];
            }
            profile.add(v);
        }
        assertEquals(500, profile.count());
        assertEquals(EvidenceProfile.MAX_EXEMPLARS, profile.exemplars().size());
        for (int i = 0; i < 16; i++) {
            assertEquals(sum[i] / 500, profile.centroid()[i], 1e-5);
        }
    }

    @Test
    void aNearDuplicateDoesNotPushOutADifferentExemplar() {
        Random random = new Random(2);
        EvidenceProfile profile = new EvidenceProfile(16);
        float[] first = random(random);
        for (int n = 0; n < EvidenceProfile.MAX_EXEMPLARS; n++) {
            profile.add(n == 0 ? first : random(random));
        }
        profile.add(first.clone());
        assertTrue(profile.exemplars().stream().anyMatch(e -> Vectors.dot(e, first) > 0.999));
    }

    @Test
    void survivesStorage() {
        Random random = new Random(3);
        EvidenceProfile profile = new EvidenceProfile(16);
        for (int n = 0; n < 11; n++) {
            profile.add(random(random));
        }
        EvidenceProfile stored = EvidenceProfile.fromBytes(profile.toBytes());
        assertEquals(profile.count(), stored.count());
        assertArrayEquals(profile.centroid(), stored.centroid());
        for (int k = 0; k < profile.exemplars().size(); k++) {
            assertArrayEquals(profile.exemplars().get(k), stored.exemplars().get(k));
        }
    }

    @Test
    void aMergeTakesOverTheOtherItemsEvidence() {
        Random random = new Random(4);
        EvidenceProfile target = new EvidenceProfile(16);
        EvidenceProfile merged = new EvidenceProfile(16);
        for (int n = 0; n < 3; n++) {
            target.add(random(random));
            merged.add(random(random));
        }
        target.merge(merged);
        assertEquals(6, target.count());
        assertEquals(6, target.exemplars().size());
    }

    @Test
    void removingAPieceTakesItOutOfTheCentroidAndFreesItsExemplar() {
        Random random = new Random(5);
        EvidenceProfile profile = new EvidenceProfile(16);
        float[] kept = random(random);
        float[] erased = random(random);
        profile.add(kept);
        profile.add(erased);
        assertTrue(profile.remove(erased.clone()));
        assertEquals(1, profile.count());
        assertEquals(1, profile.exemplars().size());
        assertArrayEquals(kept, profile.exemplars().getFirst());
        for (int i = 0; i < 16; i++) {
            assertEquals(kept[i], profile.centroid()[i], 1e-6);
        }
        profile.remove(kept);
        profile.remove(kept);
        assertEquals(0, profile.count(), "never below zero");
        assertEquals(0, profile.exemplars().size());
    }
}
