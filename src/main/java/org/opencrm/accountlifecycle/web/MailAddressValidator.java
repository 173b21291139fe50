package org.opencrm.accountlifecycle.web;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/**
 * An address is accepted only if the mail sent to it later can be composed and sent: a plain {@code local@domain} in
 * printable ASCII (an address beyond it needs SMTPUTF8, which this mailer does not speak) that the mailer itself
 * parses strictly, back to the same text, with the lengths SMTP allows and a domain of host names.
 * Refusing it at the door is better than a mail job that fails months later, when the notice is due.
 */
public class MailAddressValidator implements ConstraintValidator<MailAddress, String> {

    private static final int LOCAL_PART_MAX_LENGTH = 64;

    /** Dot-separated atoms without blanks, quotes or the characters an address reserves. */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[^\\s@\"(),:;<>\\[\\]\\\\.]+(\\.[^\\s@\"(),:;<>\\[\\]\\\\.]+)*");

    /**
     * Two labels or more, letters, digits and inner hyphens, at most 63 each (RFC 1035); the last, the top-level
     * domain, has a letter, since no top-level domain is all digits.
     */
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
            + "(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValid(value);
    }

    public static boolean isValid(String address) {
        int at = address.lastIndexOf('@');
        if (address.length() > MailAddress.MAX_LENGTH
                || at <= 0
                || at > LOCAL_PART_MAX_LENGTH
                || !address.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            return false;
        }
        if (!LOCAL_PART.matcher(address.substring(0, at)).matches()
                || !DOMAIN.matcher(address.substring(at + 1)).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().equals(address);
        } catch (AddressException refused) {
            return false;
        }
    }
}
