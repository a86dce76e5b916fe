package io.hrloop.common.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string value PostgreSQL cannot store (it contains NUL); answered 400 {@code invalid-characters}. */
public class InvalidCharactersException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    public InvalidCharactersException(JsonParser parser) {
        super(parser, "a string contains a NUL character", String.class);
    }
}
