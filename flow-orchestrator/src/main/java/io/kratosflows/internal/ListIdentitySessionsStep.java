package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.generated.api.IdentityApi;
import io.kratosflows.session.Session;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code listIdentitySessions} ({@code GET /admin/identities/{id}/sessions}), paged by page number
 * like {@link ListMySessionsStep} (the same Kratos code serves both, see {@link Pages}).
 */
final class ListIdentitySessionsStep {

    private ListIdentitySessionsStep() {
    }

    static Page<Session> run(Calls calls, IdentityId id, Optional<Boolean> active, PageRequest page) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(page, "page == null");
        return outcome(calls.read("list identity sessions", operation(id, active, page)), page);
    }

    static IdentityApi.ListIdentitySessionsCall operation(IdentityId id, Optional<Boolean> active, PageRequest page) {
        return Pages.numbered(IdentityApi.listIdentitySessions().id(id.value()), page).active(active.orElse(null));
    }

    static Page<Session> outcome(KratosResponse response, PageRequest asked) {
        if (response.status() == 200) {
            return Pages.readNumbered("list identity sessions", response, asked, SessionReader::session);
        }
        if (response.status() == 404) {
            return new Page<>(java.util.List.of(), OptionalLong.of(0), Optional.empty()); // no such identity: no sessions
        }
        throw response.failure("list identity sessions");
    }
}
