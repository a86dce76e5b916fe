package io.hrloop.common.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that creates feedback, signed or anonymous: counted per person by {@link UnlinkableCounter}
 * ({@code hrloop.limits.feedback-per-person} per period) instead of by the general write limit, whose
 * state would keep the time of the person's last call.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FeedbackLimited {
}
