package org.gongzhi.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small but real SMTP server (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) on a
 * loopback port, started before the service so {@code quarkus.mailer.host/port} point at it. It keeps every message it
 * accepted, as a mail server would hand them on.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {
    /** One accepted message: envelope and the raw RFC 5322 text. */
    public record Message(String from, List<String> to, String data) {
        /** A header's value, with RFC 2047 encoded words (B or Q, UTF-8) decoded. */
        public String header(String name) {
            String[] lines = data.split("\r\n");
            StringBuilder value = null;
            for (String line : lines) {
                if (line.isEmpty()) {
                    break;
                }
                if (value != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                    value.append(line.substring(1));
                    continue;
                }
                if (value != null) {
                    break;
                }
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    value = new StringBuilder(line.substring(name.length() + 1).trim());
                }
            }
            return value == null ? null : decodeWords(value.toString());
        }
    }

    static final List<Message> RECEIVED = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newCachedThreadPool();
        threads.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    threads.submit(() -> session(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                String.valueOf(server.getLocalPort()));
    }

    private void session(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 gongzhi-test-smtp ready");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-gongzhi-test-smtp\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 gongzhi-test-smtp");
                    case "MAIL" -> {
                        from = address(line);
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                        }
                        RECEIVED.add(new Message(from, List.copyOf(to), data.toString()));
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        from = null;
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String address(String line) {
        Matcher m = Pattern.compile("<([^>]*)>").matcher(line);
        return m.find() ? m.group(1) : line.substring(line.indexOf(':') + 1).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String decodeWords(String value) {
        Matcher m = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=\\s*").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = m.group(3);
            byte[] bytes;
            if (m.group(2).equalsIgnoreCase("B")) {
                bytes = Base64.getDecoder().decode(text);
            } else {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '_') {
                        b.write(' ');
                    } else if (c == '=' && i + 2 < text.length()) {
                        b.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        b.write(c);
                    }
                }
                bytes = b.toByteArray();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes,
                    java.nio.charset.Charset.forName(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        threads.shutdownNow();
    }
}
