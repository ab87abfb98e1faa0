package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.IdentityQuery;
import io.kratosflows.generated.api.IdentityApi;
import java.util.Objects;

/** {@code listIdentities} ({@code GET /admin/identities}, keyset pages). */
final class ListIdentitiesStep {

    private ListIdentitiesStep() {
    }

    static Page<AdminIdentity> run(Calls calls, IdentityQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query == null");
        Objects.requireNonNull(page, "page == null");
        return outcome(calls.read("list identities", operation(query, page)), page);
    }

    static IdentityApi.ListIdentitiesCall operation(IdentityQuery query, PageRequest page) {
        IdentityApi.ListIdentitiesCall call = Pages.keyset(IdentityApi.listIdentities(), page)
                .credentialsIdentifier(query.credentialsIdentifier().orElse(null))
                .ids(query.ids().isEmpty() ? null : query.ids().stream().map(IdentityId::value).toList());
        FlowStarts.option(call, "organization_id", query.organizationId());
        return call;
    }

    static Page<AdminIdentity> outcome(KratosResponse response, PageRequest asked) {
        if (response.status() == 200) {
            return Pages.read("list identities", response, asked, AdminReader::identity);
        }
        throw response.failure("list identities");
    }
}
