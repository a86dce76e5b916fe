package io.hrloop.text;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which language a comment is written in, as far as the analysis needs to know: English (the language the
 * model and the classifiers were trained on) or something else. Deterministic and small: it counts the
 * function words (and a few everyday feedback words) of English, German, French, Spanish, Dutch, Italian and
 * Portuguese, adds the letters only some of them use (ß, ñ, ç, ...), and reads text mostly in another script
 * (Cyrillic, Greek, Arabic, CJK, ...) as not English. A text with no evidence either way (a number, "ok") is
 * taken as English, since nothing in it could be mis-scored with confidence anyway.
 */
public final class LanguageDetector {

    public static final String ENGLISH = "en";
    /** Not a Latin-script language this detector knows. */
    public static final String UNKNOWN = "und";

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)?");

    /** Frequent words of each language that are not (or hardly) English words. */
    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(ENGLISH, Set.of("the", "and", "is", "was", "were", "are", "i", "my", "me", "it", "to", "of", "in",
                "for", "with", "that", "this", "not", "no", "have", "has", "had", "be", "been", "on", "at", "by", "from",
                "you", "they", "we", "very", "but", "so", "a", "an", "or", "did", "didn't", "don't", "can't", "it's",
                "i'm", "i've", "what", "why", "when", "how", "who", "still", "again", "thanks", "thank", "please",
                "would", "could", "should", "will", "just", "about", "after", "all", "any", "get", "got", "nobody",
                "anyone", "never", "really", "too", "week", "weeks", "days", "answer", "reply", "pay", "leave", "good",
                "great", "slow", "quick", "help", "helpful", "wrong", "form", "there", "their", "our", "your", "if",
                "as", "up", "out", "told", "asked", "one", "time", "done", "same", "waiting", "need"));
        WORDS.put("de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "mein", "meine", "meinen", "mir",
                "mich", "es", "ein", "eine", "einen", "zu", "mit", "auf", "für", "von", "dem", "den", "sehr", "aber",
                "wurde", "wurden", "habe", "hat", "haben", "noch", "immer", "keine", "kein", "schon", "wochen", "seit",
                "nach", "wie", "warum", "auch", "nur", "sich", "sie", "wir", "bei", "danke", "vielen", "gut",
                "schlecht", "schnell", "langsam", "antwort", "lohn", "gehalt", "urlaub", "bitte", "leider", "war",
                "waren", "niemand", "wieder", "mal", "über", "oder", "wenn", "dass", "sind", "bin", "geht", "freundlich",
                "hilfe", "abrechnung", "personalabteilung", "gemeldet", "erhalten", "bekommen"));
        WORDS.put("fr", Set.of("le", "la", "les", "et", "est", "pas", "je", "mon", "ma", "mes", "un", "une", "des",
                "du", "de", "en", "pour", "avec", "sur", "dans", "très", "mais", "été", "j'ai", "n'ai", "c'est", "il",
                "elle", "nous", "vous", "ils", "toujours", "encore", "aucune", "aucun", "semaines", "depuis", "merci",
                "beaucoup", "bien", "mal", "rapide", "lent", "réponse", "salaire", "congé", "congés", "s'il", "plaît",
                "personne", "qui", "que", "quoi", "pourquoi", "ne", "plus", "jamais", "au", "aux", "ce", "cette",
                "sont", "suis", "fait", "était", "avait", "trop", "attente", "reçu", "aide", "paie", "fiche"));
        WORDS.put("es", Set.of("el", "la", "los", "las", "y", "es", "no", "yo", "mi", "mis", "un", "una", "de", "del",
                "en", "para", "con", "por", "muy", "pero", "fue", "he", "ha", "han", "todavía", "aún", "ninguna",
                "ningún", "semanas", "desde", "gracias", "muchas", "bien", "mal", "rápido", "lento", "respuesta",
                "salario", "sueldo", "vacaciones", "nadie", "que", "qué", "porque", "nunca",
                "más", "al", "lo", "le", "se", "su", "sus", "está", "estoy", "era", "otra", "vez", "hace", "nómina",
                "ayuda", "recibido", "esperando", "amable"));
        WORDS.put("nl", Set.of("de", "het", "een", "en", "is", "niet", "ik", "mijn", "me", "mij", "te", "van", "voor",
                "met", "op", "aan", "heel", "erg", "maar", "werd", "heb", "heeft", "hebben", "nog", "steeds", "geen",
                "weken", "sinds", "bedankt", "dank", "goed", "slecht", "snel", "traag", "langzaam", "antwoord",
                "salaris", "loon", "verlof", "vakantie", "alstublieft", "niemand", "wie", "wat", "waarom", "nooit",
                "meer", "dat", "dit", "er", "zijn", "ben", "was", "weer", "keer", "al", "ook", "vriendelijk", "hulp",
                "loonstrook", "gekregen", "wachten", "binnen", "dagen"));
        WORDS.put("it", Set.of("il", "lo", "la", "gli", "le", "e", "è", "non", "io", "mio", "mia", "un", "una", "di",
                "del", "della", "per", "con", "su", "molto", "ma", "stato", "stata", "ho", "ha", "hanno", "ancora",
                "nessuna", "nessun", "settimane", "da", "grazie", "mille", "bene", "male", "veloce", "lento",
                "risposta", "stipendio", "ferie", "nessuno", "che", "perché", "mai", "più", "sono",
                "busta", "paga", "aiuto", "ricevuto", "gentile"));
        WORDS.put("pt", Set.of("o", "os", "as", "e", "é", "não", "eu", "meu", "minha", "um", "uma", "de", "do", "da",
                "em", "para", "com", "por", "muito", "mas", "foi", "tenho", "tem", "têm", "ainda", "nenhuma",
                "nenhum", "semanas", "desde", "obrigado", "obrigada", "bem", "mal", "rápido", "lento", "resposta",
                "salário", "férias", "ninguém", "que", "porque", "nunca", "mais", "estou", "está", "ajuda",
                "recebi", "simpático"));
    }

    /** Letters that English text does not use, with the language they point to. */
    private static final List<Map.Entry<Pattern, String>> LETTERS = List.of(
            Map.entry(Pattern.compile("[äöüß]"), "de"),
            Map.entry(Pattern.compile("[çœêèàùâîôû]"), "fr"),
            Map.entry(Pattern.compile("[ñ¿¡]"), "es"),
            Map.entry(Pattern.compile("[ãõ]"), "pt"),
            Map.entry(Pattern.compile("\\bij\\p{L}|\\p{L}ij\\b"), "nl"));

    /** The ISO 639-1 code of the language of {@code text}, {@link #UNKNOWN} for another script. */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return ENGLISH;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        long letters = lower.codePoints().filter(Character::isLetter).count();
        long latin = lower.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (letters > 0 && latin * 2 < letters) {
            return UNKNOWN;
        }
        Map<String, Double> score = new LinkedHashMap<>();
        WORDS.keySet().forEach(language -> score.put(language, 0.0));
        Matcher words = WORD.matcher(lower.replace('\u2019', '\''));
        while (words.find()) {
            String word = words.group();
            for (Map.Entry<String, Set<String>> language : WORDS.entrySet()) {
                if (language.getValue().contains(word)) {
                    // A word several languages share says less than one only this language has.
                    score.merge(language.getKey(), 1.0 / sharedBy(word), Double::sum);
                }
            }
        }
        for (Map.Entry<Pattern, String> letter : LETTERS) {
            Matcher m = letter.getKey().matcher(lower);
            while (m.find()) {
                score.merge(letter.getValue(), 0.5, Double::sum);
            }
        }
        String best = ENGLISH;
        for (Map.Entry<String, Double> entry : score.entrySet()) {
            if (entry.getValue() > score.get(best)) {
                best = entry.getKey();
            }
        }
        // English keeps the text unless another language has clearly more evidence.
        return !best.equals(ENGLISH) && score.get(best) >= 1.0 && score.get(best) > score.get(ENGLISH) * 1.5 ? best
                : ENGLISH;
    }

    public boolean isEnglish(String text) {
        return ENGLISH.equals(detect(text));
    }

    private static int sharedBy(String word) {
        int n = 0;
        for (Set<String> words : WORDS.values()) {
            if (words.contains(word)) {
                n++;
            }
        }
        return n;
    }
}
