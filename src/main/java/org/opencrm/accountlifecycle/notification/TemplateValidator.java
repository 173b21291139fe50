package org.opencrm.accountlifecycle.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a template before it is saved, so that a broken one never replaces the version in use: the subject fits a
 * mail header, the body fits its column, both are well-formed Mustache and use only the placeholders the notification
 * fills in. A refusal names the field and, when it is known, the line and column.
 */
@Component
class TemplateValidator {

    /** The values {@link NotificationService} gives every template. */
    static final List<String> PLACEHOLDERS = List.of("firstName", "lastName", "deletionDate", "portalUrl");

    /** The size of the column. */
    static final int SUBJECT_MAX_LENGTH = 300;

    static final int BODY_MAX_BYTES = 100 * 1024;

    static final String SUBJECT = "subject";
    static final String BODY = "body";

    private static final int MAX_QUOTED_NAME = 40;

    // jmustache gives the line of a syntax error at the end of its message, and no column
    private static final Pattern PARSE_ERROR_LINE = Pattern.compile("(?s)(.*) @ line (\\d+)");

    private final TemplateRenderer renderer;

    TemplateValidator(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** @throws InvalidTemplateException at the first fault, subject first */
    void validate(String subject, String body) {
        if (subject.length() > SUBJECT_MAX_LENGTH) {
            throw new InvalidTemplateException(
                    SUBJECT, "subject: at most " + SUBJECT_MAX_LENGTH + " characters, not " + subject.length());
        }
        int control = indexOfControl(subject);
        if (control >= 0) {
            throw new InvalidTemplateException(
                    SUBJECT,
                    position(subject, control),
                    isLineBreak(subject.charAt(control))
                            ? "the subject must be one line: it becomes a mail header"
                            : "the subject must not hold a tab or another control character: it becomes a mail header");
        }
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > BODY_MAX_BYTES) {
            throw new InvalidTemplateException(
                    BODY, "body: at most " + BODY_MAX_BYTES + " bytes (100 KB) in UTF-8, not " + bodyBytes);
        }
        check(SUBJECT, subject, renderer::compileSubject, false);
        check(BODY, body, renderer::compileBody, true);
    }

    private static void check(String field, String text, Function<String, Template> compiler, boolean escapedOnly) {
        // the scan first: it knows where a fault lies, and jmustache fails on some (an empty tag) without saying
        checkTags(field, text, escapedOnly);
        Template template;
        try {
            template = compiler.apply(text);
        } catch (MustacheParseException e) {
            throw syntaxError(field, e);
        } catch (RuntimeException e) {
            // jmustache fails on some malformed input with an exception of its own parser's making
            throw new InvalidTemplateException(field, field + ": not a Mustache template that can be read");
        }
        // jmustache's own reading of the names, should the scan of the tags above ever read them otherwise
        template.visit(new NameCheck(field));
    }

    private static InvalidTemplateException syntaxError(String field, MustacheParseException e) {
        Matcher located = PARSE_ERROR_LINE.matcher(e.getMessage());
        if (located.matches()) {
            return new InvalidTemplateException(
                    field, new Position(Integer.parseInt(located.group(2)), 0), located.group(1));
        }
        return new InvalidTemplateException(field, field + ": " + e.getMessage());
    }

    /**
     * Walks the tags with the default delimiters, which are the only ones allowed, to say where a fault lies: jmustache
     * reports no position for names, and reads a tag that is never closed as plain text.
     */
    private static void checkTags(String field, String text, boolean escapedOnly) {
        int from = 0;
        int open;
        while ((open = text.indexOf("{{", from)) >= 0) {
            boolean triple = text.startsWith("{{{", open);
            String closer = triple ? "}}}" : "}}";
            int start = open + closer.length();
            int close = text.indexOf(closer, start);
            if (close < 0) {
                throw new InvalidTemplateException(
                        field, position(text, open), "the tag opened here is not closed with " + closer);
            }
            checkTag(field, position(text, open), text.substring(start, close).strip(), triple, escapedOnly);
            from = close + closer.length();
        }
    }

    private static void checkTag(String field, Position position, String tag, boolean triple, boolean escapedOnly) {
        // {{}} or a section, inverted section, close or unescaped tag without a name
        if (tag.isEmpty()
                || ("#^/&".indexOf(tag.charAt(0)) >= 0 && tag.substring(1).isBlank())) {
            throw new InvalidTemplateException(field, position, "an empty tag names no placeholder");
        }
        char sigil = tag.charAt(0);
        String name = tag.substring(1).strip();
        switch (sigil) {
            case '!' -> {
                // a comment
            }
            case '=' -> throw new InvalidTemplateException(field, position, "changing the delimiters is not supported");
            case '>', '<', '$' -> throw new InvalidTemplateException(field, position, "partials are not supported");
            case '#', '^', '/' -> requireKnown(field, position, name);
            case '&' -> requireEscaped(field, position, name, escapedOnly);
            default -> {
                if (triple) {
                    requireEscaped(field, position, tag, escapedOnly);
                }
                requireKnown(field, position, tag);
            }
        }
    }

    /** Markup in a value, such as a name, must not reach the HTML body as markup. */
    private static void requireEscaped(String field, Position position, String name, boolean escapedOnly) {
        requireKnown(field, position, name);
        if (escapedOnly) {
            throw new InvalidTemplateException(
                    field, position, "{{" + name + "}} must be escaped: write it with two braces and no '&'");
        }
    }

    private static void requireKnown(String field, Position position, String name) {
        if (!PLACEHOLDERS.contains(name)) {
            throw new InvalidTemplateException(field, position, unknownPlaceholder(name));
        }
    }

    private static String unknownPlaceholder(String name) {
        String quoted = name.length() > MAX_QUOTED_NAME ? name.substring(0, MAX_QUOTED_NAME) + "..." : name;
        return "unknown placeholder {{" + quoted + "}}; the placeholders are " + String.join(", ", PLACEHOLDERS);
    }

    /** The first control character or Unicode line or paragraph separator, as {@code @SingleLine} refuses them. */
    private static int indexOfControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isLineBreak(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLineBreak(char c) {
        return c == '\r' || c == '\n' || c == '\u000b' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Line and column, from 1, of the character at {@code index}; a CR LF pair ends one line. */
    private static Position position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, index - lineStart + 1);
    }

    /** @param column 0 when only the line is known */
    record Position(int line, int column) {

        @Override
        public String toString() {
            return column > 0 ? "line " + line + ", column " + column : "line " + line;
        }
    }

    private record NameCheck(String field) implements Mustache.Visitor {

        @Override
        public void visitText(String text) {}

        @Override
        public void visitVariable(String name) {
            requireListed(name);
        }

        @Override
        public boolean visitInclude(String name) {
            throw new InvalidTemplateException(field, field + ": partials are not supported");
        }

        @Override
        public boolean visitParent(String name) {
            return visitInclude(name);
        }

        @Override
        public boolean visitBlock(String name) {
            return visitInclude(name);
        }

        @Override
        public boolean visitSection(String name) {
            requireListed(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            requireListed(name);
            return true;
        }

        private void requireListed(String name) {
            if (!PLACEHOLDERS.contains(name)) {
                throw new InvalidTemplateException(field, field + ": " + unknownPlaceholder(name));
            }
        }
    }
}
