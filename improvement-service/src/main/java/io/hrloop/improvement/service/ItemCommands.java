package io.hrloop.improvement.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.ETags;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.domain.GapKey;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;

/** Making and editing items by hand: create, edit, give an owner. */
@ApplicationScoped
public class ItemCommands {

    /** {@code area} a key as it is, or {@code process} a process name resolved through the managed list. */
    public record NewItem(String title, String problem, String publicSummary, String area, String process,
            List<String> themes,
            BigDecimal effort, LocalDate targetDate, String owner, boolean confidential) {
    }

    private final ItemQueries items;
    private final AreaLock areaLock;
    private final Scoring scoring;
    private final ImprovementEvents events;
    private final Times times;
    private final ProcessCatalogue processes;

    public ItemCommands(ItemQueries items, AreaLock areaLock, Scoring scoring, ImprovementEvents events, Times times,
            ProcessCatalogue processes) {
        this.processes = processes;
        this.items = items;
        this.areaLock = areaLock;
        this.scoring = scoring;
        this.events = events;
        this.times = times;
    }

    /** A confidential item only by an er-specialist: nobody else could see it afterwards. */
    @Transactional
    public ImprovementItem create(String actor, Access access, NewItem command) {
        if (command.confidential() && !access.confidential()) {
            throw DomainException.notPermitted("only an er-specialist creates confidential items");
        }
        String area = command.process() == null ? command.area() : processes.resolve(command.process());
        if (area == null) {
            throw DomainException.invalid("invalid-process", "a process name needs a letter or a digit");
        }
        // Same lock as automatic spawning, so a hand-made item and a spawned one are decided in one order.
        areaLock.lock(area);
        OffsetDateTime now = times.nowUtc();
        ImprovementItem item = new ImprovementItem();
        item.id = UUID.randomUUID();
        item.title = command.title().strip();
        item.problem = command.problem().strip();
        item.publicSummary = blankToNull(command.publicSummary());
        item.confidential = command.confidential();
        item.area = area;
        item.themes(command.themes());
        item.status = ItemStatus.PROPOSED;
        item.origin = Origin.MANUAL;
        item.owner = command.owner();
        item.effort = command.effort();
        item.targetDate = command.targetDate();
        item.createdBy = actor;
        item.createdAt = now;
        item.updatedAt = now;
        item.priority = null;
        item.persist();
        scoring.refresh(item);
        events.created(item, Origin.MANUAL, now);
        return item;
    }

    @Transactional
    public ImprovementItem update(UUID id, Access access, String ifMatch, ItemPatch patch) {
        ImprovementItem item = items.find(id, access);
        ETags.require(ifMatch, item.version);
        if (patch.title() != null) {
            item.title = patch.title().strip();
        }
        if (patch.problem() != null) {
            item.problem = patch.problem().strip();
        }
        if (patch.themes() != null) {
            item.themes(patch.themes());
            item.gapKey = GapKey.afterThemesChange(item.gapKey, item.area, patch.themes());
        }
        if (patch.publicSummarySet()) {
            item.publicSummary = blankToNull(patch.publicSummary());
        }
        if (patch.effortSet()) {
            item.effort = patch.effort();
        }
        if (patch.targetDateSet()) {
            item.targetDate = patch.targetDate();
        }
        item.updatedAt = times.nowUtc();
        scoring.refresh(item);
        return item;
    }

    @Transactional
    public ImprovementItem assign(UUID id, Access access, String ifMatch, String owner) {
        ImprovementItem item = items.find(id, access);
        ETags.check(ifMatch, item.version);
        item.owner = owner;
        item.updatedAt = times.nowUtc();
        return item;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
