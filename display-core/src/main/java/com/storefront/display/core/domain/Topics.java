package com.storefront.display.core.domain;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.topics.*}: the Kafka topics of the domains in one environment. Each name is the
 * contract's ({@link Domain#contractTopic()}, e.g. {@code stock-events}) behind {@code prefix}, empty by
 * default, so that two environments on one Kafka cluster (tests, benchmarks and the demo on one machine;
 * staging and production) never read each other's events. Every app of one environment uses the same prefix.
 */
@ConfigurationProperties("display.topics")
public final class Topics {

    /** The contract's names, without a prefix. */
    public static final Topics CONTRACT = new Topics("");

    private final String prefix;
    /** Each domain's topic by ordinal, made once: ingest asks for them on every record. */
    private final String[] names;

    /**
     * @param prefix put before every topic name, e.g. {@code staging.}; letters, digits, {@code .}, {@code _}
     *               and {@code -} only; null is none
     */
    public Topics(@DefaultValue("") String prefix) {
        String given = prefix == null ? "" : prefix;
        if (!given.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("display.topics.prefix may hold only letters, digits, '.', '_' and '-'; got '"
                    + given + "'");
        }
        this.prefix = given;
        this.names = Arrays.stream(Domain.values()).map(domain -> domain.hasEvents() ? given + domain.contractTopic() : null)
                .toArray(String[]::new);
    }

    public String prefix() {
        return prefix;
    }

    /**
     * The topic the domain's events are on, e.g. {@code staging.stock-events}.
     *
     * @throws IllegalStateException for a domain without events
     */
    public String of(Domain domain) {
        String name = names[domain.ordinal()];
        if (name == null) {
            domain.contractTopic();
        }
        return name;
    }

    /** The dead-letter topic of the domain's poison records. */
    public String deadLetterOf(Domain domain) {
        return deadLetterOf(of(domain));
    }

    /** The dead-letter topic of a topic's poison records: its name with {@code -dlt}. */
    public static String deadLetterOf(String topic) {
        return topic + "-dlt";
    }

    /** The domain whose events are on this topic, or null when the topic is none of this environment's. */
    public Domain domainOf(String topic) {
        for (Domain domain : Domain.evented()) {
            if (names[domain.ordinal()].equals(topic)) {
                return domain;
            }
        }
        return null;
    }

    /** Every evented domain's topic, in {@link Domain} order. */
    public List<String> all() {
        return Domain.evented().stream().map(this::of).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Topics topics && topics.prefix.equals(prefix);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode();
    }

    @Override
    public String toString() {
        return "Topics[prefix=" + prefix + "]";
    }
}
