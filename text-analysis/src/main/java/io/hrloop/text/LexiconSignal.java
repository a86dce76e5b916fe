package io.hrloop.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The lexicon signal of the text analysis: the rule-based reading (in the manner of VADER) that HR Loop used on its
 * own before the embedding classifiers, kept as extra features for them. Lexicons and rules catch what a
 * sentence embedding of a short text blurs (an explicit "frustrated", shouting, a complaining question), and the
 * classifiers learn how much to trust each.
 *
 * <p>Method: the text is split into sentences and clauses, contractions are expanded, and every word is reduced
 * to its stem with the Snowball English stemmer (Lucene). Stemmed words and phrases are looked up in three
 * lexicons under {@code io/hrloop/text/lexicon/} (as written, then by stem): valences for sentiment, cues for
 * frustration, and cues per theme. A valence is boosted by a preceding intensifier ("very"), damped by a
 * softener ("slightly"), flipped and weakened by a negation within three words of the same clause, halved before
 * "but"/"however" and raised after it, halved after "although"/"despite", damped after a conditional ("would",
 * "if": a suggestion), and raised by exclamation marks. The sum {@code s} is normalised to
 * {@code s / sqrt(s² + 15)} in [-1, 1].
 *
 * <p>Over 300 lines on purpose: the rules above are one reading of a clause (each adjusts the valences the others
 * produced, in order), and about a third of the file is the small word lists they use; split by rule, the order
 * of the adjustments would be spread over classes.
 */
public final class LexiconSignal {

