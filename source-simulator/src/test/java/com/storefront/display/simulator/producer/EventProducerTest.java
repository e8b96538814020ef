package com.storefront.display.simulator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.event.PoisonRecordException;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.fault.Faults;

class EventProducerTest {

    static final int CHANGES = 20_000;

    final RecordingSink sink = new RecordingSink();
    final Simulator simulator = new Simulator(SimulatorProperties.of(42, 200, 20_000), sink, new SimulatorStats());

    @Test
    void withoutFaultsEveryChangeIsPublishedOnceAndTheLastEventOfEachEntityIsTheTruth() {
        simulator.producer().update(simulator.producer().settings().withRate(0));
        simulator.producer().produce(CHANGES);

        List<DomainEvent> events = decoded();
        assertThat(events).hasSize(CHANGES);
        assertThat(sink.flushes).isEqualTo(1);
        Map<String, DomainEvent> last = new HashMap<>();
        events.forEach(e -> last.put(e.type().domain() + "/" + e.entityId(), e));
        for (DomainEvent event : last.values()) {
            Domain domain = event.type().domain();
            if ((domain == Domain.STOCK || domain == Domain.PRICE) && !simulator.truth().exists(Domain.PRODUCT, event.entityId())) {
                continue; // its product was deleted later: the source no longer has it
            }
            SourceItem truth = simulator.truth().find(domain, event.entityId()).orElse(null);
            if (event.type().kind() == EventType.Kind.DELETE) {
                assertThat(truth).as("deleted " + domain + " " + event.entityId()).isNull();
            } else {
                assertThat(truth.version()).isEqualTo(event.version());
                assertThat(truth.state()).isEqualTo(event.payload());
            }
        }
    }

    @Test
    void aBoundedRunAfterASteadyStreamStoppedMakesEveryChangeItWasAskedFor() {
        simulator.producer().update(simulator.producer().settings().withRate(1_000));
        simulator.producer().start();
        simulator.producer().stop();
        long before = simulator.stats().snapshot().changes();
        simulator.producer().update(simulator.producer().settings().withRate(0));

        simulator.producer().produce(500);

        assertThat(simulator.stats().snapshot().changes() - before).isEqualTo(500);
    }

    @Test
    void theStreamIsStockHeavyAndKeyedByShop() {
        simulator.producer().update(simulator.producer().settings().withRate(0)
                .withMix(DomainMix.STORE.with(Domain.OPENING_HOURS, 1)));
        simulator.producer().produce(CHANGES);

        Map<Domain, Long> perDomain = new HashMap<>();
        sink.sent.forEach(e -> perDomain.merge(e.domain(), 1L, Long::sum));
        assertThat(perDomain.get(Domain.STOCK) / (double) CHANGES).isCloseTo(0.55, within(0.02));
        assertThat(perDomain.get(Domain.PRODUCT) / (double) CHANGES).isCloseTo(0.15, within(0.02));
        assertThat(perDomain.keySet()).containsExactlyInAnyOrderElementsOf(Domain.evented());
        // opening hours change at their source only (weight 1 of 101): no event tells those changes
        long sourceOnly = simulator.stats().sourceOnly.get();
        assertThat(sourceOnly / (double) CHANGES).isCloseTo(0.01, within(0.005));
        assertThat(perDomain.values().stream().mapToLong(Long::longValue).sum() + sourceOnly).isGreaterThanOrEqualTo(CHANGES);
        assertThat(decoded()).allSatisfy(e -> assertThat(e.key()).isEqualTo(Long.toString(e.shopId())));
    }

    @Test
    void thinAndV2ProductEventsFollowTheirShares() {
        simulator.producer().update(new ProducerSettings(0, DomainMix.only(Domain.PRODUCT), 0.5, 1.0, 0));
        simulator.producer().produce(4_000);

        List<DomainEvent> events = decoded().stream().filter(e -> e.type().domain() == Domain.PRODUCT).toList();
        long thin = events.stream().filter(e -> e.type() == EventType.PRODUCT_CHANGED).count();
        assertThat(thin / (double) events.size()).isCloseTo(0.5, within(0.05));
        assertThat(events).filteredOn(e -> e.type() == EventType.PRODUCT_UPSERTED)
                .allSatisfy(e -> assertThat(e.schemaVersion()).isEqualTo(2));
    }

    @Test
    void aCreatedProductIsFollowedByItsStockAndPriceWithNewerVersions() {
        simulator.producer().update(new ProducerSettings(0, DomainMix.only(Domain.PRODUCT), 0, 0, 0));
        simulator.producer().produce(3_000);

        List<DomainEvent> events = decoded();
        int created = 0;
        for (int i = 0; i + 2 < events.size(); i++) {
            DomainEvent product = events.get(i);
            if (product.type() == EventType.PRODUCT_UPSERTED && events.get(i + 1).type() == EventType.STOCK_CHANGED) {
                created++;
                assertThat(events.get(i + 1).entityId()).isEqualTo(product.entityId());
                assertThat(events.get(i + 2).type()).isEqualTo(EventType.PRICE_CHANGED);
                assertThat(events.get(i + 2).entityId()).isEqualTo(product.entityId());
                assertThat(events.get(i + 1).version()).isGreaterThan(product.version());
            }
        }
        assertThat(created).isPositive();
    }

