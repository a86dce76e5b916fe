package io.hrloop.improvement.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hrloop.common.contract.FeedbackReceived;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** This service's projection of every piece of feedback: scores per area and day, no person. */
@Entity
@Table(name = "area_feedback")
public class AreaFeedback extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;
    public String area;
    public Integer csat;
    public Integer nps;
    public Integer ces;
    public double sentiment;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    /** About a confidential request: counted only in the verification of confidential items. */
    public boolean confidential;

    public static AreaFeedback of(FeedbackReceived f, String area) {
        AreaFeedback row = new AreaFeedback();
        row.feedbackId = f.feedbackId();
        row.area = area;
        row.csat = f.csat();
        row.nps = f.nps();
        row.ces = f.ces();
        row.sentiment = f.sentiment();
        row.receivedOn = f.receivedOn();
        row.confidential = Boolean.TRUE.equals(f.confidential());
        return row;
    }
}
