package com.storefront.display.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void defaultsMatchTheContractPortsAndTheBuiltServerVersions() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of("home", "/tmp/stack")::get);

        assertThat(settings.endpoints()).isEqualTo(new StackEndpoints("127.0.0.1", 9042, "datacenter1", "127.0.0.1:9092", "127.0.0.1:9042"));
        assertThat(settings.provider()).isEqualTo(LocalStackSettings.ProviderChoice.AUTO);
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.cassandraVersion()).startsWith("5.0.");
        assertThat(settings.serverLib("cassandra", "5.0.9")).isEqualTo(Path.of("/tmp/stack/servers/cassandra-5.0.9/lib"));
    }

    @Test
    void kafkaServerIsTheVersionOfTheKafkaClientsSpringBootManages() {
        LocalStackSettings settings = LocalStackSettings.from(Map.<String, String>of()::get);

        assertThat(settings.kafkaVersion()).isEqualTo(AppInfoParser.getVersion());
    }

    @Test
    void everySettingCanBeOverridden() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of(
                "home", "/srv/stack", "provider", "process", "cassandra-port", "19042", "kafka-port", "19092",
                "cassandra-heap", "2g", "start-timeout-seconds", "30")::get);

        assertThat(settings.endpoints()).isEqualTo(new StackEndpoints("127.0.0.1", 19042, "datacenter1", "127.0.0.1:19092"));
        assertThat(settings.provider()).isEqualTo(LocalStackSettings.ProviderChoice.PROCESS);
        assertThat(settings.cassandraHeap()).isEqualTo("2g");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(StackProvider.choose(settings)).isInstanceOf(ProcessStackProvider.class);
    }

    @Test
    void aNegativeCassandraNodeCountIsAClearError() {
        assertThat(LocalStackSettings.from(Map.of("home", "/tmp", "cassandra-nodes", "0")::get).cassandraNodes()).isZero();
        assertThatThrownBy(() -> LocalStackSettings.from(Map.of("home", "/tmp", "cassandra-nodes", "-1")::get))
                .isInstanceOf(LocalStackException.class).hasMessageContaining("'cassandra-nodes' is 0 (Kafka only)");
    }

    @Test
    void aPortThatIsNotANumberIsAClearError() {
        assertThatThrownBy(() -> LocalStackSettings.from(Map.of("home", "/tmp", "kafka-port", "ninety")::get))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("not a number: 'ninety'");
    }

    @Test
    void dockerForcedWithoutAnEngineIsRefusedWithAWayOut() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of("home", "/tmp", "provider", "docker")::get);
        org.junit.jupiter.api.Assumptions.assumeFalse(DockerProbe.dockerAvailable(), "a Docker engine answers here");

        assertThatThrownBy(() -> StackProvider.choose(settings))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("-Dlocal-stack.provider=process");
    }
}
