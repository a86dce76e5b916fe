package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.domain.ProcessAlias;
import io.hrloop.improvement.domain.ProcessEntry;
import io.hrloop.improvement.domain.ProcessNames;

/**
 * The managed list of processes with their aliases. A process name is resolved by its normalised form
 * ({@link ProcessNames}) against the forms of every key, name and alias; a name nobody listed is still accepted and
 * recorded as an UNREVIEWED process under its own key, until an admin maps it to a listed process (its name becomes
 * an alias there, and its items and feedback move to that process). Every change and every resolution runs under one
 * advisory lock, taken before any area lock, so that a name is never resolved to a process being mapped away.
 */
@ApplicationScoped
public class ProcessCatalogue {

    /** The lock of the catalogue (an area name no area can have: areas start with a letter or digit). */
    static final String LOCK = "~process-catalogue";

    public record Listed(ProcessEntry process, List<String> aliases) {
    }

    public record Definition(String key, String name, List<String> aliases) {
    }

    private final EntityManager entityManager;
    private final AreaLock areaLock;
    private final Times times;

    public ProcessCatalogue(EntityManager entityManager, AreaLock areaLock, Times times) {
        this.entityManager = entityManager;
        this.areaLock = areaLock;
        this.times = times;
    }

    /**
     * The key of the process {@code name} means; an unknown name is recorded as UNREVIEWED (its key from its words).
     * Null when the name has no letter or digit at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String resolve(String name) {
        String normalised = ProcessNames.normalise(name);
        if (normalised.isEmpty()) {
            return null;
        }
        areaLock.lock(LOCK);
        ProcessAlias known = ProcessAlias.findById(normalised);
        if (known != null) {
            return known.processKey;
        }
        String key = ProcessNames.key(name);
        OffsetDateTime now = times.nowUtc();
        entityManager.createNativeQuery("insert into process (key, name, status, created_at, updated_at, version)"
                + " values (?1, ?2, 'UNREVIEWED', ?3, ?3, 0) on conflict do nothing")
                .setParameter(1, key).setParameter(2, shorten(name.strip(), 200)).setParameter(3, now).executeUpdate();
        ProcessAlias.of(normalised, key, shorten(name.strip(), 200), false).persist();
        return key;
    }

    @Transactional
    public Listed create(Definition definition) {
        areaLock.lock(LOCK);
        if (ProcessEntry.findById(definition.key()) != null) {
            throw DomainException.conflict("process-exists", "a process " + definition.key() + " exists already");
        }
        OffsetDateTime now = times.nowUtc();
        ProcessEntry process = new ProcessEntry();
        process.key = definition.key();
        process.name = definition.name().strip();
        process.status = ProcessEntry.Status.REVIEWED;
        process.createdAt = now;
        process.updatedAt = now;
        process.persist();
        claim(process, definition.aliases());
        return listed(process);
    }

    /** A new name and list of aliases; an UNREVIEWED process becomes REVIEWED (listed as it is). */
    @Transactional
    public Listed update(String key, String ifMatch, String name, List<String> aliases) {
        areaLock.lock(LOCK);
        ProcessEntry process = find(key);
        ETags.require(ifMatch, process.version);
        ProcessAlias.delete("processKey", key);
        entityManager.flush();
        process.name = name.strip();
        process.status = ProcessEntry.Status.REVIEWED;
        process.updatedAt = times.nowUtc();
        claim(process, aliases);
        return listed(process);
    }

    /** Only a process without items: theirs would point nowhere. */
    @Transactional
    public void delete(String key, String ifMatch) {
        areaLock.lock(LOCK);
        ProcessEntry process = find(key);
        ETags.check(ifMatch, process.version);
        long items = entityManager.createQuery("select count(i) from ImprovementItem i where i.area = :key", Long.class)
                .setParameter("key", key).getSingleResult();
        if (items > 0) {
            throw DomainException.conflict("process-has-items", key + " has " + items + " improvement items; map it "
                    + "to another process instead").with("items", items);
        }
        ProcessAlias.delete("processKey", key);
        process.delete();
    }

