package org.opencrm.accountlifecycle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 with a problem detail naming the parameter when a query parameter, or a field of a form the
 * administration pages post, breaks {@link StorableText}'s rule. Multipart uploads are left alone: reading their
 * parameters here would parse the files before their own limits apply, and the import checks its files itself.
 */
class StorableParametersFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    StorableParametersFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ServletProblems.isUpload(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refused = firstUnstorable(request.getParameterMap());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String name = StorableText.isStorable(refused.get()) ? refused.get() : "(unnamed)";
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + ": " + StorableText.RULE);
        problem.setProperty("field", name);
        problem.setInstance(URI.create(request.getRequestURI()));
        ServletProblems.write(json, response, problem);
    }

    /** The name of the first parameter whose name or a value breaks the rule. */
    private static Optional<String> firstUnstorable(Map<String, String[]> parameters) {
        return parameters.entrySet().stream()
                .filter(parameter -> !StorableText.isStorable(parameter.getKey())
                        || Arrays.stream(parameter.getValue()).anyMatch(value -> !StorableText.isStorable(value)))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