    private static final double NORMALISATION = 15.0;
    private static final double NEGATION = -0.74;
    private static final int MAX_PHRASE = 6;

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "without", "hardly", "barely", "neither",
            "nor", "none", "nothing", "nobody", "lack", "lacked", "lacking", "less");
    private static final Map<String, Double> MODIFIERS = Map.ofEntries(
            Map.entry("very", 1.3), Map.entry("really", 1.3), Map.entry("extremely", 1.5), Map.entry("so", 1.25),
            Map.entry("incredibly", 1.5), Map.entry("absolutely", 1.4), Map.entry("totally", 1.3),
            Map.entry("completely", 1.3), Map.entry("utterly", 1.5), Map.entry("super", 1.3), Map.entry("truly", 1.3),
            Map.entry("highly", 1.3), Map.entry("particularly", 1.2), Map.entry("exceptionally", 1.5),
            Map.entry("remarkably", 1.3), Map.entry("genuinely", 1.2), Map.entry("too", 1.2), Map.entry("most", 1.2),
            Map.entry("much", 1.2), Map.entry("far", 1.2),
            Map.entry("slightly", 0.6), Map.entry("somewhat", 0.6), Map.entry("fairly", 0.7), Map.entry("rather", 0.8),
            Map.entry("bit", 0.6), Map.entry("little", 0.7), Map.entry("mostly", 0.8), Map.entry("reasonably", 0.7),
            Map.entry("quite", 0.9), Map.entry("pretty", 0.9), Map.entry("mildly", 0.6), Map.entry("partly", 0.6));
    private static final Set<String> NUMBERS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "several", "few", "couple", "multiple");
    private static final Set<String> CONDITIONALS = Set.of("would", "if", "wish", "hope", "hopefully", "maybe", "perhaps");
    private static final Set<String> CONTRASTS = Set.of("but", "however", "whereas");
    /** "despite the fix", "although it was late": the clause they open is the weaker part. */
    private static final Set<String> CONCESSIVES = Set.of("although", "though", "despite", "while", "whilst");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?;\\n]+[.!?;\\n]*");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?|,");
    private static final Pattern SHOUTED = Pattern.compile("\\b[A-Z]{4,}\\b");
    private static final Set<String> ACRONYMS = Set.of("HRIS", "PAYE", "GDPR", "HMRC", "SSO", "FAQS", "NHS", "PTO");

    private final Lexicon<Double> valences;
    private final Lexicon<Integer> frustrationCues;
    private final Map<Theme, Lexicon<Boolean>> themeCues;

    /**
     * What the lexicons read in a text: the rule-based sentiment score in [-1, 1], the weight of frustration
     * cues (an explicit statement weighs 2, a sign 1; a complaining question counts as a sign), the signs of
     * emphasis (shouted words, "!!", "?!"), whether a negation occurs, and the themes whose cues occur (none
     * when nothing fits).
     */
    public record Reading(double score, int frustrationCues, int emphasis, boolean negation, Set<Theme> themes) {

        /** The old rule: stated frustration, or signs of it with a negative tone, or a very negative tone. */
        public boolean frustrated() {
            return frustrationCues >= 2 || frustrationCues + emphasis >= 1 && score <= -0.3 || score <= -0.85;
        }
    }

    private LexiconSignal(Lexicon<Double> valences, Lexicon<Integer> frustrationCues, Map<Theme, Lexicon<Boolean>> themeCues) {
        this.valences = valences;
        this.frustrationCues = frustrationCues;
        this.themeCues = themeCues;
    }

    /** The signal with the lexicons shipped in {@code io/hrloop/text/lexicon/} on the classpath. */
    public static LexiconSignal standard() {
        Lexicon<Double> valences = new Lexicon<>();
        for (String line : lines("io/hrloop/text/lexicon/sentiment.txt")) {
            int space = line.indexOf(' ');
            valences.put(line.substring(space + 1), Double.parseDouble(line.substring(0, space)));
        }
        Lexicon<Integer> frustration = new Lexicon<>();
        for (String line : lines("io/hrloop/text/lexicon/frustration.txt")) {
            int space = line.indexOf(' ');
            frustration.put(line.substring(space + 1), Integer.parseInt(line.substring(0, space)));
        }
        Map<Theme, Lexicon<Boolean>> themes = new EnumMap<>(Theme.class);
        for (String line : lines("io/hrloop/text/lexicon/themes.txt")) {
            int colon = line.indexOf(':');
            Lexicon<Boolean> cues = themes.computeIfAbsent(Theme.of(line.substring(0, colon).trim()), t -> new Lexicon<>());
            for (String cue : line.substring(colon + 1).split(",")) {
                if (!cue.isBlank()) {
                    cues.put(cue.trim(), Boolean.TRUE);
                }
            }
        }
        return new LexiconSignal(valences, frustration, themes);
    }

    public Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading(0.0, 0, 0, false, Set.of());
        }
        double sum = 0;
        int frustration = 0;
        boolean negation = false;
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        Matcher sentences = SENTENCE.matcher(text);
        while (sentences.find()) {
            String sentence = sentences.group();
            List<Token> tokens = tokens(sentence);
            double sentenceSum = sentenceValence(tokens);
            long exclamations = sentence.chars().filter(c -> c == '!').count();
            if (sentenceSum != 0 && exclamations > 0) {
                sentenceSum += Math.signum(sentenceSum) * Math.min(exclamations, 3) * 0.3;
            }
            sum += sentenceSum;
            frustration += frustrationCues.sumMatches(tokens);
            if (rhetorical(tokens, sentence)) {
                frustration++;
            }
            negation |= tokens.stream().anyMatch(t -> NEGATORS.contains(t.word()));
            themeCues.forEach((theme, cues) -> {
                if (cues.sumMatches(tokens) > 0) {
                    themes.add(theme);
                }
            });
        }
        double score = clamp(sum / Math.sqrt(sum * sum + NORMALISATION));
        return new Reading(round(score), frustration, emphasis(text), negation, Set.copyOf(themes));
    }

    /**
     * A complaining question ("Why do I bother?", "Does anyone read the notes?", "How long does it take
     * ...?") is a sign of exasperation, unlike a question asking for information.
     */
    private static boolean rhetorical(List<Token> tokens, String sentence) {
        if (!sentence.strip().endsWith("?") || tokens.isEmpty()) {
            return false;
        }
        String first = tokens.getFirst().word();
        String opening = tokens.stream().limit(3).map(Token::word).reduce((a, b) -> a + " " + b).orElse("");
        return first.equals("why") && !opening.startsWith("why is there a") || opening.startsWith("how long does")
                || opening.startsWith("how long do") || opening.startsWith("how many times") || opening.startsWith("does anyone")
                || opening.startsWith("do you even") || opening.startsWith("does anybody") || opening.startsWith("is anyone")
                || opening.startsWith("what is the point") || opening.startsWith("how hard is") || opening.startsWith("how hard can");
    }

    /** Repeated exclamation or question marks and shouted words (capitals) are signs of exasperation. */
    private static int emphasis(String text) {
        int signs = 0;
        if (text.contains("!!") || text.contains("?!") || text.contains("!?") || text.contains("??")) {
            signs++;
        }
        Matcher shouted = SHOUTED.matcher(text);
        while (shouted.find()) {
            if (!ACRONYMS.contains(shouted.group()) && !text.equals(text.toUpperCase(Locale.ROOT))) {
                signs++;
                break;
            }
        }
        return signs;
    }

    private double sentenceValence(List<Token> tokens) {
        int contrastAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (CONTRASTS.contains(tokens.get(i).word())) {
                contrastAt = i;
            }
        }
        double sum = 0;
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i).word();
            Lexicon.Match<Double> match = valences.longest(tokens, i);
            if (match == null || MODIFIERS.containsKey(token) && match.length() == 1) {
                i++;
                continue;
            }
            double valence = match.value() * modifier(tokens, i);
            if (negated(tokens, i)) {
                valence *= NEGATION;
            } else if (conditional(tokens, i)) {
                valence *= 0.1; // "it would be great if ..." suggests, it does not praise
            }
            if (contrastAt >= 0) {
                valence *= i < contrastAt ? 0.5 : 1.5;
            }
            if (conceded(tokens, i)) {
                valence *= 0.5;
            }
            sum += valence;
            i += match.length();
        }
        return sum;
    }

    private static double modifier(List<Token> tokens, int at) {
        double factor = 1.0;
        for (int j = at - 1; j >= Math.max(0, at - 2); j--) {
            String token = tokens.get(j).word();
            if (",".equals(token)) {
                break;
            }
            Double m = MODIFIERS.get(token);
            if (m != null) {
                factor *= m;
            }
        }
        return factor;
    }

    private static boolean conceded(List<Token> tokens, int at) {
        for (int j = at - 1; j >= 0; j--) {
            String token = tokens.get(j).word();
            if (",".equals(token)) {
                return false;
            }
            if (CONCESSIVES.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditional(List<Token> tokens, int at) {
        for (int j = at - 1; j >= Math.max(0, at - 4); j--) {
            String token = tokens.get(j).word();
            if (",".equals(token)) {
                return false;
            }
            if (CONDITIONALS.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(List<Token> tokens, int at) {
        for (int j = at - 1; j >= Math.max(0, at - 3); j--) {
            String token = tokens.get(j).word();
            if (",".equals(token) || CONTRASTS.contains(token)) {
                return false;
            }
            if (NEGATORS.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** A word as written (lower case) and its stem; a comma is a token too, as it bounds negation. */
    record Token(String word, String stem) {
        boolean is(String text) {
            return word.equals(text);
        }
    }

    /** The words of a text, lower case, contractions expanded, numbers read as {@code NUM}. */
    static List<Token> tokens(String text) {
        String normalised = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
                .replace("can't", "can not").replace("cannot", "can not").replace("won't", "will not")
                .replace("shan't", "shall not").replace("n't", " not");
        List<Token> tokens = new ArrayList<>();
        Matcher words = WORD.matcher(normalised);
        EnglishStemmer stemmer = new EnglishStemmer();
        while (words.find()) {
            String word = words.group();
            int apostrophe = word.indexOf('\'');
            if (apostrophe > 0) {
                word = word.substring(0, apostrophe); // "i'm", "they've", "hr's": the possessive or verb adds nothing here
            }
            if (NUMBERS.contains(word) || word.equals("num") || word.chars().allMatch(Character::isDigit)) {
                word = "NUM"; // "took three weeks" and "took 3 weeks" are one phrase
            }
            tokens.add(new Token(word, stem(stemmer, word)));
        }
        return tokens;
    }

    private static String stem(EnglishStemmer stemmer, String word) {
        if (word.equals(",") || word.equals("NUM") || MODIFIERS.containsKey(word) || NEGATORS.contains(word)) {
            return word; // kept verbatim: "fairly" must stay a softener, not become "fair"
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static double clamp(double value) {
        return Math.max(-1.0, Math.min(1.0, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LexiconSignal.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Words and phrases of up to {@value #MAX_PHRASE} words, looked up as written first and then by
     * their stems (so "helpful" and "help" keep their own values, "helps" falls back to "help"); the
     * longest match at a position wins.
     */
    static final class Lexicon<V> {
        private final Map<String, V> byWords = new HashMap<>();
        private final Map<String, V> byStems = new HashMap<>();
        /** Per single-word stem, the written form it came from: the shortest one, the base word. */
        private final Map<String, String> stemSources = new HashMap<>();
        private final Set<String> firstWords = new java.util.HashSet<>();

        record Match<V>(V value, int length) {
        }

        void put(String phrase, V value) {
            List<Token> words = tokens(phrase).stream().filter(t -> !t.is(",")).toList();
            if (words.isEmpty() || words.size() > MAX_PHRASE) {
                throw new IllegalArgumentException("lexicon entry '" + phrase + "' must have 1 to " + MAX_PHRASE + " words");
            }
            String stems = String.join(" ", words.stream().map(Token::stem).toList());
            String written = String.join(" ", words.stream().map(Token::word).toList());
            byWords.put(written, value);
            // Where two entries share a stem, the base word ("help", not "helpful") speaks for the other forms.
            String source = stemSources.get(stems);
            if (source == null || written.length() < source.length()) {
                byStems.put(stems, value);
                stemSources.put(stems, written);
            }
            firstWords.add(words.getFirst().word());
            firstWords.add(words.getFirst().stem());
        }

        Match<V> longest(List<Token> tokens, int at) {
            Token first = tokens.get(at);
            if (!firstWords.contains(first.word()) && !firstWords.contains(first.stem())
                    && !firstWords.contains(positive(first.word()))) {
                return null;
            }
            StringBuilder words = new StringBuilder();
            StringBuilder stems = new StringBuilder();
            Match<V> best = null;
            for (int n = 1; n <= MAX_PHRASE && at + n <= tokens.size(); n++) {
                Token token = tokens.get(at + n - 1);
                if (token.is(",")) {
                    break;
                }
                if (n > 1) {
                    words.append(' ');
                    stems.append(' ');
                }
                words.append(token.word());
                stems.append(token.stem());
                V value = byWords.get(words.toString());
                if (value == null && (n > 1 || inflects(token.word(), stemSources.get(stems.toString())))) {
                    value = byStems.get(stems.toString());
                }
                if (value == null && n == 1) {
                    value = byWords.get(positive(token.word())); // "quickest", "slower": the plain adjective
                }
                if (value != null) {
                    best = new Match<>(value, n);
                }
            }
            return best;
        }

        /**
         * A single word falls back to an entry of its stem only when it is an inflection of it
         * ("delays" of "delay", "week" of "weeks"), not a shorter relative ("understand" is not
         * "understanding", "used" is not "useful").
         */
        private static boolean inflects(String word, String source) {
            return source != null && (word.length() >= source.length()
                    || source.equals(word + "s") || source.equals(word + "es"));
        }

        /** The plain form of a comparative or superlative ("quickest", "easier"), or the word itself. */
        private static String positive(String word) {
            if (word.length() > 6 && word.endsWith("iest")) {
                return word.substring(0, word.length() - 4) + "y";
            }
            if (word.length() > 5 && word.endsWith("ier")) {
                return word.substring(0, word.length() - 3) + "y";
            }
            if (word.length() > 5 && word.endsWith("est")) {
                return word.substring(0, word.length() - 3);
            }
            if (word.length() > 4 && word.endsWith("er")) {
                return word.substring(0, word.length() - 2);
            }
            return word;
        }

        /** Sums the values (or counts the matches, for flags) of non-overlapping longest matches. */
        int sumMatches(List<Token> tokens) {
            int sum = 0;
            int i = 0;
            while (i < tokens.size()) {
                Match<V> match = longest(tokens, i);
                if (match == null) {
                    i++;
                } else {
                    sum += match.value() instanceof Integer weight ? weight : 1;
                    i += match.length();
                }
            }
            return sum;
        }
    }
}
