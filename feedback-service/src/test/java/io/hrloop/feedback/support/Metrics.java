package io.hrloop.feedback.support;

import io.hrloop.testsupport.Management;

/** Reads the service's Prometheus metrics as a scraper would (on the management interface). */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of every series of {@code name} (all label values), 0 when there is none yet. */
    public static double sum(String name) {
        String text = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
