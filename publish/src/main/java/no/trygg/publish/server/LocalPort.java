package no.trygg.publish.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1, where the local servers listen. */
public final class LocalPort {

    private LocalPort() {
    }

    /** Whether nothing listens on this port of 127.0.0.1. */
    public static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
