package io.hrloop.request;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.Architecture;

/** The house layering, without package cycles. */
class ArchitectureTest {

    @Test
    void layersAndNoCycles() {
        Architecture.check("io.hrloop.request");
    }
}
