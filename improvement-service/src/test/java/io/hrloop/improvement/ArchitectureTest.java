package io.hrloop.improvement;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.Architecture;

/** The house layering, without package cycles. */
class ArchitectureTest {

    @Test
    void layersAndNoCycles() {
        Architecture.check("io.hrloop.improvement");
    }
}
