package org.opencrm.accountlifecycle.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * The paging parameters of every list, {@code ?page=0&size=50}, bound with {@code @Valid PageQuery} so that an
 * out-of-range value is answered like any other invalid field.
 *
 * @param page the page number, from 0
 * @param size how many items a page holds, 1 to 500
 */
public record PageQuery(
        @Min(0) Integer page, @Min(1) @Max(500) Integer size) {

    private static final int DEFAULT_SIZE = 50;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    /** How many items come before this page; a long, as page times size may exceed an int. */
    public long offset() {
        return (long) page * size;
    }

    public <T> Paged<T> answer(long total, List<T> items) {
        return new Paged<>(total, page, size, items);
    }
}
