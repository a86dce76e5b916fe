package io.hrloop.request.domain;

/** How a request reached HR. */
public enum Channel {
    PORTAL, EMAIL, PHONE, CHAT, IN_PERSON, API
}
