package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.generated.model.UpdateLoginFlowBody;
import io.kratosflows.generated.model.UpdateLoginFlowWithCodeMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithIdentifierFirstMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithLookupSecretMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithOidcMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithPasskeyMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithTotpMethod;
import io.kratosflows.login.LoginMethod;

/** Maps login methods to the generated request bodies: exactly the fields each method needs. */
final class LoginWire {

    private LoginWire() {
    }

    static UpdateLoginFlowBody body(LoginMethod method) {
        if (method instanceof LoginMethod.Password p) {
            return new UpdateLoginFlowWithPasswordMethod().method(p.method()).identifier(p.identifier())
                    .password(p.password().reveal());
        } else if (method instanceof LoginMethod.Code c) {
            UpdateLoginFlowWithCodeMethod body = new UpdateLoginFlowWithCodeMethod().method(c.method()).identifier(c.identifier());
            c.code().map(Secret::reveal).ifPresent(body::code);
            return c.resend() ? body.resend(c.method()) : body;
        } else if (method instanceof LoginMethod.Oidc o) {
            UpdateLoginFlowWithOidcMethod body = new UpdateLoginFlowWithOidcMethod().method(o.method()).provider(o.provider());
            o.idToken().map(Secret::reveal).ifPresent(body::idToken);
            o.idTokenNonce().ifPresent(body::idTokenNonce);
            return body;
        } else if (method instanceof LoginMethod.Passkey p) {
            return new UpdateLoginFlowWithPasskeyMethod().method(p.method()).passkeyLogin(p.assertionJson());
        } else if (method instanceof LoginMethod.Totp t) {
            return new UpdateLoginFlowWithTotpMethod().method(t.method()).totpCode(t.code().reveal());
        } else if (method instanceof LoginMethod.LookupSecret l) {
            return new UpdateLoginFlowWithLookupSecretMethod().method(l.method()).lookupSecret(l.code().reveal());
        }
        LoginMethod.IdentifierFirst i = (LoginMethod.IdentifierFirst) method;
        return new UpdateLoginFlowWithIdentifierFirstMethod().method(i.method()).identifier(i.identifier());
    }
}
