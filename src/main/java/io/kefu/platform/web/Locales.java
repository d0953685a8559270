package io.kefu.platform.web;

import java.util.List;
import java.util.Locale;

/** The UI's languages: Simplified Chinese by default, English second. */
public final class Locales {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private Locales() {
    }
}
