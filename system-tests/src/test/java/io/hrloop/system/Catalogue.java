package io.hrloop.system;

import static io.restassured.RestAssured.given;

import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;

/** Creates a calendar and a request type through request-service's API, as an hr-admin would. */
final class Catalogue {

    private Catalogue() {
    }

    static void ensureRequestType(String baseUrl, String key, String team, double samplingRate) {
        ensureRequestType(baseUrl, key, team, samplingRate, "payroll", false);
    }

    /** A request type of {@code category}; a confidential one (employee relations) is seen by er-specialists only. */
    static void ensureRequestType(String baseUrl, String key, String team, double samplingRate, String category,
            boolean confidential) {
        String admin = Tokens.of("admin-system", null, "hr-admin");
        if (given().baseUri(baseUrl).auth().oauth2(admin).get("/api/v1/calendars/system-week").statusCode() != 200) {
            given().baseUri(baseUrl).auth().oauth2(admin).contentType(ContentType.JSON).body("""
                    {"key":"system-week","name":"Every day, all day","zone":"UTC",
                     "workingHours":{"MONDAY":[{"start":"00:00","end":"23:59"}],"TUESDAY":[{"start":"00:00","end":"23:59"}],
                       "WEDNESDAY":[{"start":"00:00","end":"23:59"}],"THURSDAY":[{"start":"00:00","end":"23:59"}],
                       "FRIDAY":[{"start":"00:00","end":"23:59"}],"SATURDAY":[{"start":"00:00","end":"23:59"}],
                       "SUNDAY":[{"start":"00:00","end":"23:59"}]},
                     "holidays":[]}""")
                    .post("/api/v1/calendars").then().statusCode(201);
        }
        if (given().baseUri(baseUrl).auth().oauth2(admin).get("/api/v1/request-types/" + key).statusCode() != 200) {
            given().baseUri(baseUrl).auth().oauth2(admin).contentType(ContentType.JSON).body("""
                    {"key":"%s","name":"%s","category":"%s","defaultPriority":"NORMAL","team":"%s",
                     "confidential":%s,"calendar":"system-week",
                     "targets":{"LOW":{"firstResponseMinutes":600,"resolutionMinutes":6000},
                                "NORMAL":{"firstResponseMinutes":600,"resolutionMinutes":6000},
                                "HIGH":{"firstResponseMinutes":600,"resolutionMinutes":6000},
                                "URGENT":{"firstResponseMinutes":600,"resolutionMinutes":6000}},
                     "surveySamplingRate":%s}""".formatted(key, key, category, team, confidential, samplingRate))
                    .post("/api/v1/request-types").then().statusCode(201);
        }
    }
}
