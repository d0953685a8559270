package io.kefu.platform.web;

import java.time.ZoneId;

import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * What every page may use: the time zone in which times are shown. A static variable of every page rather than a
 * model attribute of every controller: API calls (REST controllers are controllers too) then pay nothing for it.
 */
@Configuration(proxyBeanMethods = false)
class PageModel {

    /** The offices Kefu serves are in China; a per-company zone comes with business calendars. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    PageModel(ThymeleafViewResolver pages) {
        pages.addStaticVariable("zone", ZONE);
    }
}
