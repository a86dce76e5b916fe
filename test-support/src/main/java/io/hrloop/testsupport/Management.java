package io.hrloop.testsupport;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The management interface of the application under test (health and metrics have a port of their own, not
 * the API's): {@code Management.given().get("/q/metrics")}.
 */
public final class Management {

    private Management() {
    }

    /** The management interface's base URI (scheme, host and port). */
    public static String baseUri() {
        String uri = TestHTTPResourceManager.getManagementUri();
        int path = uri.indexOf('/', uri.indexOf("//") + 2);
        return path < 0 ? uri : uri.substring(0, path);
    }

    public static RequestSpecification given() {
        return RestAssured.given().baseUri(baseUri()).port(-1);
    }

    /** The value of a metric as Prometheus scrapes it, summed over its labels; 0 when it is not exported. */
    public static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
