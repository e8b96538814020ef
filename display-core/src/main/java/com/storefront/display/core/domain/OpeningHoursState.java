package com.storefront.display.core.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Opening-hours domain: {@code /source/opening-hours} item (id = shop id). No topic: its changes reach the
 * read model through the source API only (bulk load, reconcile, incremental sync).
 *
 * <p>An interval belongs to the day it opens, in the shop's local time. One whose {@code close} is not
 * after its {@code open} crosses midnight (e.g. 18:00 to 02:00, or 09:00 to 00:00 for "until midnight").
 * A closed date closes the intervals that open on it, their part after midnight too; an interval that
 * opened the day before stays open into a closed date until it closes.
 *
 * @param weekly      per weekday its intervals, every weekday present (an empty list: closed all day)
 * @param timeZone    the shop's IANA time zone, e.g. {@code Asia/Seoul}
 * @param closedDates dates the shop is closed whatever its weekday says, ascending, without repeats
 */
public record OpeningHoursState(Map<Weekday, List<Interval>> weekly, String timeZone, List<LocalDate> closedDates)
        implements DomainState {

    /** The contract's weekday keys, Monday first. */
    public enum Weekday {
        MON, TUE, WED, THU, FRI, SAT, SUN;

        public static Weekday of(DayOfWeek day) {
            return values()[day.ordinal()];
        }
    }

    /** One opening, local times to the minute: {@code {"open": "09:00", "close": "21:00"}}. */
    public record Interval(@JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm") LocalTime open,
                           @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm") LocalTime close) {

        public Interval {
            DomainState.require(open, "open");
            DomainState.require(close, "close");
            if (open.getSecond() != 0 || open.getNano() != 0 || close.getSecond() != 0 || close.getNano() != 0) {
                throw new IllegalArgumentException("opening times are whole minutes, got " + open + "-" + close);
            }
            if (open.equals(close)) {
                throw new IllegalArgumentException("an interval cannot open and close at the same time (" + open
                        + "); an empty day is closed all day");
            }
        }

        public static Interval of(String open, String close) {
            return new Interval(LocalTime.parse(open), LocalTime.parse(close));
        }

        /** Closes after midnight, on the next day. */
        public boolean crossesMidnight() {
            return !close.isAfter(open);
        }
    }

    public OpeningHoursState {
        DomainState.require(weekly, "weekly");
        DomainState.require(timeZone, "timeZone");
        DomainState.require(closedDates, "closedDates");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone must be an IANA zone id such as Asia/Seoul, was '" + timeZone + "'");
        }
        Map<Weekday, List<Interval>> days = new EnumMap<>(Weekday.class);
        for (Weekday day : Weekday.values()) {
            List<Interval> intervals = weekly.get(day);
            if (intervals == null) {
                throw new IllegalArgumentException("weekly lacks " + day + " (an empty list closes the day)");
            }
            List<Interval> sorted = new ArrayList<>(intervals);
            sorted.sort((a, b) -> a.open().compareTo(b.open()));
            days.put(day, List.copyOf(sorted));
        }
        weekly = Collections.unmodifiableMap(days);
        TreeSet<LocalDate> dates = new TreeSet<>(closedDates);
        if (dates.size() != closedDates.size()) {
            throw new IllegalArgumentException("closedDates repeats a date: " + closedDates);
        }
        closedDates = List.copyOf(dates);
    }

    /** Whether the shop is open at {@code now}, in its own time zone. */
    public boolean openAt(Instant now) {
        ZonedDateTime local = now.atZone(ZoneId.of(timeZone));
        LocalDate today = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!closedDates.contains(today)) {
            for (Interval interval : weekly.get(Weekday.of(today.getDayOfWeek()))) {
                if (!time.isBefore(interval.open()) && (interval.crossesMidnight() || time.isBefore(interval.close()))) {
                    return true;
                }
            }
        }
        LocalDate yesterday = today.minusDays(1);
        if (!closedDates.contains(yesterday)) {
            for (Interval interval : weekly.get(Weekday.of(yesterday.getDayOfWeek()))) {
                if (interval.crossesMidnight() && time.isBefore(interval.close())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Domain domain() {
        return Domain.OPENING_HOURS;
    }
}
