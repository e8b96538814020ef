package com.storefront.display.migrations.cql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

class MigrationConsistencyTest {

    private static final Map<String, String> ONE_REPLICA = Map.of("class", "org.apache.cassandra.locator.SimpleStrategy",
            "replication_factor", "1");
    private static final Map<String, String> THREE_IN_DC1 = Map.of("class",
            "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "3");

    @Test
    void everyLevelSeesItselfOnASingleReplica() {
        for (DefaultConsistencyLevel level : new DefaultConsistencyLevel[] {DefaultConsistencyLevel.ONE,
                DefaultConsistencyLevel.LOCAL_ONE, DefaultConsistencyLevel.LOCAL_QUORUM, DefaultConsistencyLevel.ALL}) {
            assertThatCode(() -> MigrationConsistency.require(level, ONE_REPLICA, "k")).doesNotThrowAnyException();
        }
    }

    @Test
    void quorumsAndAllSeeThemselvesAtReplicationThree() {
        for (DefaultConsistencyLevel level : new DefaultConsistencyLevel[] {DefaultConsistencyLevel.QUORUM,
                DefaultConsistencyLevel.LOCAL_QUORUM, DefaultConsistencyLevel.ALL}) {
            assertThatCode(() -> MigrationConsistency.require(level, THREE_IN_DC1, "k")).doesNotThrowAnyException();
        }
    }

    @Test
    void oneReplicaOfThreeIsRefusedWithWhatWouldDo() {
        assertThatThrownBy(() -> MigrationConsistency.require(DefaultConsistencyLevel.LOCAL_ONE, THREE_IN_DC1, "display"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuse consistency LOCAL_ONE on keyspace display")
                .hasMessageContaining("1 of 3 replicas")
                .hasMessageContaining("use LOCAL_QUORUM (display.cassandra.migrations.consistency)");
    }

    @Test
    void aLocalQuorumMustHoldInEveryDatacenterAndTwoOfFourDoNot() {
        Map<String, String> twoDatacenters = Map.of("class", "NetworkTopologyStrategy", "dc1", "3", "dc2", "1");
        assertThatCode(() -> MigrationConsistency.require(DefaultConsistencyLevel.LOCAL_QUORUM, twoDatacenters, "k"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MigrationConsistency.require(DefaultConsistencyLevel.TWO, twoDatacenters, "k"))
                .hasMessageContaining("2 of 4 replicas");
    }

    @Test
    void serialLevelsAreNotLevelsForTheHistory() {
        assertThatThrownBy(() -> MigrationConsistency.require(DefaultConsistencyLevel.LOCAL_SERIAL, ONE_REPLICA, "k"))
                .hasMessageContaining("cannot run at consistency LOCAL_SERIAL");
    }
}
