package io.kefu.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a CSV of realistic customers for the import and search benchmarks: Chinese names drawn with the
 * frequency of common surnames, unique mobile numbers, emails for most people, one row in ten an organisation,
 * tiers, tags, regions and lifecycle stages. The file goes through the same import a user's spreadsheet does.
 *
 * <p>Usage: {@code CustomerDataGenerator <rows> <file> [seed]}.
 */
public final class CustomerDataGenerator {

    // The most frequent surnames first: drawing with a skew gives 王, 李, 张 their real weight.
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            + "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞玉兰萍鑫波斌宇浩凯健俊帆帅旭宁"
            + "婷雪琳晶欣怡佳悦思雨嘉子涵梓萱诗雅然博文志鹏辉建国海燕红梅春晓东亮成龙新宏丹彬峰云凤琴莉晨阳铭泽")
            .split("");
    private static final String[] CITIES = "北京 上海 广州 深圳 杭州 成都 武汉 南京 西安 重庆 天津 苏州 长沙 郑州 青岛 沈阳 宁波 昆明 厦门 合肥"
            .split(" ");
    private static final String[] TRADES = "网络科技 信息技术 物业管理 商贸 电子商务 建筑工程 医疗器械 教育咨询 餐饮管理 汽车服务 物流 文化传媒"
            .split(" ");
    private static final String[] BRANDS = "华 瑞 鼎 恒 信 泰 达 宏 嘉 盛 兴 源 通 博 远 丰 联 创 汇 安 德 新 海 天".split(" ");
    private static final String[] TIERS = {"普通", "普通", "普通", "银卡", "银卡", "金卡", "钻石"};
    private static final String[] TAGS = {"宽带", "5G套餐", "老客户", "投诉过", "VIP", "企业客户", "高价值", "新客户"};
    private static final String[] STAGES = {"PROSPECT", "EXPLORATION", "FORMATION", "STABLE", "STABLE", "DECLINE",
            "CHURNED"};
    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "gmail.com",
            "outlook.com", "foxmail.com"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "155", "156", "157", "158", "159", "166", "177", "180", "181", "186", "187", "188",
            "189", "198", "199"};

    private CustomerDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 20261126L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("客户名称,客户类型,手机,邮箱,会员号,客户等级,标签,地区,生命周期,生日\n");
            for (int i = 0; i < rows; i++) {
                out.write(row(i, random));
                out.write('\n');
            }
        }
    }

    private static String row(int i, SplittableRandom random) {
        boolean organisation = random.nextInt(10) == 0;
        String city = pick(CITIES, random);
        String name = organisation
                ? city + pick(BRANDS, random) + pick(BRANDS, random) + pick(TRADES, random) + "有限公司"
                : person(random);
        String phone = phone(i, random);
        String email = random.nextInt(10) < 6 ? "u" + Integer.toString(i, 36) + "@" + pick(MAIL_DOMAINS, random)
                : "";
        String member = random.nextInt(10) < 3 ? "M" + (10_000_000 + i) : "";
        String tags = random.nextInt(3) == 0 ? pick(TAGS, random) + ";" + pick(TAGS, random) : "";
        String birthday = organisation ? "" : String.format("%d-%02d-%02d", 1950 + random.nextInt(55),
                1 + random.nextInt(12), 1 + random.nextInt(28));
        return String.join(",", name, organisation ? "ORGANIZATION" : "PERSON", phone, email, member,
                pick(TIERS, random), tags, city, pick(STAGES, random), birthday);
    }

    private static String person(SplittableRandom random) {
        // Skewed towards the first surnames, as in the population.
        int s = (int) (SURNAMES.length * Math.pow(random.nextDouble(), 2.2));
        String given = pick(GIVEN, random) + (random.nextInt(3) == 0 ? "" : pick(GIVEN, random));
        return SURNAMES[s] + given;
    }

    /** Unique per row: the row number spread over the eight digits after a mobile prefix. */
    private static String phone(int i, SplittableRandom random) {
        String prefix = MOBILE_PREFIXES[i % MOBILE_PREFIXES.length];
        long body = ((long) (i / MOBILE_PREFIXES.length) * 48_271L) % 100_000_000L;
        return prefix + String.format("%08d", body);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
