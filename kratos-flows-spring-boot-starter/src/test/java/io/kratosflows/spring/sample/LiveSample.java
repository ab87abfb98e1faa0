package io.kratosflows.spring.sample;

import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** What the live sample tests share: a native app on the class's Kratos and a client for the service. */
abstract class LiveSample {

    static NativeApp app;

    @Autowired
    private Environment environment;

    @BeforeAll
    static void app(KratosServer kratos) {
        app = new NativeApp(kratos);
    }

    @AfterAll
    static void closeApp() {
        app.close();
    }

    /** {@return a client for the running service} */
    Http http() {
        return new Http(environment.getProperty("local.server.port"));
    }
}
