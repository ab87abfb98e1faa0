package io.kratosflows.internal;

import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.admin.CourierMessage;
import io.kratosflows.admin.CourierQuery;
import io.kratosflows.generated.api.CourierApi;
import java.util.Objects;

/** {@code listCourierMessages} ({@code GET /admin/courier/messages}, keyset pages). */
final class ListCourierMessagesStep {

    private ListCourierMessagesStep() {
    }

    static Page<CourierMessage> run(Calls calls, CourierQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query == null");
        Objects.requireNonNull(page, "page == null");
        return outcome(calls.read("list courier messages", operation(query, page)), page);
    }

    static CourierApi.ListCourierMessagesCall operation(CourierQuery query, PageRequest page) {
        CourierApi.ListCourierMessagesCall call = Pages.keyset(CourierApi.listCourierMessages(), page)
                .recipient(query.recipient().orElse(null));
        query.status().ifPresent(status -> call.set("status", status)); // by name: the generated enum type differs per spec
        return call;
    }

    static Page<CourierMessage> outcome(KratosResponse response, PageRequest asked) {
        if (response.status() == 200) {
            return Pages.read("list courier messages", response, asked, AdminReader::message);
        }
        throw response.failure("list courier messages");
    }
}
