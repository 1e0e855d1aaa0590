package org.gongzhi.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem+json answer in its reader's language ({@link ProblemLanguage}): whichever mapper or endpoint made it,
 * the body is translated on its way out when the caller prefers Chinese. The answer then varies by Accept-Language.
 */
public class ProblemTranslation {
    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        response.getHeaders().add("Vary", "Accept-Language");
        if (ProblemLanguage.prefersChinese(request.getAcceptableLanguages())) {
            response.setEntity(ProblemLanguage.inChinese(problem));
            response.getHeaders().putSingle("Content-Language", "zh-CN");
        }
    }
}
