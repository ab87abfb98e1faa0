package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.admin.RecoveryCode;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.api.IdentityApi;
import io.kratosflows.generated.model.CreateRecoveryCodeForIdentityBody;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code createRecoveryCodeForIdentity} ({@code POST /admin/recovery/code}): 201 the code, 404 no such identity. */
final class CreateRecoveryCodeForIdentityStep {

    private CreateRecoveryCodeForIdentityStep() {
    }

    static Optional<RecoveryCode> run(Calls calls, IdentityId id, Optional<Duration> expiresIn, Optional<String> flowType) {
        return outcome(calls.submit("create recovery code", operation(id, expiresIn, flowType)));
    }

    static IdentityApi.CreateRecoveryCodeForIdentityCall operation(IdentityId id, Optional<Duration> expiresIn,
                                                                   Optional<String> flowType) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(expiresIn, "expiresIn == null");
        if (!DisableMySessionStep.UUID.matcher(id.value()).matches()) {
            throw new InvalidInputException("createRecoveryCodeForIdentity", List.of("identity_id: must be a UUID"));
        }
        CreateRecoveryCodeForIdentityBody body = new CreateRecoveryCodeForIdentityBody();
        ModelProperties.set(body, "identity_id", id.value(), "createRecoveryCodeForIdentity"); // a UUID from v25 on, a string before
        expiresIn.ifPresent(d -> body.expiresIn(goDuration(d)));
        flowType.ifPresent(body::flowType);
        return IdentityApi.createRecoveryCodeForIdentity().body(body);
    }

    /** {@return the duration as Go writes it for Kratos, in whole seconds} */
    static String goDuration(Duration duration) {
        if (duration.isNegative() || duration.getSeconds() < 1) {
            throw new IllegalArgumentException("expiresIn must be at least one second, got " + duration);
        }
        return duration.getSeconds() + "s";
    }

    static Optional<RecoveryCode> outcome(KratosResponse response) {
        if (response.status() == 201) {
            return Optional.of(AdminReader.recoveryCode(response.json())
                    .orElseThrow(() -> response.unexpected("create recovery code answered without a code")));
        }
        if (response.status() == 404) {
            return Optional.empty();
        }
        throw response.failure("create recovery code");
    }
}
