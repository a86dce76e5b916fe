package io.hrloop.common.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint reached without login whose path carries a secret (a survey token): each client address may
 * call such endpoints {@code hrloop.limits.survey-tokens-per-client} times per period, so that guessing
 * tokens is slowed down. The load profile does not lift it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ClientLimited {
}
