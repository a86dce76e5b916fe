package io.hrloop.improvement.domain;

public enum EvidenceKind {
    FEEDBACK, BREACH
}
