package io.kefu.customer;

/** An individual, or an organisation (a company customer, to which contacts belong). */
public enum CustomerType {
    PERSON,
    ORGANIZATION
}
