package io.hrloop.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Labelled HR feedback sentences, tab-separated: sentiment (negative|neutral|positive), frustrated (yes|no),
 * themes (';'-separated taxonomy keys), text. Lines starting with '#' are comments.
 */
record LabelledCorpus(String name, List<LabelledCorpus.Example> examples) {

    record Example(Sentiment sentiment, boolean frustrated, Set<Theme> themes, String text, String source) {
    }

    /** Every {@code .tsv} file of a classpath folder, in name order. */
    static LabelledCorpus folder(String resourceFolder) {
        URL url = LabelledCorpus.class.getClassLoader().getResource(resourceFolder);
        if (url == null) {
            throw new IllegalStateException("missing " + resourceFolder);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Example> examples = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                examples.addAll(parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString()));
            }
            return new LabelledCorpus(resourceFolder, examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LabelledCorpus file(String resource) {
        URL url = LabelledCorpus.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing " + resource);
        }
        try {
            return new LabelledCorpus(resource, parse(Files.readAllLines(Path.of(url.toURI()), StandardCharsets.UTF_8),
                    resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> texts() {
        return examples.stream().map(Example::text).toList();
    }

    private static List<Example> parse(List<String> lines, String source) {
        List<Example> examples = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 4) {
                throw new IllegalArgumentException(source + ": expected 4 tab-separated cells: " + line);
            }
            Set<Theme> themes = EnumSet.noneOf(Theme.class);
            Arrays.stream(cells[2].split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(Theme::of)
                    .forEach(themes::add);
            boolean frustrated = switch (cells[1].strip()) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException(source + ": frustrated must be yes or no: " + line);
            };
            examples.add(new Example(Sentiment.valueOf(cells[0].strip().toUpperCase(Locale.ROOT)), frustrated,
                    Set.copyOf(themes), cells[3].strip(), source));
        }
        return examples;
    }
}
