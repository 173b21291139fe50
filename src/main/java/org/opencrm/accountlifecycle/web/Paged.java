package org.opencrm.accountlifecycle.web;

import java.util.List;

/**
 * One page of a list answered by the API.
 *
 * @param total how many items the whole list holds
 * @param page the page number, from 0
 * @param size the page size asked for
 */
public record Paged<T>(long total, int page, int size, List<T> items) {}
