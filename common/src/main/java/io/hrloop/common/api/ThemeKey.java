package io.hrloop.common.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.hrloop.common.contract.Theme;

/**
 * A theme key of the one taxonomy ({@link Theme}): validated with the other fields of a request body, so an
 * unknown theme is listed among the invalid fields.
 */
@Documented
@Constraint(validatedBy = ThemeKey.Validator.class)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface ThemeKey {

    String message() default "must be a theme of the taxonomy (speed, communication, outcome, respect, process, policy, access, other)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ThemeKey, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Theme.fromKey(value).isPresent();
        }
    }
}
