package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.generated.model.UpdateSettingsFlowBody;
import io.kratosflows.generated.model.UpdateSettingsFlowWithLookupMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithOidcMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithPasskeyMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithProfileMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithTotpMethod;
import io.kratosflows.settings.SettingsMethod;

/** Maps settings methods to the generated request bodies; only the pressed action is sent. */
final class SettingsWire {

    private SettingsWire() {
    }

    static UpdateSettingsFlowBody body(SettingsMethod method, String csrfToken) {
        if (method instanceof SettingsMethod.Profile p) {
            return new UpdateSettingsFlowWithProfileMethod().method(p.method()).traits(p.traits().json()).csrfToken(csrfToken);
        } else if (method instanceof SettingsMethod.Password p) {
            return new UpdateSettingsFlowWithPasswordMethod().method(p.method()).password(p.password().reveal()).csrfToken(csrfToken);
        } else if (method instanceof SettingsMethod.Totp t) {
            UpdateSettingsFlowWithTotpMethod body = new UpdateSettingsFlowWithTotpMethod().method(t.method()).csrfToken(csrfToken);
            t.code().map(Secret::reveal).ifPresent(body::totpCode);
            return t.unlink() ? body.totpUnlink(true) : body;
        } else if (method instanceof SettingsMethod.LookupSecret l) {
            UpdateSettingsFlowWithLookupMethod body = new UpdateSettingsFlowWithLookupMethod().method(l.method()).csrfToken(csrfToken);
            return switch (l.action()) {
                case REVEAL -> body.lookupSecretReveal(true);
                case REGENERATE -> body.lookupSecretRegenerate(true);
                case CONFIRM -> body.lookupSecretConfirm(true);
                case DISABLE -> body.lookupSecretDisable(true);
            };
        } else if (method instanceof SettingsMethod.Passkey p) {
            UpdateSettingsFlowWithPasskeyMethod body = new UpdateSettingsFlowWithPasskeyMethod().method(p.method()).csrfToken(csrfToken);
            p.register().ifPresent(body::passkeySettingsRegister);
            p.remove().ifPresent(body::passkeyRemove);
            return body;
        }
        SettingsMethod.Oidc o = (SettingsMethod.Oidc) method;
        UpdateSettingsFlowWithOidcMethod body = new UpdateSettingsFlowWithOidcMethod().method(o.method());
        return o.unlink() ? body.unlink(o.provider()) : body.link(o.provider());
    }
}
