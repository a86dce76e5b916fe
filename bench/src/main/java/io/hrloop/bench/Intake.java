package io.hrloop.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpMethod;

/**
 * The submissions of the intake load: the demo request types in realistic shares (confidential
 * employee-relations cases included), filed by an employee for themself, by a manager for themself
 * or on behalf of a team member, and by the HR integration naming the requester; subjects and
 * descriptions of varying length. Each call carries a fresh Idempotency-Key unless told not to.
 */
final class Intake implements Supplier<Load.Call> {

    private static final String[][] TYPES = {
            { "payroll-query", "0.35", "Overtime missing from my payslip", "My tax code changed without notice",
                    "Bonus for the last quarter not paid", "Payslip shows the wrong number of hours" },
            { "leave-request", "0.30", "Parental leave from next month", "Carry over five days of holiday",
                    "Sick leave last week is not recorded", "Unpaid leave for a family matter" },
            { "benefits-question", "0.15", "Add my partner to the health insurance", "Change my pension contribution",
                    "How does the cycle to work scheme work", "Dental cover for my children" },
            { "policy-advice", "0.15", "Can I work from abroad for a month", "Is overtime paid or time off in lieu",
                    "May I take a second job at weekends", "Travel policy for a conference" },
            { "employee-relations-concern", "0.05", "Concern about how my manager speaks to me",
                    "Conflict in my team is getting worse", "I want to raise a grievance", "Report of bullying" },
    };
    private static final String SENTENCE = "I noticed this on %s and talked to my manager, who asked me to raise it "
            + "here. Could you look into it and tell me what happens next? ";

    private final List<Load.Call> calls;
    private final AtomicLong next = new AtomicLong();
    private final boolean idempotencyKeys;

    Intake(Bench.Tokens tokens, boolean idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        Random random = new Random(11);
        List<Load.Call> built = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            String[] type = pick(random);
            ObjectNode body = Http.JSON.createObjectNode();
            body.put("type", type[0]);
            body.put("subject", type[2 + random.nextInt(4)]);
            body.put("description", ("Hello HR, " + SENTENCE.formatted("the " + (1 + random.nextInt(28)) + "th"))
                    .repeat(1 + random.nextInt(6)).strip());
            if (random.nextInt(4) == 0) {
                body.put("priority", random.nextBoolean() ? "HIGH" : "LOW");
            }
            double who = random.nextDouble();
            String token;
            if (who < 0.6) {
                token = tokens.get("employee");
            } else if (who < 0.85) {
                token = tokens.get("manager");
                if (random.nextBoolean()) {
                    body.put("onBehalfOf", "emp-" + (1000 + random.nextInt(50_000)));
                }
            } else {
                token = tokens.get("service");
                body.put("requester", "emp-" + (1000 + random.nextInt(50_000)));
                body.put("channel", "API");
            }
            built.add(new Load.Call(HttpMethod.POST, "/api/v1/requests", token, body.toString(), Map.of()));
        }
        calls = List.copyOf(built);
    }

    private static String[] pick(Random random) {
        double r = random.nextDouble();
        for (String[] type : TYPES) {
            r -= Double.parseDouble(type[1]);
            if (r < 0) {
                return type;
            }
        }
        return TYPES[0];
    }

    @Override
    public Load.Call get() {
        Load.Call call = calls.get((int) (next.getAndIncrement() % calls.size()));
        if (!idempotencyKeys) {
            return call;
        }
        Map<String, String> headers = new HashMap<>(2);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        return new Load.Call(call.method(), call.uri(), call.token(), call.body(), headers);
    }
}
