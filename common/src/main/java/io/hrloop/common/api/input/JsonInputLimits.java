package io.hrloop.common.api.input;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Bounds what the shared ObjectMapper reads (nesting depth, string and number length; see {@link InputLimits})
 * and refuses string values with NUL, which PostgreSQL cannot store: a 400 instead of a database error. A
 * member given twice ({@code {"reason":"a","reason":[...]}}) and anything after the document ({@code {}{}}) are
 * refused too: which of two values counts is ambiguous, and a record with a duplicate member made Jackson fail
 * with a definition error (500).
 */
@Singleton
public class JsonInputLimits implements ObjectMapperCustomizer {

    private final InputLimits limits;

    public JsonInputLimits(InputLimits limits) {
        this.limits = limits;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.json().maxNestingDepth())
                .maxStringLength(limits.json().maxStringLength())
                .maxNumberLength(limits.json().maxNumberLength())
                .build());
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("hrloop-input").addDeserializer(String.class, new NulFreeStrings()));
    }

    /** Jackson's own string reading, then a check for NUL. */
    static final class NulFreeStrings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new InvalidCharactersException(parser);
            }
            return value;
        }
    }
}
