package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void tellsEnglishFromTheLanguagesOfOurNeighbours() {
        Map<String, String> texts = Map.ofEntries(
                Map.entry("It took far too long to get an answer about my payslip.", "en"),
                Map.entry("Great service, thank you!", "en"),
                Map.entry("The Kita voucher scheme (Gutschein) was explained well.", "en"),
                Map.entry("ok", "en"),
                Map.entry("10/10", "en"),
                Map.entry("Die Abrechnung ist schon wieder falsch und niemand hilft mir.", "de"),
                Map.entry("Vielen Dank für die schnelle Hilfe!", "de"),
                Map.entry("Merci beaucoup pour votre aide, c'est parfait.", "fr"),
                Map.entry("Je n'ai toujours pas reçu ma fiche de paie.", "fr"),
                Map.entry("No he recibido ninguna respuesta desde hace semanas.", "es"),
                Map.entry("Muchas gracias por la ayuda, muy amable.", "es"),
                Map.entry("Ik heb nog steeds geen antwoord gekregen over mijn verlof.", "nl"),
                Map.entry("Bedankt voor de snelle hulp!", "nl"),
                Map.entry("Grazie mille per l'aiuto, molto gentile.", "it"),
                Map.entry("Ainda não recebi o meu salário deste mês.", "pt"),
                Map.entry("Спасибо за помощь", LanguageDetector.UNKNOWN),
                Map.entry("谢谢你的帮助", LanguageDetector.UNKNOWN));
        texts.forEach((text, language) -> assertEquals(language, detector.detect(text), text));
    }
}
