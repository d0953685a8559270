package io.kefu.platform.web;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page may use: the time zone in which times are shown. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    /** The offices Kefu serves are in China; a per-company zone comes with business calendars. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZONE;
    }
}
