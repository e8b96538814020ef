package com.storefront.display.simulator.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.storefront.display.simulator.truth.ChangesNotKeptException;

/** A bad request (a value out of range, a bad fault setting) is a 400 problem that says what is wrong; a 410 for changes not kept. */
@RestControllerAdvice
class BadRequestAdvice {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** An incremental export from before what the source keeps is a 410: only a bulk load can catch up. */
    @ExceptionHandler(ChangesNotKeptException.class)
    ProblemDetail gone(ChangesNotKeptException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
    }
}
