package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.generated.model.UpdateRegistrationFlowBody;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithCodeMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithOidcMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithPasskeyMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithProfileMethod;
import io.kratosflows.registration.RegistrationMethod;

/** Maps registration methods to the generated request bodies. */
final class RegistrationWire {

    private RegistrationWire() {
    }

    static UpdateRegistrationFlowBody body(RegistrationMethod method) {
        if (method instanceof RegistrationMethod.Password p) {
            return new UpdateRegistrationFlowWithPasswordMethod().method(p.method()).traits(p.traits().json())
                    .password(p.password().reveal());
        } else if (method instanceof RegistrationMethod.Code c) {
            UpdateRegistrationFlowWithCodeMethod body = new UpdateRegistrationFlowWithCodeMethod().method(c.method())
                    .traits(c.traits().json());
            c.code().map(Secret::reveal).ifPresent(body::code);
            return c.resend() ? body.resend(c.method()) : body;
        } else if (method instanceof RegistrationMethod.Oidc o) {
            UpdateRegistrationFlowWithOidcMethod body = new UpdateRegistrationFlowWithOidcMethod().method(o.method())
                    .provider(o.provider());
            o.traits().map(Traits::json).ifPresent(body::traits);
            o.idToken().map(Secret::reveal).ifPresent(body::idToken);
            o.idTokenNonce().ifPresent(body::idTokenNonce);
            return body;
        } else if (method instanceof RegistrationMethod.Passkey p) {
            return new UpdateRegistrationFlowWithPasskeyMethod().method(p.method()).traits(p.traits().json())
                    .passkeyRegister(p.registrationJson());
        }
        RegistrationMethod.Profile p = (RegistrationMethod.Profile) method;
        UpdateRegistrationFlowWithProfileMethod body = new UpdateRegistrationFlowWithProfileMethod().method(p.method())
                .traits(p.traits().json());
        return p.back() ? body.screen(UpdateRegistrationFlowWithProfileMethod.ScreenEnum.PREVIOUS) : body;
    }
}
