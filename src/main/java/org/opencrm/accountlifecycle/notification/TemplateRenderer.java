package org.opencrm.accountlifecycle.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders mail templates with Mustache, which has no logic to abuse. Values are HTML-escaped in the body; in the
 * subject, which becomes a mail header, line breaks are turned into spaces so that no value can add a header.
 * A placeholder without a value fails the rendering rather than leaving a gap in a citizen's mail.
 */
@Component
class TemplateRenderer {

    private final Mustache.Compiler body = Mustache.compiler().escapeHTML(true);
    private final Mustache.Compiler subject = Mustache.compiler().escapeHTML(false);

    RenderedMail render(MailTemplate template, Map<String, String> values) {
        String renderedSubject = singleLine(compileSubject(template.subject()).execute(values));
        String renderedBody = compileBody(template.body()).execute(values);
        return new RenderedMail(renderedSubject, renderedBody);
    }

    /** @throws com.samskivert.mustache.MustacheParseException when the subject is not well-formed Mustache */
    Template compileSubject(String text) {
        return subject.compile(text);
    }

    /** @throws com.samskivert.mustache.MustacheParseException when the body is not well-formed Mustache */
    Template compileBody(String text) {
        return body.compile(text);
    }

    private static String singleLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    record RenderedMail(String subject, String htmlBody) {}
}
