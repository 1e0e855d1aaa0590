package org.gongzhi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.platform.ServiceSources;
import org.junit.jupiter.api.Test;

/** Refusals read in Chinese by a Chinese reader; every literal field refusal in the sources has its Chinese. */
class ProblemLanguageTest {
    /** {@code invalid("field", "a literal")} and {@code message = "a literal" + "more"} in the services' sources. */
    private static final String LITERALS = "((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+)";
    private static final Pattern INVALID = Pattern.compile("invalid\\(\\s*[^,()]+,\\s*" + LITERALS + "\\)");
    private static final Pattern MESSAGE = Pattern.compile("message\\s*=\\s*" + LITERALS + "[,)]");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void aPhraseComesBackInChineseWithTheValuesItQuotes() {
        assertEquals("请填写", ProblemLanguage.zh("must not be blank"));
        assertEquals("不能大于 100", ProblemLanguage.zh("must be less than or equal to 100"));
        assertEquals("没有类别“bogus”（见 GET /api/categories）",
                ProblemLanguage.zh("unknown category 'bogus'; see GET /api/categories"));
        assertEquals("'x' 不在可选值之中：ASSIGNED, DECLINED",
                ProblemLanguage.zh("'x' is not one of ASSIGNED, DECLINED"));
        assertEquals("size：不能大于 100", ProblemLanguage.zh("size: must be less than or equal to 100"));
        assertEquals("something nobody translated", ProblemLanguage.zh("something nobody translated"));
        // the longer phrase wins over a shorter one that also matches
        assertEquals("此邀请已过期，不能再接受",
                ProblemLanguage.zh("this offer is expired and can no longer be accepted"));
        assertEquals("不在投票时间内：投票时间为 12-01 至 12-03，表决已结束",
                ProblemLanguage.zh("voting is not open: the window is 12-01 to 12-03 and the vote is closed"));
    }

    @Test
    void theCatalogueSaysEachPhraseOnce() {
        List<String> english = ProblemLanguage.phrases().stream().map(ProblemLanguage.Phrase::english).toList();
        assertEquals(english.size(), new TreeSet<>(english).size(), "a phrase twice in zh.tsv");
    }

    @Test
    void aProblemIsTranslatedTitleDetailAndFields() {
        Problem english = new Problem("about:blank", "Invalid input", 400,
                "contactPhone: must be a mainland mobile or landline number; description: must not be blank",
                "/api/requests", List.of(new Problem.FieldError("contactPhone",
                        "must be a mainland mobile or landline number"),
                        new Problem.FieldError("description", "must not be blank")));
        Problem chinese = ProblemLanguage.inChinese(english);
        assertEquals("输入有误", chinese.title());
        assertEquals("contactPhone：须是大陆手机号或座机号；description：请填写", chinese.detail());
        assertEquals(List.of(new Problem.FieldError("contactPhone", "须是大陆手机号或座机号"),
                new Problem.FieldError("description", "请填写")), chinese.errors());
        assertEquals(400, chinese.status());
        assertEquals("/api/requests", chinese.instance());

        Problem conflict = ProblemLanguage.inChinese(new Problem("about:blank", "Not found", 404,
                "request 42 does not exist", null, null));
        assertEquals("request 42 不存在", conflict.detail());
    }

    @Test
    void chineseIsChosenOnlyWhenPreferredOverEnglish() {
        assertTrue(ProblemLanguage.prefersChinese(List.of(Locale.forLanguageTag("zh-CN"))));
        assertTrue(ProblemLanguage.prefersChinese(List.of(Locale.forLanguageTag("zh"), Locale.ENGLISH)));
        assertFalse(ProblemLanguage.prefersChinese(List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"))));
        assertFalse(ProblemLanguage.prefersChinese(List.of()));
        assertFalse(ProblemLanguage.prefersChinese(List.of(Locale.forLanguageTag("fr"))));
    }

    @Test
    void everyLiteralFieldRefusalInTheSourcesHasItsChinese() throws IOException {
        Path root = ServiceSources.root();
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Path f : ServiceSources.all()) {
            String code = read(f);
            for (Pattern p : List.of(INVALID, MESSAGE)) {
                Matcher m = p.matcher(code);
                while (m.find()) {
                    String english = joined(m.group(1));
                    seen.add(english);
                    if (ProblemLanguage.zh(english).equals(english)) {
                        missing.add(root.relativize(f) + ": " + english);
                    }
                }
            }
        }
        assertTrue(seen.size() > 40, "the scan found the refusals: " + seen.size());
        assertEquals(List.of(), List.copyOf(missing), "add these to platform's problem/zh.tsv");
    }

    /** A check that it catches one: a refusal nobody translated is reported. */
    @Test
    void anUntranslatedRefusalIsCaughtByTheScan() {
        Matcher m = INVALID.matcher("throw ProblemException.invalid(\"x\", \"is \" + \"purple\");");
        assertTrue(m.find());
        assertEquals("is purple", joined(m.group(1)));
        assertEquals("is purple", ProblemLanguage.zh("is purple"));
    }

    private static String joined(String literals) {
        StringBuilder text = new StringBuilder();
        Matcher m = LITERAL.matcher(literals);
        while (m.find()) {
            text.append(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
