package org.opencrm.accountlifecycle.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test JVM. Its port comes from the system property {@code test.smtp.port}
 * (default 3025), the same one {@code application-test.yml} gives the application, so that two builds on one machine
 * can use two ports.
 */
public final class TestSmtp {

    public static final int PORT = Integer.getInteger("test.smtp.port", 3025);

    private TestSmtp() {}

    /** A server started before and stopped after each test, so that each test sees only its own mails. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
