package com.storefront.display.localstack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import com.storefront.display.localstack.LocalServer;
import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;

/** A real Apache Kafka broker in KRaft combined mode (broker and controller) as a child JVM. */
public final class KafkaServer extends LocalServer {

    static final String MAIN_CLASS = "kafka.Kafka";

    public KafkaServer(LocalStackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return settings.kafkaPort();
    }

    @Override
    protected String mainClass() {
        return MAIN_CLASS;
    }

    @Override
    protected Path mainLog() {
        return dir().resolve("logs").resolve("server.log");
    }

    @Override
    protected List<String> prepareCommand() {
        Path lib = requireLib("kafka", settings.kafkaVersion());
        Path conf = dir().resolve("conf");
        Path data = dir().resolve("data");
        write(conf.resolve("server.properties"), resource("kafka-server.properties")
                .replace("${host}", settings.host())
                .replace("${port}", Integer.toString(settings.kafkaPort()))
                .replace("${controller_port}", Integer.toString(settings.kafkaControllerPort()))
                .replace("${data_dir}", data.toString()));
        write(conf.resolve("log4j2.xml"), resource("kafka-log4j2.xml"));
        if (!Files.exists(data.resolve("meta.properties"))) {
            formatStorage(lib, conf);
        }
        return List.of(javaExecutable(), "-Xms" + settings.kafkaHeap(), "-Xmx" + settings.kafkaHeap(),
                "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + dir().resolve("logs"),
                "-Dlog4j2.configurationFile=" + conf.resolve("log4j2.xml"),
                "-cp", lib + "/*", MAIN_CLASS, conf.resolve("server.properties").toString());
    }

    /** KRaft needs its log directory formatted with a cluster id once, before the first start. */
    private void formatStorage(Path lib, Path conf) {
        Path output = dir().resolve("logs").resolve("format.log");
        try {
            Files.createDirectories(output.getParent());
            // no --standalone: the tool refuses it together with controller.quorum.voters
            Process format = new ProcessBuilder(javaExecutable(), "-cp", lib + "/*", "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", conf.resolve("server.properties").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new LocalStackException("kafka storage format failed: " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new LocalStackException("kafka storage format could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while formatting kafka storage", e);
        }
    }

    @Override
    public boolean answers(Duration timeout) {
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.endpoints().kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
