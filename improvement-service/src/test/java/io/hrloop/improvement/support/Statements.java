package io.hrloop.improvement.support;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.hrloop.testsupport.SqlRecording;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/** Hands the SQL Hibernate sends to {@link SqlRecording}, for tests of how many round trips a piece of work costs. */
@ApplicationScoped
@PersistenceUnitExtension
public class Statements implements StatementInspector {

    @Override
    public String inspect(String sql) {
        SqlRecording.seen(sql);
        return sql;
    }
}
