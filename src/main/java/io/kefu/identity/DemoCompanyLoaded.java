package io.kefu.identity;

/**
 * The demo company's departments, staff and skill groups were created on first start. Published inside that
 * transaction, acting as the administrator, so that other modules add their demo records with it or not at all.
 */
public record DemoCompanyLoaded() {
}
