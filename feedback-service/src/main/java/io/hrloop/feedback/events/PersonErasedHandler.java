package io.hrloop.feedback.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.service.ErasureService;

/** hr.person.erased: the person is pseudonymised here and what they wrote is removed. */
@ApplicationScoped
public class PersonErasedHandler implements EventHandler<PersonErased> {

    private final ErasureService erasure;

    public PersonErasedHandler(ErasureService erasure) {
        this.erasure = erasure;
    }

    @Override
    public Class<PersonErased> dataType() {
        return PersonErased.class;
    }

    @Override
    public void handle(PersonErased event, EventMetadata metadata) {
        erasure.erase(event.personId(), event.pseudonym());
    }
}
