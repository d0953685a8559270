/**
 * The web shell every module's pages and APIs use: localised problem details, form errors, locale switching,
 * the layout and the home page.
 */
@org.springframework.modulith.NamedInterface("web")
package io.kefu.platform.web;
