package com.storefront.display.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void withoutAPrefixTheNamesAreTheContracts() {
        assertThat(Topics.CONTRACT.all()).containsExactly("shop-events", "product-events", "stock-events",
                "price-events", "coupon-events", "review-events");
        assertThat(Topics.CONTRACT.deadLetterOf(Domain.STOCK)).isEqualTo("stock-events-dlt");
        assertThat(Topics.CONTRACT.domainOf("review-events")).isEqualTo(Domain.REVIEW);
    }

    @Test
    void aPrefixedEnvironmentOwnsOnlyItsPrefixedTopics() {
        Topics staging = new Topics("staging.");

        assertThat(staging.of(Domain.PRICE)).isEqualTo("staging.price-events");
        assertThat(staging.deadLetterOf(Domain.PRICE)).isEqualTo("staging.price-events-dlt");
        assertThat(staging.domainOf("staging.price-events")).isEqualTo(Domain.PRICE);
        assertThat(staging.domainOf("price-events")).isNull();
        assertThat(staging.domainOf("staging.price-events-dlt")).isNull();
        assertThat(Topics.CONTRACT.domainOf("staging.price-events")).isNull();
    }

    @Test
    void aDomainWithoutEventsHasNoTopic() {
        assertThat(Domain.OPENING_HOURS.hasEvents()).isFalse();
        assertThat(Domain.evented()).doesNotContain(Domain.OPENING_HOURS).hasSize(Domain.values().length - 1);
        assertThat(Topics.CONTRACT.all()).hasSize(Domain.evented().size());
        assertThatThrownBy(() -> Topics.CONTRACT.of(Domain.OPENING_HOURS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opening-hours has no topic");
        assertThat(Domain.ofSourcePath("opening-hours")).isEqualTo(Domain.OPENING_HOURS);
    }

    @Test
    void aPrefixThatKafkaWouldRefuseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new Topics("my env/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("display.topics.prefix");
    }
}