    @Test
    void droppedEventsStillChangedTheSource() {
        faults(new EventFaults(10, 0, 0, 0, 0, 0, 0));

        simulator.producer().produce(CHANGES);

        SimulatorStats.Snapshot stats = simulator.stats().snapshot();
        assertThat(stats.dropped() / (double) CHANGES).isCloseTo(0.10, within(0.01));
        assertThat(sink.sent).hasSize((int) (CHANGES - stats.dropped()));
        assertThat(stats.changes()).isEqualTo(CHANGES);
        assertThat(stats.sent()).isEqualTo(sink.sent.size());
    }

    @Test
    void duplicatesRepeatTheSameEvent() {
        faults(new EventFaults(0, 5, 0, 0, 0, 0, 0));

        simulator.producer().produce(CHANGES);

        long duplicated = simulator.stats().snapshot().duplicated();
        Set<UUID> ids = new HashSet<>();
        long repeats = decoded().stream().filter(e -> !ids.add(e.eventId())).count();
        assertThat(duplicated / (double) CHANGES).isCloseTo(0.05, within(0.01));
        assertThat(repeats).isEqualTo(duplicated);
        assertThat(sink.sent).hasSize((int) (CHANGES + duplicated));
    }

    @Test
    void malformedAndUnknownTypeEventsArePoisonAndCounted() {
        faults(new EventFaults(0, 0, 0, 0, 0, 2, 3));

        simulator.producer().produce(CHANGES);

        long malformed = 0;
        long unknown = 0;
        for (OutgoingEvent event : sink.sent) {
            try {
                EventCodec.decode(event.value());
            } catch (PoisonRecordException e) {
                if (e.getMessage().startsWith("not valid JSON")) {
                    malformed++;
                } else if (e.getMessage().startsWith("unknown event type")) {
                    unknown++;
                }
            }
        }
        SimulatorStats.Snapshot stats = simulator.stats().snapshot();
        assertThat(malformed).isEqualTo(stats.malformed()).isPositive();
        assertThat(unknown).isEqualTo(stats.unknownType()).isPositive();
        assertThat(malformed / (double) CHANGES).isCloseTo(0.02, within(0.005));
        assertThat(sink.sent).hasSize(CHANGES);
    }

    @Test
    void reorderingShufflesWithinTheWindowAndLosesNothing() {
        faults(new EventFaults(0, 0, 16, 0, 0, 0, 0));

        simulator.producer().produce(CHANGES);

        List<Long> order = sink.sent.stream().map(OutgoingEvent::change).toList();
        assertThat(order).hasSize(CHANGES).doesNotHaveDuplicates().isNotEqualTo(order.stream().sorted().toList());
        long maxDisplacement = 0;
        for (int i = 0; i < order.size(); i++) {
            maxDisplacement = Math.max(maxDisplacement, i + 1 - order.get(i));
        }
        assertThat(maxDisplacement).as("an event leaves at most a window after its successors").isLessThan(16);
        assertThat(simulator.stats().snapshot().reordered()).isPositive();
    }

    @Test
    void delayedEventsAreOvertakenAndStillArrive() {
        simulator.producer().update(simulator.producer().settings().withRate(2_000));
        faults(new EventFaults(0, 0, 0, 10, 200, 0, 0));

        simulator.producer().produce(2_000);

        List<Long> order = sink.sent.stream().map(OutgoingEvent::change).toList();
        long delayed = simulator.stats().snapshot().delayed();
        long overtaken = 0;
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                overtaken++;
            }
        }
        assertThat(order).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(delayed / 2_000.0).isCloseTo(0.10, within(0.03));
        assertThat(overtaken).isPositive().isLessThanOrEqualTo(delayed);
    }

    @Test
    void twoSimulatorsWithOneSeedMakeTheSameChanges() {
        RecordingSink otherSink = new RecordingSink();
        Simulator other = new Simulator(SimulatorProperties.of(42, 200, 20_000), otherSink, new SimulatorStats());

        simulator.producer().update(simulator.producer().settings().withRate(0));
        other.producer().update(other.producer().settings().withRate(0));
        simulator.producer().produce(5_000);
        other.producer().produce(5_000);

        List<String> mine = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            DomainEvent a = EventCodec.decode(sink.sent.get(i).value());
            DomainEvent b = EventCodec.decode(otherSink.sent.get(i).value());
            mine.add(a.type() + " " + a.entityId() + " " + a.payload());
            theirs.add(b.type() + " " + b.entityId() + " " + b.payload());
        }
        assertThat(theirs).isEqualTo(mine);
        for (long shop = 1; shop <= 200; shop++) {
            assertThat(other.truth().listShop(Domain.PRODUCT, shop).stream().map(SourceItem::state).toList())
                    .isEqualTo(simulator.truth().listShop(Domain.PRODUCT, shop).stream().map(SourceItem::state).toList());
        }
    }

    @Test
    void aBoundedRunIsRefusedWhileTheStreamRuns() {
        simulator.producer().start();
        try {
            assertThatThrownBy(() -> simulator.producer().produce(1)).isInstanceOf(IllegalStateException.class);
        } finally {
            simulator.producer().stop();
        }
        assertThat(simulator.producer().streaming()).isFalse();
        assertThat(sink.sent).hasSize((int) simulator.stats().snapshot().sent());
    }

    private void faults(EventFaults events) {
        simulator.faults().set(new Faults(events, null));
        simulator.producer().update(simulator.producer().settings().withRate(0));
    }

    private List<DomainEvent> decoded() {
        return sink.sent.stream().map(e -> EventCodec.decode(e.value())).toList();
    }
}
