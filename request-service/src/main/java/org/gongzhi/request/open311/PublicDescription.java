package org.gongzhi.request.open311;

import java.util.regex.Pattern;

/**
 * What of a resident's description the public may read: nothing unless the resident agreed, and then the text with
 * phone numbers and names taken out. Names are found by the ways people write them in a complaint ("我叫张伟",
 * "联系人：李娜", "王阿姨", "my name is Ann Lee", "Mrs. Smith"); a name written some other way is not found, which is
 * why a description is public only by the resident's choice.
 */
final class PublicDescription {
    static final String PHONE = "[电话]";
    static final String NAME = "[姓名]";

    /** Mainland mobile and landline numbers, also written with spaces or dashes; any other run of 7+ digits. */
    private static final Pattern PHONES = Pattern.compile(
            "(?<!\\d)(?:\\+?86[ -]?)?(?:1[3-9]\\d(?:[ -]?\\d){8}|0\\d{2,3}[ -]?\\d{7,8}|\\d{7,})(?!\\d)");
    private static final String HAN = "[\\u4e00-\\u9fa5]";
    /** "我叫张伟", "联系人：王芳", "姓名:赵磊" → the name after the words that introduce it. */
    private static final Pattern INTRODUCED = Pattern.compile(
            "(我叫|我姓|联系人|姓名|户主|报修人)([:：\\s]*)" + HAN + "{1,3}");
    /** "王阿姨", "李先生", "张师傅": a surname before a form of address (the surname goes, the address stays). */
    private static final Pattern ADDRESSED = Pattern.compile(
            HAN + "(?=(?:先生|女士|小姐|阿姨|大爷|大妈|大姐|大哥|奶奶|爷爷|师傅|老师|同志))");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b((?i:my name is|contact:?))\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?"
                    + "|\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+\\p{Lu}\\p{L}+");

    private PublicDescription() {
    }

    /** The description as the public may read it, or null when the resident did not agree it may be public. */
    static String of(String description, boolean agreed) {
        if (!agreed || description == null) {
            return null;
        }
        String text = PHONES.matcher(description).replaceAll(PHONE);
        text = INTRODUCED.matcher(text).replaceAll("$1$2" + NAME);
        text = ADDRESSED.matcher(text).replaceAll("某");
        return ENGLISH.matcher(text).replaceAll(m -> m.group(1) != null
                ? m.group(1) + " " + NAME : NAME);
    }
}
