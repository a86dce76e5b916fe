package io.hrloop.feedback.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.ETags;
import io.hrloop.common.db.DatabaseTrouble;
import io.hrloop.common.db.SessionJdbc;
import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.security.Roles;
import io.hrloop.common.security.Sightings;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.domain.MailPreference;
import io.hrloop.feedback.domain.PersonContact;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Whom feedback-service may mail, and where. A caller's token tells their address, language, team and HR roles:
 * each replica writes what it sees at most once an hour per person (at once when it changes). A requester's address
 * also arrives with hr.request.resolved. A token without an address keeps the one known; team and roles follow the
 * token. The mail preference is the person's own ({@code /api/v1/notification-preferences}).
 */
@ApplicationScoped
public class Contacts {

    private static final Set<String> HR_ROLES = Set.of(Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN,
            Roles.ER_SPECIALIST);

    private final Sightings sightings = new Sightings();

    private final EntityManager entityManager;
    private final Times times;

    public Contacts(EntityManager entityManager, Times times) {
        this.entityManager = entityManager;
        this.times = times;
    }

    /**
     * Notes a caller as their token describes them. Cheap on the hot path, and never fails the call. A token issued
     * before the person was erased ({@code issuedAt} at or before the erasure, or unknown) writes nothing: the
     * erasure deleted their entry, and a token still valid for an hour after it must not bring their address back.
     */
    public void sighted(String personId, String email, String locale, String team, Collection<String> roles,
            Instant issuedAt) {
        String hrRoles = hrRoles(roles);
        String teamOrNull = team == null || team.length() > 100 ? null : team;
        String fingerprint = email + "|" + locale + "|" + teamOrNull + "|" + hrRoles;
        Instant now = times.now();
        if (!sightings.due(personId, fingerprint, now)) {
            return;
        }
        try {
            int written = QuarkusTransaction.requiringNew()
                    .call(() -> write(personId, email, locale, teamOrNull, hrRoles, issuedAt));
            if (written == 0) {
                // Erased since the token was issued: not noted as seen, so that a token issued after the erasure
                // (a new sign-in) is recorded at its first call, not an hour later.
                sightings.forget(personId);
            }
        } catch (RuntimeException e) {
            boolean database = DatabaseTrouble.isDatabaseTrouble(e);
            sightings.failed(personId, now, database);
            if (database) {
                return;
            }
            Log.warnf("Contact of %s not recorded: %s", personId, e.getClass().getSimpleName());
        }
    }

    /** Writes the entry; 0 when the person was erased since the token was issued. */
    private int write(String personId, String email, String locale, String team, String hrRoles, Instant issuedAt) {
        // One statement: the erasure register (erased_person) is asked in the insert itself.
        return ErasedPeople.bindNotErasedSince(entityManager.createNativeQuery("""
                insert into person_contact (person_id, email, locale, team, roles)
                select :p, cast(:email as varchar(320)), cast(:locale as varchar(35)), cast(:team as varchar(100)),
                    :roles
                where %s
                on conflict (person_id) do update set email = coalesce(excluded.email, person_contact.email),
                    locale = coalesce(excluded.locale, person_contact.locale), team = excluded.team,
                    roles = excluded.roles""".formatted(ErasedPeople.notErasedSince(issuedAt)))
                .setParameter("p", personId).setParameter("email", email).setParameter("locale", locale)
                .setParameter("team", team).setParameter("roles", hrRoles), personId, issuedAt).executeUpdate();
    }

    /** A requester's address and language from hr.request.resolved, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learned(String personId, String email, String locale) {
        if (email == null) {
            return;
        }
        // Without flushing the session first (see SessionJdbc: once per resolution, a pass over the whole batch's
        // session): the transactions that learn an address (a consumer's) change no PersonContact through the
        // session; only prefer() does, in a transaction of its own.
        SessionJdbc.update(entityManager, """
                insert into person_contact (person_id, email, locale) values (?, ?, cast(? as varchar(35)))
                on conflict (person_id) do update set email = excluded.email,
                    locale = coalesce(excluded.locale, person_contact.locale)""", personId, email, locale);
    }

    /**
     * {@link #learned} in a batch whose decisions are made from {@code facts} (null: none), and the entry it leaves.
     * When the facts know the entry and it holds these values already, the write (which would store the same) and
     * the re-read are skipped; an entry new to the batch is read once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    PersonContact learned(String personId, String email, String locale, SurveyFacts facts) {
        if (facts != null && facts.knowsContact(personId) && unchangedBy(facts.contact(personId), email, locale)) {
            return facts.contact(personId);
        }
        learned(personId, email, locale);
        if (facts == null) {
            return find(personId);
        }
        // The write set the address (and the language when given): an entry in the session that shows them is the
        // row as written; one that does not was loaded before the write, and is read again.
        PersonContact contact = PersonContact.findById(personId);
        if (contact == null || !unchangedBy(contact, email, locale)) {
            contact = find(personId);
        }
        facts.contact(personId, contact);
        return contact;
    }

    /** Whether {@link #learned} with these values would leave {@code known} (the entry, null when none) as it is. */
    static boolean unchangedBy(PersonContact known, String email, String locale) {
        return email == null || known != null && email.equals(known.email) && (locale == null || locale.equals(known.locale));
    }

    /** The entries of {@code personIds} in one query, in the caller's transaction; a person without one maps to null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, PersonContact> entries(Collection<String> personIds) {
        Map<String, PersonContact> entries = new HashMap<>();
        personIds.forEach(id -> entries.put(id, null));
        PersonContact.<PersonContact>list("personId in ?1", personIds).forEach(c -> entries.put(c.personId, c));
        return entries;
    }

    /**
     * The person's entry as the database has it now (a batch of events may have changed it natively): in the
     * caller's transaction (an event's), or in one of its own (a read through the API).
     */
    @Transactional
    public PersonContact find(String personId) {
        PersonContact contact = PersonContact.findById(personId);
        if (contact != null) {
            entityManager.refresh(contact);
        }
        return contact;
    }

    /** The caller's preference: replaced with {@code If-Match} against its version; the entry is made when new. */
    @Transactional
    public PersonContact prefer(String personId, MailPreference mail, String ifMatch, String email, String locale) {
        PersonContact contact = PersonContact.findById(personId);
        if (contact == null) {
            contact = new PersonContact();
            contact.personId = personId;
            contact.email = email;
            contact.locale = locale;
            contact.mail = mail;
            contact.persist();
        } else {
            ETags.require(ifMatch, contact.version); // replacing: 428 without If-Match
            contact.mail = mail;
            if (email != null) {
                contact.email = email;
            }
        }
        entityManager.flush();
        return contact;
    }

    /** Those told of a follow-up of {@code team}: its hr-leads (er-specialists among them when it is confidential). */
    public List<PersonContact> leadsOf(String team, boolean confidential) {
        if (team == null) {
            return List.of();
        }
        return PersonContact.<PersonContact>list("team = ?1 and email is not null order by personId", team).stream()
                .filter(c -> c.has(Roles.HR_LEAD) && (!confidential || c.has(Roles.ER_SPECIALIST))).toList();
    }

    /** After an erasure, the person's next call is a new sighting. */
    public void forget(String personId) {
        sightings.forget(personId);
    }

    static String hrRoles(Collection<String> roles) {
        TreeSet<String> kept = new TreeSet<>(roles);
        kept.retainAll(HR_ROLES);
        return String.join(",", kept);
    }
}
