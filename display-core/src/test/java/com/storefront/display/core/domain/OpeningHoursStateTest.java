package com.storefront.display.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.OpeningHoursState.Interval;
import com.storefront.display.core.domain.OpeningHoursState.Weekday;
import com.storefront.display.core.projection.Samples;
import com.storefront.display.core.projection.hours.OpeningHoursProjection;

class OpeningHoursStateTest {

    /** Seoul: weekdays 09:00-21:00, Saturday 18:00-02:00, Sunday closed, closed on 2026-12-25 (a Friday). */
    private static final OpeningHoursState SEOUL = Samples.openingHours();

    @Test
    void openInsideAnIntervalAndClosedAtItsEnd() {
        // Wednesday 2026-12-02
        assertThat(SEOUL.openAt(at("2026-12-02T08:59", "Asia/Seoul"))).isFalse();
        assertThat(SEOUL.openAt(at("2026-12-02T09:00", "Asia/Seoul"))).isTrue();
        assertThat(SEOUL.openAt(at("2026-12-02T20:59", "Asia/Seoul"))).isTrue();
        assertThat(SEOUL.openAt(at("2026-12-02T21:00", "Asia/Seoul"))).isFalse();
    }

    @Test
    void anIntervalCrossingMidnightIsOpenIntoTheNextDay() {
        // Saturday 2026-12-05 18:00 to Sunday 02:00, though Sunday itself is closed
        assertThat(SEOUL.openAt(at("2026-12-05T17:59", "Asia/Seoul"))).isFalse();
        assertThat(SEOUL.openAt(at("2026-12-05T23:30", "Asia/Seoul"))).isTrue();
        assertThat(SEOUL.openAt(at("2026-12-06T01:59", "Asia/Seoul"))).isTrue();
        assertThat(SEOUL.openAt(at("2026-12-06T02:00", "Asia/Seoul"))).isFalse();
        assertThat(SEOUL.openAt(at("2026-12-06T12:00", "Asia/Seoul"))).isFalse();
    }

    @Test
    void aClosedDateClosesAnOtherwiseOpenWeekday() {
        assertThat(SEOUL.openAt(at("2026-12-25T12:00", "Asia/Seoul"))).isFalse();
        assertThat(SEOUL.openAt(at("2026-12-24T12:00", "Asia/Seoul"))).isTrue();
    }

    @Test
    void theShopsOwnTimeZoneDecidesNotTheCallers() {
        Instant noonInSeoul = at("2026-12-02T12:00", "Asia/Seoul");
        OpeningHoursState berlin = new OpeningHoursState(SEOUL.weekly(), "Europe/Berlin", List.of());

        assertThat(SEOUL.openAt(noonInSeoul)).isTrue();
        // 04:00 in Berlin
        assertThat(berlin.openAt(noonInSeoul)).isFalse();
        assertThat(berlin.openAt(at("2026-12-02T12:00", "Europe/Berlin"))).isTrue();
    }

    @Test
    void aClosedDateClosesTheIntervalsOpeningOnItButNotYesterdaysLateOne() {
        Map<Weekday, List<Interval>> late = new EnumMap<>(Weekday.class);
        for (Weekday day : Weekday.values()) {
            late.put(day, List.of(Interval.of("18:00", "02:00")));
        }
        OpeningHoursState bar = new OpeningHoursState(late, "Asia/Seoul", List.of(LocalDate.parse("2026-12-25")));

        assertThat(bar.openAt(at("2026-12-25T01:00", "Asia/Seoul"))).as("opened on the 24th").isTrue();
        assertThat(bar.openAt(at("2026-12-25T19:00", "Asia/Seoul"))).isFalse();
        assertThat(bar.openAt(at("2026-12-26T01:00", "Asia/Seoul"))).as("the 25th's interval never opened").isFalse();
    }

    @Test
    void theProjectionsTextIsCanonicalAndReadsBackEqual() {
        Map<Weekday, List<Interval>> shuffled = new EnumMap<>(Weekday.class);
        SEOUL.weekly().forEach((day, intervals) -> shuffled.put(day, intervals));
        shuffled.put(Weekday.WED, List.of(Interval.of("13:00", "19:00"), Interval.of("09:00", "12:00")));
        OpeningHoursState a = new OpeningHoursState(shuffled, "Asia/Seoul",
                List.of(LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-25")));
        OpeningHoursState b = OpeningHoursProjection.parse(OpeningHoursProjection.json(a));

        assertThat(b).isEqualTo(a);
        assertThat(OpeningHoursProjection.json(b)).isEqualTo(OpeningHoursProjection.json(a))
                .startsWith("{\"weekly\":{\"MON\":[{\"open\":\"09:00\",\"close\":\"21:00\"}]")
                .contains("\"WED\":[{\"open\":\"09:00\",\"close\":\"12:00\"},{\"open\":\"13:00\",\"close\":\"19:00\"}]")
                .endsWith("\"timeZone\":\"Asia/Seoul\",\"closedDates\":[\"2026-12-25\",\"2026-12-31\"]}");
    }

    @Test
    void anInvalidStateIsRefusedNamingWhatIsWrong() {
        Map<Weekday, List<Interval>> sixDays = new EnumMap<>(SEOUL.weekly());
        sixDays.remove(Weekday.SUN);

        assertThatThrownBy(() -> new OpeningHoursState(SEOUL.weekly(), "Mars/Olympus", List.of()))
                .hasMessageContaining("IANA");
        assertThatThrownBy(() -> new OpeningHoursState(sixDays, "Asia/Seoul", List.of())).hasMessageContaining("SUN");
        assertThatThrownBy(() -> Interval.of("09:00", "09:00")).hasMessageContaining("same time");
        assertThatThrownBy(() -> new OpeningHoursState(SEOUL.weekly(), "Asia/Seoul",
                List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-25")))).hasMessageContaining("repeats");
    }

    private static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }
}
