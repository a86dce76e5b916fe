package io.hrloop.testsupport.access;

/**
 * The object a cell of the access table is about. For an employee or a manager, {@link #OWN} is their own object
 * (a request they raised, feedback they gave); for an HR role it is an object of their own team. {@link #OTHER} is
 * another person's object (for an HR role: of another team). {@link #CONFIDENTIAL} is a confidential object of
 * another person (an employee-relations case, or feedback or evidence about one).
 */
public enum Target {
    OWN, OTHER, CONFIDENTIAL
}
