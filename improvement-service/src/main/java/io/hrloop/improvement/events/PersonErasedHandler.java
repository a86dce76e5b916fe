package io.hrloop.improvement.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.improvement.service.ErasureService;

/** hr.person.erased: the person's id becomes the pseudonym everywhere here; counts survive. */
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
        erasure.pseudonymise(event.personId(), event.pseudonym());
    }
}
