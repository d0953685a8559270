package io.kefu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/** The Debian Chromium the browser tests drive; Playwright's own browser download is switched off. */
public final class SystemChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private SystemChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches it headless for the test class, failing the test when it is missing. */
    public static SystemChromium launch(Class<?> test) {
        // A missing browser must fail the build: skipping would hide that the UI went untested.
        assertTrue(Files.isExecutable(CHROMIUM), test.getSimpleName() + " needs Chromium at " + CHROMIUM
                + " (apt-get install chromium); Playwright's own browser download is switched off");
        // The CI machine has two cores shared by the server, PostgreSQL and Chromium: allow slow answers.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create();
        return new SystemChromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"))));
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
