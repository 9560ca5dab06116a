package org.safeguarding.backbone.web.correlation;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method's {@link RequestedCorrelation} parameter the checked {@code X-Correlation-Id} header. */
public class RequestedCorrelationResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestedCorrelation.class;
    }

    @Override
    public RequestedCorrelation resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                                NativeWebRequest request, WebDataBinderFactory binders) {
        return RequestedCorrelation.fromHeader(request.getHeader(RequestedCorrelation.HEADER));
    }
}
