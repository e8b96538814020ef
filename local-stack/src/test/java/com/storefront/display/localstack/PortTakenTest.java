package com.storefront.display.localstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefront.display.localstack.cassandra.CassandraServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortTakenTest {

    @Test
    void aPortTakenBySomethingThatIsNotCassandraFailsWithAClearMessage(@TempDir Path home) throws IOException {
        try (ServerSocket stranger = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> closeEveryConnection(stranger));
            acceptor.setDaemon(true);
            acceptor.start();
            LocalStackSettings settings = LocalStackSettings.from(Map.of("home", home.toString(),
                    "cassandra-port", Integer.toString(stranger.getLocalPort()))::get);

            assertThatThrownBy(() -> new CassandraServer(settings).ensureRunning(StackProvider.Owner.TEST_RUN))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port 127.0.0.1:" + stranger.getLocalPort() + " is taken")
                    .hasMessageContaining("does not answer as cassandra");
            acceptor.interrupt();
        }
    }

    private static void closeEveryConnection(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                // hang up at once: a stranger that speaks no CQL
                server.accept().close();
            } catch (IOException e) {
                return;
            }
        }
    }
}
