package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Ascending ids written as runs ({@code 3,7-9,12}): the orphan shops a partition carries in its
 * execution context are often contiguous (a whole range of foreign shops), so this stays short.
 */
final class IdRuns {

    private IdRuns() {
    }

    /** @param ids ascending, no duplicates */
    static String format(long[] ids) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < ids.length) {
            int j = i;
            while (j + 1 < ids.length && ids[j + 1] == ids[j] + 1) {
                j++;
            }
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(ids[i]);
            if (j > i) {
                text.append('-').append(ids[j]);
            }
            i = j + 1;
        }
        return text.toString();
    }

    static long[] parse(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new long[0];
        }
        for (String run : text.split(",")) {
            int dash = run.indexOf('-');
            if (dash < 0) {
                ids.add(Long.parseLong(run));
            } else {
                long last = Long.parseLong(run.substring(dash + 1));
                for (long id = Long.parseLong(run.substring(0, dash)); id <= last; id++) {
                    ids.add(id);
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
