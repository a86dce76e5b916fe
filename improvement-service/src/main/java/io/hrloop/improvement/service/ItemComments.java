package io.hrloop.improvement.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.domain.ItemComment;

/** HR's discussion of an item. */
@ApplicationScoped
public class ItemComments {

    private final ItemQueries items;
    private final Times times;

    public ItemComments(ItemQueries items, Times times) {
        this.items = items;
        this.times = times;
    }

    @Transactional
    public ItemComment add(UUID itemId, Access access, String author, String body) {
        items.find(itemId, access);
        ItemComment comment = new ItemComment();
        comment.id = UUID.randomUUID();
        comment.itemId = itemId;
        comment.author = author;
        comment.body = body.strip();
        comment.createdAt = times.nowUtc();
        comment.persist();
        return comment;
    }

    public ItemComment get(UUID itemId, Access access, UUID commentId) {
        items.find(itemId, access);
        ItemComment comment = ItemComment.findById(commentId);
        if (comment == null || !comment.itemId.equals(itemId)) {
            throw DomainException.notFound("comment " + commentId);
        }
        return comment;
    }

    /** Oldest first. */
    public Page<ItemComment> list(UUID itemId, Access access, int limit, String cursor) {
        items.find(itemId, access);
        Cursor after = Cursor.read(cursor, 2);
        List<ItemComment> rows = after == null
                ? ItemComment.<ItemComment>find("itemId = ?1 order by createdAt, id", itemId).page(0, limit + 1).list()
                : ItemComment.<ItemComment>find("itemId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) "
                        + "order by createdAt, id", itemId, ItemQueries.inRange(after.time(0)), after.uuid(1))
                        .page(0, limit + 1).list();
        return Page.of(rows, limit, last -> Cursor.of(last.createdAt, last.id));
    }
}
