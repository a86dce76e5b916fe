package io.hrloop.request.domain;

/**
 * One revision of one business calendar: what a request's service-level plan was counted with. Written in the
 * history as {@code <key>@<revision>} (calendar keys never contain {@code @}).
 */
public record CalendarRef(String key, int revision) {

    public static CalendarRef parse(String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a calendar revision: " + text);
        }
        return new CalendarRef(text.substring(0, at), Integer.parseInt(text.substring(at + 1)));
    }

    @Override
    public String toString() {
        return key + "@" + revision;
    }
}
