package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** A vector in base64 as hr.feedback.received's commentEmbedding carries it. */
class VectorsTest {

    @Test
    void base64HoldsTheFloatsBigEndianAndReadsThemBackExactly() {
        float[] v = {1f, -0.5f, Float.MIN_VALUE, 0.1f};
        String text = Vectors.toBase64(v);
        byte[] bytes = Base64.getDecoder().decode(text);
        assertEquals(16, bytes.length);
        assertEquals(0x3f, bytes[0] & 0xff, "1.0f is 3f800000, most significant byte first");
        assertEquals(0x80, bytes[1] & 0xff);
        assertArrayEquals(v, Vectors.fromBase64(text), 0f);
    }

    @Test
    void textThatIsNotWholeFloatsInBase64ReadsAsNoVector() {
        assertNull(Vectors.fromBase64("not base64!"), "not base64");
        assertNull(Vectors.fromBase64(""), "no numbers");
        assertNull(Vectors.fromBase64(Base64.getEncoder().encodeToString(new byte[6])), "a number and a half");
    }
}
