package io.hrloop.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real mail server (GreenMail: SMTP and IMAP) in its own JVM, run from the classpath that the
 * hrloop-mail-runtime module resolved through Maven, as {@link KafkaBroker} runs the broker. Authentication
 * is off, so every address that receives mail has a mailbox, and IMAP logs in with the address as user and
 * as password. Mailboxes live in the server's memory: {@link #kill()} loses them, {@link #pause()} does not.
 */
public final class MailServer implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "io/hrloop/mail/server.classpath";
    private static final String HOST = "127.0.0.1";

    private final Path directory;
    private final int smtpPort;
    private final int imapPort;
    private Process process;

    public MailServer(Path directory, int smtpPort, int imapPort) {
        this.directory = directory;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The host the services and mail clients connect to. */
    public String host() {
        return "localhost";
    }

    public synchronized MailServer start() {
        try {
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>();
            command.add(JavaProcesses.javaExecutable());
            command.add("-Xms32m");
            command.add("-Xmx256m");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-Dgreenmail.smtp.hostname=" + HOST);
            command.add("-Dgreenmail.smtp.port=" + smtpPort);
            command.add("-Dgreenmail.imap.hostname=" + HOST);
            command.add("-Dgreenmail.imap.port=" + imapPort);
            // Any password logs in, and a recipient's mailbox is made when mail arrives for it (login: the address).
            command.add("-Dgreenmail.auth.disabled");
            command.add("-cp");
            command.add(serverClasspath());
            command.add("com.icegreen.greenmail.standalone.GreenMailStandaloneRunner");
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectErrorStream(true)
                    .start();
            awaitReady(Duration.ofSeconds(60));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (SIGTERM); its mailboxes are gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        JavaProcesses.terminate(process, Duration.ofSeconds(20));
        process = null;
    }

    /** SIGKILL, as when the mail host dies: connections are refused until {@link #start()}. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        JavaProcesses.kill(process, Duration.ofSeconds(20));
        process = null;
    }

    /** Freezes the server's JVM (SIGSTOP): clients connect and are never answered, as with a hung mail host. */
    public synchronized void pause() {
        Signals.send("STOP", process.pid(), false);
    }

    public synchronized void resume() {
        Signals.send("CONT", process.pid(), false);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized Process process() {
        return process;
    }

    public Path log() {
        return directory.resolve("mail-server.log");
    }

    @Override
    public void close() {
        stop();
    }

    /** Ready once the SMTP port greets (220) and the IMAP port answers (* OK). */
    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mail server exited with " + process.exitValue() + ": "
                        + KafkaBroker.tail(log()));
            }
            if (greets(smtpPort, "220") && greets(imapPort, "* OK")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("mail server not ready within " + timeout + "; see " + log());
    }

    private static boolean greets(int port, String greeting) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            socket.setSoTimeout(2000);
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return line != null && line.startsWith(greeting);
        } catch (IOException e) {
            return false;
        }
    }

    static String serverClasspath() {
        try (InputStream in = MailServer.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build hrloop-mail-runtime first");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("mail server jar " + entry
                            + " is not in the local Maven repository: run ./mvnw -B install -DskipTests");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
