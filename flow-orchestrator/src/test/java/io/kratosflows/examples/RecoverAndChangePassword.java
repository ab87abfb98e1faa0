package io.kratosflows.examples;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import java.util.function.Supplier;

/** The README's second example: recovery by code ending in a new password. Compiled and run by {@code ReadmeExamplesTest}. */
final class RecoverAndChangePassword {

    private RecoverAndChangePassword() {
    }

    static SettingsOutcome run(Kratos kratos, String email, Supplier<String> codeFromEmail, String newPassword) {
        SettingsOutcome result = null;
        // README:recovery:begin
        RecoveryFlow recovery = kratos.recovery().start();
        kratos.recovery().submit(recovery, RecoveryMethod.Code.request(email));        // CodeSent
        RecoveryOutcome outcome = kratos.recovery().submit(recovery, RecoveryMethod.Code.submit(Secret.of(codeFromEmail.get())));
        if (outcome instanceof RecoveryOutcome.Recovered recovered) {              // a wrong code is InvalidCode, not success
            SettingsFlow settings = kratos.settings().afterRecovery(recovered);
            result = kratos.settings().submit(settings, new SettingsMethod.Password(Secret.of(newPassword)));  // Saved
        }
        // README:recovery:end
        return result;
    }
}
