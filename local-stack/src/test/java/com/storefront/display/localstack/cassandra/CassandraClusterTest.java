package com.storefront.display.localstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.ProcessStackProvider;
import com.storefront.display.localstack.StackProvider;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cluster's layout without starting it; ClusterFaultsIT (platform-scenario) kills and restarts a real one. */
class CassandraClusterTest {

    private static final LocalStackSettings THREE_NODES = LocalStackSettings.from(
            Map.of("home", "/tmp/stack", "cassandra-nodes", "3")::get);

    @Test
    void threeNodesOnConsecutiveLoopbackAddressesWithTheStackPorts() {
        CassandraCluster cluster = CassandraCluster.of(THREE_NODES, 3);

        assertThat(cluster.contactPointList()).isEqualTo("127.0.0.1:9042,127.0.0.2:9042,127.0.0.3:9042");
        assertThat(THREE_NODES.endpoints().cassandraContactPoints()).isEqualTo(cluster.contactPointList());
        assertThat(THREE_NODES.endpoints().asSpringProperties())
                .containsEntry("spring.cassandra.contact-points", "127.0.0.1:9042,127.0.0.2:9042,127.0.0.3:9042");
    }

    @Test
    void tokensAreEvenlySpacedOverTheMurmur3Range() {
        BigInteger first = new BigInteger(CassandraCluster.token(0, 3));
        BigInteger second = new BigInteger(CassandraCluster.token(1, 3));
        BigInteger third = new BigInteger(CassandraCluster.token(2, 3));

        assertThat(first).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
        assertThat(second.subtract(first)).isEqualTo(third.subtract(second));
        assertThat(third).isLessThan(BigInteger.valueOf(Long.MAX_VALUE));
    }

    @Test
    void replicationIsNetworkTopologyInTheOneDatacenter() {
        assertThat(CassandraCluster.replication(3)).isEqualTo("{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");
    }

    @Test
    void aClusterRunsAsProcessesOnlyAndHasOneToNineNodes() {
        LocalStackSettings docker = LocalStackSettings.from(Map.of("home", "/tmp/stack", "cassandra-nodes", "3",
                "provider", "docker")::get);

        assertThatThrownBy(() -> StackProvider.choose(docker)).hasMessageContaining("runs as processes only");
        assertThat(StackProvider.choose(THREE_NODES)).isInstanceOf(ProcessStackProvider.class);
        assertThatThrownBy(() -> CassandraCluster.of(THREE_NODES, 10)).hasMessageContaining("1 to 9 nodes");
        assertThatThrownBy(() -> CassandraCluster.of(THREE_NODES, 2).kill(3)).hasMessageContaining("node 3 of a cluster of 2");
    }

    @Test
    void heapSizesAreReadInMebibytes() {
        assertThat(LocalStackSettings.mebibytes("640m")).isEqualTo(640);
        assertThat(LocalStackSettings.mebibytes("1g")).isEqualTo(1024);
        assertThat(LocalStackSettings.mebibytes("2097152")).isEqualTo(2);
        assertThatThrownBy(() -> LocalStackSettings.mebibytes("lots")).hasMessageContaining("not a heap size");
    }
}
