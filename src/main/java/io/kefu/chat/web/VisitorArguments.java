package io.kefu.chat.web;

import java.util.List;

import io.kefu.chat.internal.Visitor;
import io.kefu.chat.internal.VisitorLimits;
import io.kefu.chat.internal.Visitors;
import io.kefu.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a {@link Visitor} parameter of the visitor API from the {@code X-Kefu-Visitor} header (or the
 * {@code visitor} query parameter, which EventSource needs); counts the call against the address's rate limit.
 * A missing or unknown token is refused with 401.
 */
@Configuration(proxyBeanMethods = false)
class VisitorArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static final String HEADER = "X-Kefu-Visitor";

    private final Visitors visitors;
    private final VisitorLimits limits;

    VisitorArguments(Visitors visitors, VisitorLimits limits) {
        this.visitors = visitors;
        this.limits = limits;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Visitor.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        limits.request(http.getRemoteAddr());
        String token = http.getHeader(HEADER);
        if (token == null) {
            token = http.getParameter("visitor");
        }
        return visitors.byToken(token)
                .orElseThrow(() -> new DomainException(HttpStatus.UNAUTHORIZED, "chat.visitorUnknown"));
    }
}
