package io.kratosflows.examples;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.session.WhoamiOutcome;

/** The README's quick start, compiled and run by {@code ReadmeExamplesTest}. Lines between the markers are the README's. */
final class QuickStart {

    private QuickStart() {
    }

    static WhoamiOutcome run(String kratosUrl, String email, String password) {
        WhoamiOutcome me = null;
        // README:quick-start:begin
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(kratosUrl).build())) {
            RegistrationFlow signUp = kratos.registration().start();
            kratos.registration().submit(signUp, new RegistrationMethod.Password(Traits.email(email), Secret.of(password)));
            LoginFlow flow = kratos.login().start();
            LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password(email, Secret.of(password)));
            if (outcome instanceof LoginOutcome.Completed done) {
                me = kratos.sessions().whoami(done.token());   // WhoamiOutcome.Active with the session
                kratos.sessions().logout(done.token());
            } else {
                System.out.println("Login needs more: " + outcome); // NeedsInput, SecondFactorRequired, ...
            }
        }
        // README:quick-start:end
        return me;
    }
}
