/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}) with
 * {@code status}, {@code title}, {@code detail} and, for validation, the
 * offending fields in {@code errors[]}. Every failure maps to a precise 4xx;
 * only a fault of Herald's own is a 500, and it is logged.
 */
package org.herald.web.problems;
