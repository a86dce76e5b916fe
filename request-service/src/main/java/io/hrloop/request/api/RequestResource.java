package io.hrloop.request.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hrloop.common.api.Cursors;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.service.RequestService;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final Idempotency idempotency;
    private final Caller caller;

    public RequestResource(RequestService requests, Idempotency idempotency, Caller caller) {
        this.requests = requests;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    public record SubmitRequest(@NotBlank @Size(max = 100) String type, @NotBlank @Size(max = 200) String subject,
            @NotNull @Size(max = 10000) String description, Priority priority) {
    }

    public record RequestView(UUID id, String reference, String type, String subject, String description,
            Priority priority, String status, String requester, String team, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, long version) {
        static RequestView from(HrRequest r) {
            return new RequestView(r.id, r.reference, r.typeKey, r.subject, r.description, r.priority, r.status.name(),
                    r.requester, r.team, r.createdAt, r.updatedAt, r.version);
        }
    }

    @POST
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.SERVICE })
    public Response submit(@Valid @NotNull SubmitRequest body, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/requests", body, () -> {
            HrRequest created = requests.submit(caller.personId(), body.type(), body.subject(), body.description(),
                    body.priority());
            return Response.created(URI.create("/api/v1/requests/" + created.id))
                    .tag(ETags.of(created.version).replace("\"", ""))
                    .entity(RequestView.from(created)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    public Page<RequestView> list(@QueryParam("limit") Integer limit) {
        int size = Cursors.limit(limit, 20, 100);
        return new Page<>(requests.listFor(caller.personId(), size).stream().map(RequestView::from).toList(), null);
    }
}
