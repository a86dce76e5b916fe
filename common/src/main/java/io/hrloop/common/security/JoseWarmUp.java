package io.hrloop.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmFactoryFactory;

import io.quarkus.runtime.StartupEvent;

/**
 * jose4j registers its algorithms the first time a token is verified, probing each cipher with random bytes: on a
 * busy 2-core machine that took 3 s, on the Vert.x event loop of the first authenticated call (the blocked-thread
 * checker reported it). Done here, in the background as the service starts, no caller waits for it.
 */
@ApplicationScoped
public class JoseWarmUp {

    private static final Logger LOG = Logger.getLogger(JoseWarmUp.class);

    void onStart(@Observes StartupEvent event) {
        Thread.ofVirtual().name("jose4j-warm-up").start(() -> {
            long start = System.nanoTime();
            AlgorithmFactoryFactory.getInstance();
            LOG.debugf("jose4j algorithms registered in %d ms", (System.nanoTime() - start) / 1_000_000);
        });
    }
}
