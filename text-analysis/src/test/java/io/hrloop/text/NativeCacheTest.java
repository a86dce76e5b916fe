package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.util.Utils;

class NativeCacheTest {

    @Test
    void djlIsOfflineAndSendsNoTelemetry() {
        NativeCache.prepare();
        assertTrue(Utils.isOfflineMode(), "DJL downloads nothing");
        // what Ec2Utils.callHome reads before it asks 169.254.169.254 and reports to its telemetry bucket
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
    }
}
