package io.kefu.customer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.kefu.bench.CustomerDataGenerator;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import reads names, identities and dates faster than it did (tables per character instead of OpenCC's
 * segmentation and pinyin4j's formatting for every name, scans instead of regular expressions), with exactly the
 * same results: each is compared here with the straightforward way it was done before, kept as the reference.
 */
class CustomerImportKeysTest {

    @Test
    void generatedNamesAndTheirTraditionalFormsGetTheSameKeys(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("customers.csv");
        CustomerDataGenerator.main(new String[] {"30000", csv.toString(), "7"});
        List<String> names = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        for (String name : names) {
            assertSameKeys(name);
            assertSameKeys(ZhConverterUtil.toTraditional(name));
        }
    }

    @Test
    void trickyNamesGetTheSameKeys() {
        for (String name : List.of("張三豐", "鍾", "乾", "干", "乾隆", "李乾德", "張法乾", "郭子乾", "龍鍾", "沈默", "明瞭",
                "金鍊", "樊於期", "康乾盛世", "歐陽鋒", "司馬懿", "諸葛亮", "Zhang San 張三", "  張\t\t三  ", "張\u3000三",
                "張 \n 三", "王2号", "ACME 有限公司", "Ο ΟΔΥΣΣΕΥΣ", "İstanbul 客戶", "張三😀", "𠀀𡃁", "\uD800張",
                "張\uDC00", "", " ", "\t", "ｗａｎｇ　王", "绿", "綠", "呂", "吕", "女", "略", "·", "阿卜杜·热合曼", "a-b_c.d",
                "后", "後", "髮", "麵", "裡", "瞭解", "不瞭解", "一目瞭然", "x".repeat(1200), "張".repeat(300))) {
            assertSameKeys(name);
        }
    }

    @Test
    void everyCharacterAloneGetsTheSameKeys() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertSameKeys(String.valueOf((char) c));
        }
    }

    @Test
    void textsAroundOpenccPhrasesGetTheSameKeys() {
        List<String> pieces = new ArrayList<>();
        for (String phrase : DataMaps.defaults().tsPhrase().keySet()) {
            pieces.add(phrase);
            pieces.add(phrase.substring(0, phrase.length() - 1));
            pieces.add(phrase.substring(1));
        }
        DataMaps.defaults().tsChar().keySet().stream().limit(2000).forEach(pieces::add);
        pieces.addAll(List.of(" ", "  ", "\t", "a", "Z", "1", "😀", "\u3000", "·"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                text.append(random.nextInt(4) == 0 ? String.valueOf((char) (0x4E00 + random.nextInt(0x5200)))
                        : pieces.get(random.nextInt(pieces.size())));
            }
            assertSameKeys(text.toString());
        }
    }

    @Test
    void emailsAreAcceptedAsTheExpressionAcceptedThem() {
        Pattern reference = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
        for (String value : List.of("a@b.c", "u1x@qq.com", "first.last@mail.example.cn", "@b.c", "a@", "a@b", "a@bc",
                "a@.c", "a@b.", "a@b..c", "a@.b.c", "a@b.c.", "a@@b.c", "a@b@c.d", "a b@c.d", "a@b c.d", "a\t@b.c",
                "a@b.c\n", "a@b.c\u000B", "a@b.\fc", "ä@ü.ö", "😀@😀.😀", "a@\uD800.c", "a.b@c", ".@..", "..@...",
                "a@b.c\u3000", "a@b\u00A0.c", "", "@", ".", "a@b.c@")) {
            assertThat(IdentityNormaliser.isEmail(value)).as(value).isEqualTo(reference.matcher(value).matches());
        }
    }

    @Test
    void cellsAreSplitAndDatesReadAsBefore() {
        ImportRowReader reader = ImportReadingStage.reader(new ImportMapping(List.of("NAME", "PHONE", "EMAIL",
                "MEMBER_NO", "TAGS", "BIRTHDAY")));
        List<List<String>> rows = new ArrayList<>();
        for (String date : List.of("1990-05-17", "2024-02-29", "2023-02-29", "2023-02-30", "2023-04-31", "2023-13-01",
                "2023-00-10", "2023-01-00", "0000-01-01", "9999-12-31", "+2023-01-01", "2023-1-5", "2023/1/5",
                "2023.1.5", "20230105", "45000", "45000.00", "4500", "45000.5", "2023-01-0x", "2023_01_01",
                "１９９０-01-01", "2023-01-01T00:00")) {
            rows.add(List.of("张三", "13800138000", "", "", "", date));
        }
        for (List<String> cells : List.of(List.of("13800138000;13900139000", "a@b.cn b@c.cn", "M1，M2", "VIP;老客户|新客户，VIP、x"),
                List.of("138 0013 8000 / +86 139-0013-9000", "A@B.CN\tb@c.cn,a@b.cn", "M1 M2/M3", "|VIP||"),
                List.of(",13800138000,", "x@y.z", "m 1", " 宽带 ; 5G套餐 "),
                List.of("13800138000、", "bad@", "M1", "a"),
                List.of("010-12345678；+44 20 7946 0958", "", "", ""))) {
            rows.add(List.of("张三", cells.get(0), cells.get(1), cells.get(2), cells.get(3), ""));
        }
        for (List<String> cells : rows) {
            ImportRowReader.Read read = reader.read(cells);
            Reference expected = Reference.read(cells);
            assertThat(read.draft() == null ? null : List.of(read.draft().identities(), read.draft().tags(),
                    String.valueOf(read.draft().birthday()))).as(cells.toString()).isEqualTo(expected == null ? null
                    : List.of(expected.identities(), expected.tags(), String.valueOf(expected.birthday())));
        }
    }

    private static void assertSameKeys(String name) {
        assertThat(SearchKeys.normalise(name)).as(name).isEqualTo(Reference.normalise(name));
        assertThat(SearchKeys.of(name)).as(name).isEqualTo(Reference.keys(name));
    }

    /** How names were keyed and cells read before they were made faster. */
    private record Reference(List<CustomerIdentity> identities, List<String> tags, LocalDate birthday) {

        private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();
        private static final Pattern LIST = Pattern.compile("[,;，；、|/\\s]+");
        private static final Pattern PHONE_LIST = Pattern.compile("[,;，；、|/]+");
        private static final Pattern TAG_LIST = Pattern.compile("[,;，；、|]+");
        private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
                DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"));

        static {
            PINYIN.setCaseType(HanyuPinyinCaseType.LOWERCASE);
            PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
            PINYIN.setVCharType(HanyuPinyinVCharType.WITH_V);
        }

        static SearchKeys keys(String name) {
            String normal = normalise(name);
            StringBuilder initials = new StringBuilder();
            StringBuilder full = new StringBuilder();
            normal.codePoints().forEach(cp -> {
                String syllable = pinyinOf(cp);
                if (syllable != null) {
                    initials.append(syllable.charAt(0));
                    full.append(syllable);
                } else if (Character.isLetterOrDigit(cp)) {
                    initials.appendCodePoint(cp);
                    full.appendCodePoint(cp);
                }
            });
            int[] cps = normal.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
            Set<String> grams = new LinkedHashSet<>();
            for (int i = 0; i < cps.length; i++) {
                grams.add(new String(cps, i, 1));
                if (i + 1 < cps.length) {
                    grams.add(new String(cps, i, 2));
                }
            }
            return new SearchKeys(normal, List.copyOf(grams), truncate(initials, 200), truncate(full, 1000));
        }

        static String normalise(String text) {
            String simplified = ZhConverterUtil.toSimple(text.strip());
            return simplified.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        }

        private static String pinyinOf(int codePoint) {
            if (!Character.isBmpCodePoint(codePoint)
                    || Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
                return null;
            }
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) codePoint, PINYIN);
                return readings == null || readings.length == 0 ? null : readings[0];
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }

        private static String truncate(StringBuilder text, int max) {
            return text.length() <= max ? text.toString() : text.substring(0, max);
        }

        /** The identities, tags and birthday of a row (name, phones, emails, member numbers, tags, birthday). */
        static Reference read(List<String> cells) {
            try {
                List<CustomerIdentity> identities = new ArrayList<>();
                split(PHONE_LIST, cells.get(1), IdentityKind.PHONE, identities);
                split(LIST, cells.get(2), IdentityKind.EMAIL, identities);
                split(LIST, cells.get(3), IdentityKind.MEMBER_NO, identities);
                String tags = cells.get(4).strip();
                String birthday = cells.get(5).strip();
                CustomerDraft draft = new CustomerDraft(null, cells.get(0), null, null, null,
                        tags.isEmpty() ? List.of() : List.of(TAG_LIST.split(tags)), null, null, null, null, null, null);
                return new Reference(CustomerService.normalised(identities), draft.tags(),
                        birthday.isEmpty() ? null : date(birthday));
            } catch (RuntimeException refused) {
                return null;
            }
        }

        private static void split(Pattern list, String cell, IdentityKind kind, List<CustomerIdentity> into) {
            String value = cell.strip();
            if (!value.isEmpty()) {
                for (String one : list.split(value)) {
                    if (!one.isBlank()) {
                        into.add(IdentityNormaliser.normalise(kind, one));
                    }
                }
            }
        }

        private static LocalDate date(String value) {
            if (value.matches("\\d{4,5}(\\.0+)?")) {
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(value.replaceAll("\\..*", "")));
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException e) {
                    // the next way of writing a date
                }
            }
            throw new IllegalArgumentException(value);
        }
    }
}
