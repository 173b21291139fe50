package org.opencrm.accountlifecycle.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opencrm.accountlifecycle.web.ServletProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for API callers as RFC 9457 problem details, like every other refusal of the API. */
final class ProblemAnswers {

    private final ObjectMapper json;

    ProblemAnswers(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"account-lifecycle\"");
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Log in with the user name and password of your role (HTTP Basic)");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, denied) ->
                write(response, HttpStatus.FORBIDDEN, "Your role may not use " + request.getRequestURI());
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ServletProblems.write(json, response, ProblemDetail.forStatusAndDetail(status, detail));
    }
}
