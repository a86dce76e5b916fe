package io.hrloop.request.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Request-type categories of PRODUCT.md, written in lower case on the wire and in events. */
public enum Category {
    PAYROLL("payroll"), LEAVE("leave"), BENEFITS("benefits"), POLICY("policy"), RECRUITMENT("recruitment"),
    ONBOARDING("onboarding"), EMPLOYEE_RELATIONS("employee-relations"), LEARNING("learning"), OTHER("other");

    public static final List<String> WIRE_VALUES = Arrays.stream(values()).map(Category::wire).toList();

    private final String wire;

    Category(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Category> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
    }
}
