package io.kefu.customer;

/** One identity of a customer, normalised: phones in E.164 (+8613812345678), emails in lower case. */
public record CustomerIdentity(IdentityKind kind, String value) {
}
