package com.storefront.display.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A shop or product that is unknown, deleted or not displayable: a 404 problem. */
public class NotDisplayed extends ErrorResponseException {

    public NotDisplayed(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }

    public static NotDisplayed shop(long shopId) {
        return new NotDisplayed("shop " + shopId + " does not exist");
    }

    public static NotDisplayed product(long shopId, long productId) {
        return new NotDisplayed("product " + productId + " of shop " + shopId + " is not displayed");
    }
}
