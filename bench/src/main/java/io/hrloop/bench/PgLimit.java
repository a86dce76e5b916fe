package io.hrloop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * PostgreSQL's own limit for what one submission writes, measured on the local stack's server: N
 * JDBC connections each committing, as fast as it can, the transaction RequestService.submit and
 * Idempotency.executeCreating make (read the type; insert the request, whose column default draws the
 * reference, returned with the row; two audit rows and the outbox row; record the idempotency key with
 * the response). It writes into copies of
 * the tables in a scratch schema, dropped afterwards. The relay's later claim and delete of the
 * outbox row are not part of it.
 */
final class PgLimit {

    record Result(int connections, long commits, double seconds, Histogram latency) {
        double perSecond() {
            return commits / seconds;
        }
    }

    private static final String SCHEMA = "bench_scratch";
    private static final byte[] PAYLOAD = new byte[900];
    private static final String RESPONSE = "{\"id\":\"x\",\"reference\":\"HR-000001\",\"subject\":\"" + "s".repeat(1400) + "\"}";

    private PgLimit() {
    }

    static Result run(Seeder db, int connections, boolean idempotency, Duration warmup, Duration measure) throws Exception {
        try (Connection c = db.connect("request"); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            for (String table : List.of("hr_request", "request_audit", "outbox_event", "idempotency_record")) {
                s.execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
            }
            for (String table : List.of("request_audit", "outbox_event")) {
                s.execute("create sequence " + SCHEMA + "." + table + "_seq");
                s.execute("alter table " + SCHEMA + "." + table + " alter column id set default nextval('" + SCHEMA + "."
                        + table + "_seq')");
            }
            s.execute("create sequence " + SCHEMA + ".reference_seq");
            s.execute("alter table " + SCHEMA + ".hr_request alter column reference set default public.hr_request_reference("
                    + "nextval('" + SCHEMA + ".reference_seq'))");
            s.execute("alter table " + SCHEMA + ".hr_request add foreign key (type_key) references public.request_type (key)");
            s.execute("alter table " + SCHEMA + ".request_audit add foreign key (request_id) references " + SCHEMA
                    + ".hr_request (id)");
        }
        Recorder recorder = new Recorder(3);
        AtomicLong commits = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        var state = new Object() {
            volatile boolean running = true;
            volatile boolean measuring;
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofPlatform().name("pg-limit-" + i).start(() -> {
                try (Connection c = db.connect("request")) {
                    Writer writer = new Writer(c, idempotency);
                    while (state.running) {
                        long began = System.nanoTime();
                        writer.submit();
                        if (state.measuring) {
                            recorder.recordValue(System.nanoTime() - began);
                            commits.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    state.running = false;
                }
            }));
        }
        Http.sleep(warmup);
        recorder.reset();
        state.measuring = true;
        long began = System.nanoTime();
        Http.sleep(measure);
        state.measuring = false;
        double seconds = (System.nanoTime() - began) / 1e9;
        state.running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection c = db.connect("request"); Statement s = c.createStatement()) {
            s.execute("drop schema " + SCHEMA + " cascade");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the PostgreSQL limit run failed: " + failure.get().getMessage(), failure.get());
        }
        return new Result(connections, commits.get(), seconds, recorder.getIntervalHistogram());
    }

    /** One connection's prepared statements: one submission per call, one commit. */
    private static final class Writer {
        private final Connection c;
        private final boolean idempotency;
        private final PreparedStatement type;
        private final PreparedStatement request;
        private final PreparedStatement audit;
        private final PreparedStatement outbox;
        private final PreparedStatement record;

        Writer(Connection c, boolean idempotency) throws Exception {
            this.c = c;
            this.idempotency = idempotency;
            c.setAutoCommit(false);
            type = c.prepareStatement("select * from public.request_type where key = ?");
            request = c.prepareStatement("insert into " + SCHEMA + ".hr_request (id, type_key, category, subject, "
                    + "description, priority, channel, status, requester, on_behalf_of, submitted_by, owner, team, confidential, "
                    + "calendar_key, created_at, updated_at, fr_target_minutes, fr_elapsed_seconds, fr_running_since, fr_due_at, "
                    + "fr_at_risk_at, fr_at_risk_notified, fr_breach_notified, res_target_minutes, res_elapsed_seconds, "
                    + "res_running_since, res_due_at, res_at_risk_at, res_at_risk_notified, res_breach_notified, version) "
                    + "values (?, 'payroll-query', 'payroll', ?, ?, 'NORMAL', 'PORTAL', 'SUBMITTED', 'emp-1001', null, "
                    + "'emp-1001', null, 'payroll', false, 'hr-standard', ?, ?, 480, 0, ?, ?, ?, false, false, 2400, 0, ?, ?, ?, "
                    + "false, false, 0) returning reference");
            audit = c.prepareStatement("insert into " + SCHEMA + ".request_audit (request_id, at, actor, field, before_value, "
                    + "after_value, note, internal) values (?, ?, 'emp-1001', ?, null, ?, ?, false)");
            outbox = c.prepareStatement("insert into " + SCHEMA + ".outbox_event (event_id, topic, event_key, event_type, "
                    + "event_time, payload) values (?, 'hr.requests', ?, 'hr.request.submitted', ?, ?)");
            record = c.prepareStatement("insert into " + SCHEMA + ".idempotency_record (caller, idem_key, operation, "
                    + "request_hash, status, location, etag, body) values ('emp-1001', ?, 'POST /api/v1/requests', ?, 201, ?, "
                    + "'0', ?) on conflict do nothing");
        }

        void submit() throws Exception {
            UUID id = UUID.randomUUID();
            type.setString(1, "payroll-query");
            String key = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            try (ResultSet rs = type.executeQuery()) {
                rs.next();
            }
            request.setObject(1, id);
            request.setString(2, "Overtime missing from my payslip");
            request.setString(3, "Hello HR, my overtime for last month is missing from my payslip. Could you check? ".repeat(3));
            for (int i = 4; i <= 11; i++) {
                request.setTimestamp(i, now);
            }
            try (ResultSet rs = request.executeQuery()) {
                rs.next();
            }
            for (String field : List.of("request", "sla-targets")) {
                audit.setObject(1, id);
                audit.setTimestamp(2, now);
                audit.setString(3, field);
                audit.setString(4, field.equals("request") ? "HR-0000001" : "{\"firstResponse\":480,\"resolution\":2400}");
                audit.setString(5, field.equals("request") ? null : "priority NORMAL, calendar hr-standard");
                audit.executeUpdate();
            }
            outbox.setObject(1, UUID.randomUUID());
            outbox.setString(2, id.toString());
            outbox.setTimestamp(3, now);
            outbox.setBytes(4, PAYLOAD);
            outbox.executeUpdate();
            if (idempotency) {
                record.setString(1, key);
                record.setString(2, "0".repeat(64));
                record.setString(3, "/api/v1/requests/" + id);
                record.setString(4, RESPONSE);
                record.executeUpdate();
            }
            c.commit();
        }
    }
}
