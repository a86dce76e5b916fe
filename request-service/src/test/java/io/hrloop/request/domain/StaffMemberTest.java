package io.hrloop.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Who may own a request, by the staff register alone. */
class StaffMemberTest {

    static StaffMember member(String team, boolean active, String... roles) {
        StaffMember m = new StaffMember();
        m.personId = "p-1";
        m.team = team;
        m.roles = StaffMember.hrRoles(List.of(roles));
        m.active = active;
        return m;
    }

    @Test
    void anActiveAgentOrLeadOfTheTeamMayOwnItsRequests() {
        assertNull(member("payroll", true, "hr-agent").whyNotOwnerOf("payroll", false));
        assertNull(member("payroll", true, "hr-lead").whyNotOwnerOf("payroll", false));
        assertNull(member("payroll", true, "employee", "hr-agent", "hr-lead").whyNotOwnerOf("payroll", false));
    }

    @Test
    void everyoneElseIsRefusedWithTheReason() {
        assertTrue(member("payroll", true, "hr-agent").whyNotOwnerOf("benefits", false)
                .contains("works in team payroll, not in the request's team benefits"));
        assertTrue(member(null, true, "hr-agent").whyNotOwnerOf("benefits", false).contains("no team"));
        assertTrue(member("payroll", true, "hr-admin").whyNotOwnerOf("payroll", false)
                .contains("not an hr-agent or hr-lead"));
        assertTrue(member("payroll", true).whyNotOwnerOf("payroll", false).contains("not an hr-agent or hr-lead"));
        assertTrue(member("payroll", false, "hr-agent").whyNotOwnerOf("payroll", false).contains("deactivated"));
    }

    @Test
    void confidentialCasesAreOwnedByActiveErSpecialistsOnly() {
        assertNull(member("employee-relations", true, "er-specialist").whyNotOwnerOf("er", true));
        assertTrue(member("er", true, "hr-agent", "hr-lead").whyNotOwnerOf("er", true).contains("not an er-specialist"));
        assertTrue(member("er", false, "er-specialist").whyNotOwnerOf("er", true).contains("deactivated"));
    }

    @Test
    void onlyHrRolesAreKeptSortedAndJoined() {
        assertEquals("er-specialist,hr-agent,hr-lead",
                StaffMember.hrRoles(List.of("hr-lead", "employee", "hr-agent", "manager", "er-specialist")));
        assertEquals("", StaffMember.hrRoles(List.of("employee", "service")));
        assertEquals(List.of(), member("x", true).roleList());
    }
}
