package io.hrloop.common.api.input;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on what a client may send, shared by every service (prefix {@code hrloop.input}). The transport
 * limits of Vert.x ({@code quarkus.http.limits.*}, see microprofile-config.properties) sit above these, so
 * that a request between the two gets a problem+json answer rather than a bare status line. Safe at static
 * init: the shared ObjectMapper, which reads the JSON limits, is built then.
 */
@StaticInitSafe
@ConfigMapping(prefix = "hrloop.input")
public interface InputLimits {

    /** Longest request target (path and query) answered normally; longer is 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest sum of header names and values; larger is 431. */
    @WithDefault("32768")
    int maxHeaderBytes();

    Json json();

    interface Json {
        /** Deepest nesting of arrays and objects in a JSON body; deeper is 400. */
        @WithDefault("64")
        int maxNestingDepth();

        /** Longest string value in a JSON body, in characters; longer is 400. */
        @WithDefault("100000")
        int maxStringLength();

        /** Longest number in a JSON body, in characters; longer is 400. */
        @WithDefault("100")
        int maxNumberLength();
    }
}
