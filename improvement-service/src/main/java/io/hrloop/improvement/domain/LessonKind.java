package io.hrloop.improvement.domain;

/** What kind of knowledge an item left behind. */
public enum LessonKind {
    LESSON, SUCCESS_STORY, BEST_PRACTICE
}
