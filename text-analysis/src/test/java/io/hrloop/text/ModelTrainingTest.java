package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The committed classifiers ({@code model.txt}), labelled examples ({@code labelled-examples.bin}) and prior centre
 * ({@code hr-centre.txt}) are what the training program makes of the committed corpus: trained again here, they
 * must agree. With {@code -Dhrloop.text.write-model=true} the test writes the newly trained files over the
 * committed ones instead (how they are made):
 *
 * <pre>./mvnw -B -pl text-analysis -am test -Dtest=ModelTrainingTest -Dsurefire.failIfNoSpecifiedTests=false -Dhrloop.text.write-model=true</pre>
 */
class ModelTrainingTest {

    @Test
    void theCommittedWeightsAreWhatTheCorpusTrains() throws Exception {
        LabelledCorpus corpus = LabelledCorpus.folder(ModelTraining.CORPUS);
        assertTrue(corpus.examples().size() >= 1500, "at least 1,500 training sentences: " + corpus.examples().size());
        ModelTraining.Trained training = ModelTraining.train(corpus.examples(), CachedEmbedder.shared(), LexiconSignal.standard());
        System.out.println(training.crossValidated().report("5-fold cross-validation on the training corpus"));
        System.out.println(training.crossValidated().themeConfusionReport());
        System.out.printf("sarcasm threshold chosen by cross-validation: %.2f (SemanticAnalyser.SARCASM_THRESHOLD %.2f)%n",
                training.sarcasm(), SemanticAnalyser.SARCASM_THRESHOLD);
        System.out.println(training.crossValidatedWithoutSarcasm().report(
                "the same cross-validation if positive readings were never read as frustrated complaints"));
        LinearModel trained = training.model();
        float[] centre = ModelTraining.centre(corpus.examples(), CachedEmbedder.shared());
        if (Boolean.getBoolean("hrloop.text.write-model")) {
            Path file = Path.of(System.getProperty("basedir", "."), "src/main/resources", SemanticAnalyser.MODEL_RESOURCE);
            ModelTraining.write(trained, file, corpus.examples().size());
            ModelTraining.writeExamples(training.examples(), file.resolveSibling("labelled-examples.bin"));
            ModelTraining.writeCentre(centre, file.resolveSibling("hr-centre.txt"), corpus.examples().size());
            System.out.println("wrote " + file.toAbsolutePath() + " and its siblings");
            return;
        }
        assertEquals(training.sarcasm(), SemanticAnalyser.SARCASM_THRESHOLD, 0.011,
                "SemanticAnalyser.SARCASM_THRESHOLD is the one cross-validation chooses");
        float[] committedCentre = GapSimilarity.prior();
        for (int i = 0; i < centre.length; i++) {
            assertEquals(committedCentre[i], centre[i], 1e-4, "the committed prior centre is the corpus's mean embedding");
        }
        LabelledExamples committedExamples;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LabelledExamples.RESOURCE)) {
            committedExamples = LabelledExamples.read(in);
        }
        int steps = committedExamples.largestDifference(training.examples());
        assertTrue(steps >= 0 && steps <= 1, "the committed labelled examples are the corpus's embeddings and labels: " + steps);
        LinearModel committed = SemanticAnalyser.standardModel();
        assertEquals(committed.embeddingModel(), trained.embeddingModel());
        List<LinearModel.Head> expected = committed.heads();
        List<LinearModel.Head> actual = trained.heads();
        assertEquals(expected.stream().map(LinearModel.Head::name).toList(), actual.stream().map(LinearModel.Head::name).toList());
        double largest = 0;
        for (int h = 0; h < expected.size(); h++) {
            assertEquals(expected.get(h).threshold(), actual.get(h).threshold(), 0.011, expected.get(h).name() + " threshold");
            for (int k = 0; k < expected.get(h).weights().length; k++) {
                largest = Math.max(largest, Math.abs(expected.get(h).bias()[k] - actual.get(h).bias()[k]));
                for (int i = 0; i < expected.get(h).weights()[k].length; i++) {
                    largest = Math.max(largest, Math.abs(expected.get(h).weights()[k][i] - actual.get(h).weights()[k][i]));
                }
            }
        }
        System.out.printf("retrained on %d sentences: largest weight difference to the committed model %.2e%n",
                corpus.examples().size(), largest);
        // The embeddings may differ in their last bits between CPUs (ONNX Runtime kernels), nothing more.
        assertTrue(largest < 0.02, "the committed model is not what the corpus trains: difference " + largest);
    }
}
