package io.kefu.customer;

/** The ways a customer is recognised on a channel. Each value belongs to at most one customer. */
public enum IdentityKind {
    PHONE(true),
    EMAIL(true),
    WECHAT_OPENID(false),
    WECHAT_UNIONID(false),
    APP_USER_ID(false),
    MEMBER_NO(false),
    ID_NUMBER(true);

    private final boolean personalData;

    IdentityKind(boolean personalData) {
        this.personalData = personalData;
    }

    /** Personal data is masked unless the viewer reveals it. */
    public boolean isPersonalData() {
        return personalData;
    }
}
