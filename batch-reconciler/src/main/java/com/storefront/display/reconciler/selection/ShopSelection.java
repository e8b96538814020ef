package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code shops} job parameter: {@code all}, a list of ids ({@code 3,17,42}) or an inclusive range
 * ({@code 100-199}).
 */
public sealed interface ShopSelection {

    String PARAMETER = "shops";

    /** The most ids a list may name; larger sets are ranges. */
    int MAX_IDS = 10_000;

    record All() implements ShopSelection {
    }

    record Ids(List<Long> ids) implements ShopSelection {
        public Ids {
            ids = List.copyOf(new TreeSet<>(ids));
        }
    }

    record Range(long from, long to) implements ShopSelection {
    }

    /**
     * @param value null or blank means all
     * @throws IllegalArgumentException saying what is wrong: not a number, not positive, an empty range
     */
    static ShopSelection parse(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return new All();
        }
        String text = value.trim();
        int dash = text.indexOf('-');
        if (dash > 0) {
            long from = id(text.substring(0, dash));
            long to = id(text.substring(dash + 1));
            if (from > to) {
                throw new IllegalArgumentException("shops range " + text + " is empty: " + from + " > " + to);
            }
            return new Range(from, to);
        }
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            ids.add(id(part));
        }
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("shops lists " + ids.size() + " ids, at most " + MAX_IDS
                    + " are allowed: use a range");
        }
        return new Ids(ids);
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id < 1) {
                throw new IllegalArgumentException("shop ids are positive integers, got " + id);
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shops must be 'all', ids like '3,17,42' or a range like '100-199'; got '"
                    + text.trim() + "'");
        }
    }
}