    /**
     * An UNREVIEWED name joins a listed process: its forms become that process's (its name an alias), its items and
     * the feedback seen about it move to that process's area. Returns the process it joined.
     */
    @Transactional
    public Listed map(String key, String ifMatch, String into) {
        areaLock.lock(LOCK);
        ProcessEntry unreviewed = find(key);
        ETags.check(ifMatch, unreviewed.version);
        if (unreviewed.status != ProcessEntry.Status.UNREVIEWED) {
            throw DomainException.conflict("process-reviewed", key + " is a listed process; only an UNREVIEWED name "
                    + "is mapped");
        }
        ProcessEntry target = ProcessEntry.findById(into);
        if (target == null || target.status != ProcessEntry.Status.REVIEWED) {
            throw DomainException.unprocessable("process-unknown", "into must be a listed (REVIEWED) process");
        }
        absorb(unreviewed, target);
        target.updatedAt = times.nowUtc();
        return listed(target);
    }

    public Listed get(String key) {
        return listed(find(key));
    }

    public Page<Listed> list(ProcessEntry.Status status, int limit, String cursor) {
        Cursor after = Cursor.read(cursor, 1);
        var query = entityManager.createQuery("select p from ProcessEntry p where p.key > :after"
                + (status == null ? "" : " and p.status = :status") + " order by p.key", ProcessEntry.class)
                .setParameter("after", after == null ? "" : after.text(0));
        if (status != null) {
            query.setParameter("status", status);
        }
        List<ProcessEntry> rows = query.setMaxResults(limit + 1).getResultList();
        return Page.of(rows, limit, last -> Cursor.of(last.key)).map(this::listed);
    }

    /** The forms of the process's key, name and aliases; a form of an UNREVIEWED name maps it here, of a listed
     * process is a conflict. */
    private void claim(ProcessEntry process, List<String> aliases) {
        Map<String, ProcessAlias> forms = new LinkedHashMap<>();
        forms.put(ProcessNames.normalise(process.key), ProcessAlias.of(ProcessNames.normalise(process.key),
                process.key, process.key, false));
        forms.putIfAbsent(ProcessNames.normalise(process.name), ProcessAlias.of(ProcessNames.normalise(process.name),
                process.key, process.name, false));
        for (String alias : aliases) {
            String normalised = ProcessNames.normalise(alias);
            if (normalised.isEmpty()) {
                throw DomainException.invalid("invalid-alias", "an alias needs a letter or a digit");
            }
            forms.merge(normalised, ProcessAlias.of(normalised, process.key, alias.strip(), true),
                    (own, listed) -> listed);
        }
        forms.remove("");
        for (ProcessAlias form : forms.values()) {
            ProcessAlias taken = ProcessAlias.findById(form.normalised);
            if (taken != null && !taken.processKey.equals(process.key)) {
                ProcessEntry other = ProcessEntry.findById(taken.processKey);
                if (other.status == ProcessEntry.Status.REVIEWED) {
                    throw DomainException.conflict("alias-taken", "\"" + form.alias + "\" already means process "
                            + other.key).with("process", other.key);
                }
                absorb(other, process); // the name met before is now known: its items join
            }
        }
        entityManager.flush();
        for (ProcessAlias form : forms.values()) {
            ProcessAlias existing = ProcessAlias.findById(form.normalised);
            if (existing == null) {
                form.persist();
            } else {
                existing.processKey = process.key; // also a form just taken over from a name mapped here
                existing.alias = form.alias;
                existing.listed = form.listed;
            }
        }
    }

    private void absorb(ProcessEntry unreviewed, ProcessEntry target) {
        entityManager.flush(); // a process just listed exists before its forms point at it
        areaLock.lockAll(List.of(unreviewed.key, target.key));
        entityManager.createNativeQuery("update process_alias set process_key = ?2, listed = true where process_key = ?1")
                .setParameter(1, unreviewed.key).setParameter(2, target.key).executeUpdate();
        entityManager.createNativeQuery("update improvement_item set area = ?2, version = version + 1 where area = ?1")
                .setParameter(1, unreviewed.key).setParameter(2, target.key).executeUpdate();
        entityManager.createNativeQuery("update area_feedback set area = ?2 where area = ?1")
                .setParameter(1, unreviewed.key).setParameter(2, target.key).executeUpdate();
        unreviewed.delete();
        entityManager.flush();
    }

    private Listed listed(ProcessEntry process) {
        List<String> aliases = new ArrayList<>(ProcessAlias.<ProcessAlias>list("processKey = ?1 and listed = true"
                + " order by alias", process.key).stream().map(a -> a.alias).toList());
        return new Listed(process, aliases);
    }

    private static ProcessEntry find(String key) {
        ProcessEntry process = ProcessEntry.findById(key);
        if (process == null) {
            throw DomainException.notFound("process " + key);
        }
        return process;
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
