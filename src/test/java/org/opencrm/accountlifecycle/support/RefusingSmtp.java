package org.opencrm.accountlifecycle.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that refuses one recipient address with 550 and accepts, and drops, every other mail; GreenMail
 * accepts every address. It listens on {@link TestSmtp#PORT}, so GreenMail must be stopped while it runs. Close it
 * in the test that opened it.
 */
public final class RefusingSmtp implements AutoCloseable {

    private final String refused;
    private final ServerSocket socket;
    private final Thread server;

    public RefusingSmtp(String refusedAddress) {
        this.refused = refusedAddress;
        try {
            this.socket = new ServerSocket(TestSmtp.PORT, 10, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new Thread(this::serve, "refusing-smtp");
        server.setDaemon(true);
        server.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // accept() fails once the socket is closed: the server is done
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 refusing-smtp ready");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase();
            if (command.startsWith("RCPT") && line.contains("<" + refused + ">")) {
                reply(out, "550 5.1.1 Mailbox unavailable");
            } else if (command.startsWith("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the body of an accepted mail is not kept
                }
                reply(out, "250 OK");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "250 OK");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
