package io.hrloop.text;

/**
 * Turns a text into a sentence embedding: a vector of {@link #dimensions()} numbers of unit length, so that
 * the dot product of two embeddings is their cosine similarity. Our own small interface, so that the model
 * behind it can be swapped without touching the classifiers' callers (the classifiers' weights belong to
 * one model and are retrained with it, see {@code ModelTraining}).
 */
public interface Embedder {

    /** The unit-length embedding of {@code text}; a blank text gives the zero vector. */
    float[] embed(String text);

    int dimensions();

    /** A name of the model, recorded with trained weights so that weights of another model are refused. */
    String modelName();
}
