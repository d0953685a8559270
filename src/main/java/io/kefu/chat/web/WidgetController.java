package io.kefu.chat.web;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The widget script companies embed, and a demo page of a company site embedding it. */
@Controller
class WidgetController {

    private static final Resource WIDGET = new ClassPathResource("chat/widget.js");

    @GetMapping("/chat/widget.js")
    ResponseEntity<Resource> widget() {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(WIDGET);
    }

    @GetMapping("/chat/demo")
    String demo() {
        return "chat/demo";
    }
}
