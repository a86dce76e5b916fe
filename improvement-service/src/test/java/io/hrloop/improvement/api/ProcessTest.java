package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.items;
import static io.hrloop.improvement.Fixtures.lead;
import static io.hrloop.improvement.Fixtures.totalEvidence;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.improvement.Fixtures;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** PROCESS subjects meet through the managed list: normalised names and aliases; unknown names wait for review. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ProcessTest {

    static String admin() {
        return Tokens.of("hr-admin-1", "payroll", "hr-admin");
    }

    private static String etag(String key) {
        return given().auth().oauth2(hr()).when().get("/api/v1/processes/" + key).then().statusCode(200)
                .extract().header("ETag");
    }

    /** A listed process "Expenses <tag>" (key expenses-<tag>) with the alias "Expense claims <tag>". */
    private static String expenses(String tag) {
        String key = "expenses-" + tag;
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"name\":\"Expenses "
                + tag + "\",\"aliases\":[\"Expense claims " + tag + "\"]}")
                .when().post("/api/v1/processes").then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("REVIEWED"))
                .body("aliases", contains("Expense claims " + tag));
        return key;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).replace('s', 'x');
    }

    @Test
    void namesAndAliasesOfAProcessMeetOnItsKey() {
        String tag = tag();
        String key = expenses(tag);
        feedback("x").aboutProcess("Expense  CLAIMS " + tag).csat(1).themes("speed").send();
        feedback("x").aboutProcess("expenses " + tag.toUpperCase()).csat(1).themes("speed").send();
        List<Map<String, Object>> items = awaitItems(key, l -> totalEvidence(l) == 2);
        assertEquals(1, items.size(), "one area, one gap");
        // an item made by hand with a process name lands there too
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"title\":\"Faster refunds\",\"problem\":"
                + "\"Refunds wait.\",\"process\":\"expense claim " + tag + "\",\"themes\":[\"speed\"]}")
                .when().post("/api/v1/improvements").then().statusCode(201).body("area", equalTo(key));
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"title\":\"Both\",\"problem\":\"p\","
                + "\"area\":\"a\",\"process\":\"b\",\"themes\":[\"speed\"]}")
                .when().post("/api/v1/improvements").then().statusCode(400);
        // a process with items stays
        given().auth().oauth2(admin()).header("If-Match", etag(key)).when().delete("/api/v1/processes/" + key)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnknownNameIsRecordedForReviewAndMappedWithItsItems() {
        String tag = tag();
        String key = expenses(tag);
        feedback("x").aboutProcess("Travel bookings " + tag).csat(1).themes("speed").send();
        String unknown = "travel-booking-" + tag;
        String itemId = (String) awaitItems(unknown, l -> l.size() == 1).getFirst().get("id");
        given().auth().oauth2(hr()).queryParam("status", "UNREVIEWED").queryParam("limit", 200)
                .when().get("/api/v1/processes").then().statusCode(200)
                .body("items.key", hasItem(unknown)).body("items.key", not(hasItem(key)));
        given().auth().oauth2(hr()).when().get("/api/v1/processes/" + unknown).then().statusCode(200)
                .body("status", equalTo("UNREVIEWED")).body("name", equalTo("Travel bookings " + tag));

        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", etag(unknown))
                .body("{\"into\":\"" + key + "\"}").when().post("/api/v1/processes/" + unknown + "/mapping")
                .then().statusCode(403);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag(unknown))
                .body("{\"into\":\"" + key + "\"}").when().post("/api/v1/processes/" + unknown + "/mapping")
                .then().statusCode(200).body("key", equalTo(key))
                .body("aliases", contains("Expense claims " + tag, "Travel bookings " + tag));
        given().auth().oauth2(hr()).when().get("/api/v1/processes/" + unknown).then().statusCode(404);
        assertEquals(List.of(), items(unknown));
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + itemId).then().body("area", equalTo(key));
        // the name met again now means the listed process
        feedback("x").aboutProcess("travel booking " + tag).csat(1).themes("speed").send();
        awaitItems(key, l -> totalEvidence(l) == 2);
    }

    @Test
    void aProcessIsEditedWithItsETagByLeadsAndAdminsOnly() {
        String tag = tag();
        String key = expenses(tag);
        given().auth().oauth2(employee()).when().get("/api/v1/processes").then().statusCode(403);
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"key\":\"x-" + tag + "\",\"name\":\"X\"}")
                .when().post("/api/v1/processes").then().statusCode(403);
        given().auth().oauth2(lead()).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"name\":\"Expenses\",\"aliases\":[]}").when().put("/api/v1/processes/" + key)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(lead()).contentType(ContentType.JSON).header("If-Match", etag(key))
                .body("{\"name\":\"Expenses " + tag + "\",\"aliases\":[\"Reimbursements " + tag + "\"]}")
                .when().put("/api/v1/processes/" + key).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("aliases", contains("Reimbursements " + tag));
        // another listed process cannot take its names
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"key\":\"refunds-" + tag
                + "\",\"name\":\"Refunds\",\"aliases\":[\"reimbursement " + tag + "\"]}")
                .when().post("/api/v1/processes").then().statusCode(409).body("process", equalTo(key));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"name\":\"Again\"}")
                .when().post("/api/v1/processes").then().statusCode(409);
        given().auth().oauth2(admin()).header("If-Match", etag(key)).when().delete("/api/v1/processes/" + key)
                .then().statusCode(204);
        Fixtures.await(() -> given().auth().oauth2(hr()).when().get("/api/v1/processes/" + key).statusCode(),
                s -> s == 404);
    }

    @Test
    void listingAProcessWithAnAliasThatNamesAnUnreviewedNameTakesItsItems() {
        String tag = tag();
        feedback("x").aboutProcess("Mileage claims " + tag).csat(1).themes("speed").send();
        String unknown = "mileage-claim-" + tag;
        String itemId = (String) awaitItems(unknown, l -> l.size() == 1).getFirst().get("id");
        String key = "travel-" + tag;
        given().auth().oauth2(lead()).contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"name\":\"Travel "
                + tag + "\",\"aliases\":[\"mileage claim " + tag + "\"]}")
                .when().post("/api/v1/processes").then().statusCode(201).body("aliases", contains("mileage claim " + tag));
        given().auth().oauth2(hr()).when().get("/api/v1/processes/" + unknown).then().statusCode(404);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + itemId).then().body("area", equalTo(key));
        feedback("x").aboutProcess("MILEAGE CLAIMS " + tag).csat(1).themes("speed").send();
        awaitItems(key, l -> totalEvidence(l) == 2);
    }
}
