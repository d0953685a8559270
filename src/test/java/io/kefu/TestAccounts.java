package io.kefu;

/** The credentials application-test.yml sets up on first start, and the demo staff, one per built-in role. */
public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "Kefu-Test-2026";
    public static final String BOOTSTRAP_TOKEN = "kefu_test_bootstrap_token_0123456789";

    public static final String SUPERVISOR = "wangfang";
    public static final String AGENT = "liming";
    public static final String CUSTOMER_MANAGER = "chenjing";
    public static final String SALES = "sunqiang";
    public static final String TECHNICAL_SUPPORT = "zhoujie";
    public static final String QUALITY_INSPECTOR = "wuxia";

    private TestAccounts() {
    }
}
