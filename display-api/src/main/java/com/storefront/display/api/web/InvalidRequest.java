package com.storefront.display.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the API cannot answer as sent (bad id, size or cursor): a 400 problem naming what is wrong. */
public class InvalidRequest extends ErrorResponseException {

    public InvalidRequest(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }

    /**
     * The value of an id in the path: a positive integer.
     *
     * @throws InvalidRequest when it is not one
     */
    public static long positiveId(String name, String value) {
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequest(name + " must be a positive integer, was '" + value + "'");
        }
        if (id <= 0) {
            throw new InvalidRequest(name + " must be a positive integer, was " + id);
        }
        return id;
    }
}
