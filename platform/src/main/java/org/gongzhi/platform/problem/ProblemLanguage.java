package org.gongzhi.platform.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A refusal in its reader's language. The services write every refusal in English; a caller that prefers Chinese
 * ({@code Accept-Language: zh…}, as the pages send when their reader chose 中文) reads it in Chinese from the
 * catalogue {@code zh.tsv} beside this class. Each of its lines pairs an English phrase, with {@code {1}}, {@code {2}}
 * for the values it quotes (an id, a status, a number), and its Chinese; a phrase the catalogue lacks stays English.
 */
public final class ProblemLanguage {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");
    private static final List<Phrase> ZH = load("zh.tsv");

    private ProblemLanguage() {
    }

    /** One line of the catalogue: the English phrase as a pattern, and its Chinese with the same placeholders. */
    record Phrase(String english, Pattern pattern, List<Integer> order, String chinese) {
        static Phrase of(String english, String chinese) {
            StringBuilder regex = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(english);
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(english.substring(at, m.start()))).append("(.+?)");
                order.add(Integer.parseInt(m.group(1)));
                at = m.end();
            }
            regex.append(Pattern.quote(english.substring(at)));
            return new Phrase(english, Pattern.compile(regex.toString(), Pattern.DOTALL), order, chinese);
        }

        String translate(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.matches()) {
                return null;
            }
            String out = chinese;
            for (int i = 0; i < order.size(); i++) {
                out = out.replace("{" + order.get(i) + "}", m.group(i + 1));
            }
            return out;
        }
    }

    /** Whether the caller's languages, most preferred first, put Chinese before English. */
    public static boolean prefersChinese(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if ("zh".equals(language)) {
                return true;
            }
            if ("en".equals(language)) {
                return false;
            }
        }
        return false;
    }

    /** The problem in Chinese: its title, detail and every field's message, each as far as the catalogue knows it. */
    public static Problem inChinese(Problem problem) {
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), zh(e.message()))).toList();
        String detail = problem.detail();
        if (errors != null && !errors.isEmpty() && detail != null && detail.equals(problem.errors().stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")))) {
            detail = errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；"));
        } else {
            detail = zh(detail);
        }
        return new Problem(problem.type(), zh(problem.title()), problem.status(), detail, problem.instance(), errors);
    }

    /** One phrase in Chinese; "field: phrase" keeps its field; the English as it is when the catalogue lacks it. */
    public static String zh(String english) {
        if (english == null) {
            return null;
        }
        String found = lookUp(english);
        if (found != null) {
            return found;
        }
        int colon = english.indexOf(": ");
        if (colon > 0 && english.substring(0, colon).matches("[\\w.\\[\\]-]+")) {
            String rest = lookUp(english.substring(colon + 2));
            if (rest != null) {
                return english.substring(0, colon) + "：" + rest;
            }
        }
        return english;
    }

    private static String lookUp(String english) {
        for (Phrase phrase : ZH) {
            String chinese = phrase.translate(english);
            if (chinese != null) {
                return chinese;
            }
        }
        return null;
    }

    /** The catalogue's phrases, the longest English first (so "must be one of {1}" does not take a longer one). */
    static List<Phrase> phrases() {
        return ZH;
    }

    private static List<Phrase> load(String name) {
        List<Phrase> phrases = new ArrayList<>();
        try (InputStream in = ProblemLanguage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " beside " + ProblemLanguage.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t+");
                if (parts.length != 2) {
                    throw new IllegalStateException(name + ": not 'English<TAB>Chinese': " + line);
                }
                phrases.add(Phrase.of(parts[0], parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        phrases.sort((a, b) -> Integer.compare(literalLength(b.english()), literalLength(a.english())));
        return List.copyOf(phrases);
    }

    private static int literalLength(String english) {
        return PLACEHOLDER.matcher(english).replaceAll("").length();
    }
}
