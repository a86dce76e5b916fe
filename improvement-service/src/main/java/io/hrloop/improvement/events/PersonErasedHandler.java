package io.hrloop.improvement.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.improvement.service.ErasureService;

/** hr.person.erased: the person's id becomes the pseudonym everywhere here; counts survive. */
@ApplicationScoped
public class PersonErasedHandler implements EventHandler {

    private final ErasureService erasure;

    public PersonErasedHandler(ErasureService erasure) {
        this.erasure = erasure;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventCatalog.PERSON_ERASED.type());
    }

    @Override
    public void handle(IncomingEvent event) {
        erasure.pseudonymise(event.text("personId"), event.text("pseudonym"));
    }
}
