package com.midicenter.persistence.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link EmbeddedServerIT}: opens the server of {@code args[0]} (binaries in {@code args[1]}),
 * prints {@code PORT <port> <started|attached>}, then closes it when it reads {@code close} on stdin (or after 60 s),
 * or calls {@code System.exit(0)} without closing it when it reads {@code exit}, leaving the work to the shutdown hook.
 */
public final class EmbeddedServerChild {

    private EmbeddedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedServer.Settings settings = EmbeddedServer.Settings.defaults().withBinariesDirectory(Path.of(args[1]));
        try (EmbeddedServer server = EmbeddedServer.start(Path.of(args[0]), settings)) {
            System.out.println("PORT " + server.port() + " " + (server.startedByThisProcess() ? "started" : "attached"));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                String command = in.ready() ? in.readLine() : null;
                if ("close".equals(command)) {
                    break;
                }
                if ("exit".equals(command)) {
                    System.exit(0);
                }
                Thread.sleep(50);
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
