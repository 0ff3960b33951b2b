package org.civis.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A bare TCP connection speaking HTTP/1.1 by hand, for what no well-behaved client does: declare
 * a body and stall, trickle it, or abandon it.
 */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    public static RawConnection open(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            return new RawConnection(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request head; {@code extraHeaders} are whole lines such as {@code "Expect: 100-continue"}. */
    public RawConnection head(String method, String path, long contentLength, String... extraHeaders) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ")
                .append(contentLength)
                .append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        return write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes bytes; false if the server has already closed the connection. */
    public boolean tryWrite(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public RawConnection write(byte[] bytes) {
        if (!tryWrite(bytes)) {
            throw new IllegalStateException("the server closed the connection");
        }
        return this;
    }

    /** Reads the first line the server sends, waiting at most {@code millis}; null if it closed first. */
    public String firstLine(int millis) {
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.size() == 0
                    ? null
                    : line.toString(StandardCharsets.US_ASCII).trim();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server sent nothing within " + millis + " ms", e);
        } catch (SocketException e) {
            return null; // reset by the server
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads everything until the server closes the connection, waiting at most {@code millis}
     * between bytes; fails if the server keeps it open.
     */
    public String untilClosed(int millis) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + millis + " ms", e);
        } catch (SocketException e) {
            // reset by the server: closed all the same
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Drops the connection with a TCP reset, as a client that crashed mid-upload. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing to do
        }
    }
}
