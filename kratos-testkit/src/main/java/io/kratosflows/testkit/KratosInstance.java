package io.kratosflows.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kratos the tests talk to, started by the kit or already running, with its mailbox and admin
 * client. Kept in JUnit's root store, which closes it (stopping a started Kratos and its SMTP sink)
 * when the test run ends.
 */
final class KratosInstance implements AutoCloseable {

    private final URI publicUrl;
    private final URI adminUrl;
    private final KratosVersion version;
    private final Mailbox mail;
    private final KratosAdmin admin;
    private final Optional<Path> logFile;
    private final Runnable onClose;

    KratosInstance(URI publicUrl, URI adminUrl, KratosVersion version, Mailbox mail,
            KratosAdmin admin, Optional<Path> logFile, Runnable onClose) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.adminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
        this.version = Objects.requireNonNull(version, "version");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.logFile = Objects.requireNonNull(logFile, "logFile");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** A Kratos someone else runs: nothing to stop, no SMTP sink (codes come from the courier queue). */
    static KratosInstance external(URI publicUrl, URI adminUrl) {
        KratosAdmin admin = KratosAdmin.connect(adminUrl);
        Mailbox mail = new Mailbox(Optional.empty(), address -> admin.courierMessages(address)
                .stream().map(CourierMessage::toMailMessage).toList());
        return new KratosInstance(publicUrl, adminUrl, admin.version(), mail, admin,
                Optional.empty(), () -> { });
    }

    URI publicUrl() {
        return publicUrl;
    }

    URI adminUrl() {
        return adminUrl;
    }

    KratosVersion version() {
        return version;
    }

    Mailbox mail() {
        return mail;
    }

    KratosAdmin admin() {
        return admin;
    }

    Optional<Path> logFile() {
        return logFile;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
