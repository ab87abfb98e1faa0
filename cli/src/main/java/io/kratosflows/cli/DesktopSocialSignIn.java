package io.kratosflows.cli;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows login --method oidc} on a desktop: the whole native social sign-in in one
 * command. It starts a {@link LoopbackRedirectReceiver}, starts a native login flow that asks for a
 * session token exchange code and returns to the receiver, submits {@code oidc}, prints the
 * provider's URL (and opens it when asked or when a desktop is present), waits for the browser to
 * come back with {@code ?code=}, exchanges both codes for the session token
 * ({@code GET /sessions/token-exchange}) and keeps it like every other login.
 *
 * <p>Kratos must allow the receiver as a return URL: {@code selfservice.allowed_return_urls}
 * compares scheme, host <em>and port</em>, so use a fixed port ({@code --callback-port}, default
 * {@value #DEFAULT_PORT}) and allow {@code http://127.0.0.1:<port>/callback}.
 */
final class DesktopSocialSignIn {

    static final int DEFAULT_PORT = 8252;

    /** The options of the desktop ceremony, mixed into {@code login}. */
    static final class Options {

        @Option(names = "--callback-port", paramLabel = "PORT",
                description = "Port of the loopback redirect receiver for --method oidc (default: " + DEFAULT_PORT
                        + "; Kratos must allow http://127.0.0.1:PORT/callback).")
        Integer callbackPort;

        @Option(names = "--open", negatable = true,
                description = "Open the sign-in URL in the desktop browser (default: when a desktop is present).")
        Boolean open;

        @Option(names = "--browser-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long to wait for the browser to come back (default: 5m).")
        Duration browserTimeout;

        /** Whether to run the ceremony here: on a terminal, or when a receiver option was given. */
        boolean wanted(CommandContext ctx) {
            return ctx.interactive() || callbackPort != null || Boolean.TRUE.equals(open);
        }
    }

    private DesktopSocialSignIn() {
    }

    static ExitCode run(CommandContext ctx, Kratos kratos, Optional<String> provider, Options options, TokenOutput tokens) {
        int port = options.callbackPort != null ? options.callbackPort : DEFAULT_PORT;
        Duration timeout = options.browserTimeout != null ? options.browserTimeout : Duration.ofMinutes(5);
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(port)) {
            LoginFlow flow = start(kratos, receiver.redirectUri());
            Secret initCode = flow.sessionTokenExchangeCode().orElseThrow(() -> new CliException(
                    ExitCode.UNEXPECTED_RESPONSE, "Kratos sent no session token exchange code for login flow " + flow.id()));
            String chosen = provider.orElseGet(() -> choose(ctx, flow));
            ctx.data().put("flow", flow.id().value()).put("provider", chosen);
            String url = ctx.answered(kratos.login().submit(flow, LoginMethod.Oidc.provider(chosen))).handle(handOver(flow));
            String prompt = "Sign in with " + chosen + " in your browser: open " + url;
            if (ctx.out().json()) {
                // stdout carries only the JSON result; the person still needs the URL.
                ctx.terminal().err().println(prompt);
                ctx.terminal().err().flush();
            } else {
                ctx.out().requested(prompt);
            }
            ctx.data().put("redirect_browser_to", url);
            if (shouldOpen(options)) {
                open(ctx, url);
            }
            ctx.out().line("Waiting up to " + timeout.toSeconds() + " s for the browser to return to " + receiver.redirectUri());
            Map<String, String> back = receiver.await(timeout).orElseThrow(() -> new CliException(ExitCode.BROWSER_REQUIRED,
                    "the browser did not return to " + receiver.redirectUri() + " within " + timeout.toSeconds() + " s"));
            return finish(ctx, kratos, flow, initCode, back, tokens);
        }
    }

    /** The provider's URL from the oidc submission: a browser hand-over is the only way on. */
    private static LoginOutcome.Handler<String> handOver(LoginFlow flow) {
        String what = "Kratos did not hand social sign-in over to a browser";
        return new LoginOutcome.Handler<>() {
            @Override
            public String completed(LoginOutcome.Completed completed) {
                throw Outcomes.unexpected(what, completed);
            }

            @Override
            public String needsInput(LoginOutcome.NeedsInput needs) {
                throw FlowCommand.rejected("social sign-in", needs.flow().ui());
            }

            @Override
            public String codeSent(LoginOutcome.CodeSent sent) {
                throw Outcomes.unexpected(what, sent);
            }

            @Override
            public String secondFactorRequired(LoginOutcome.SecondFactorRequired second) {
                throw Outcomes.unexpected(what, second);
            }

            @Override
            public String flowExpired(LoginOutcome.FlowExpired expired) {
                throw Outcomes.expired("login", "expired", Optional.empty());
            }

            @Override
            public String browserRequired(LoginOutcome.BrowserRequired browser) {
                return browser.redirectBrowserTo();
            }

            @Override
            public String verificationRequired(LoginOutcome.VerificationRequired unverified) {
                throw CliException.authFailed("the address is not verified yet; verify it first");
            }

            @Override
            public String methodUnavailable(LoginOutcome.MethodUnavailable unavailable) {
                throw Outcomes.unavailable(unavailable.method(), flow.methods());
            }

            @Override
            public String tooManyAttempts(LoginOutcome.TooManyAttempts tooMany) {
                throw Outcomes.unexpected(what, tooMany);
            }

            @Override
            public String identityDisabled(LoginOutcome.IdentityDisabled disabled) {
                throw Outcomes.identityDisabled();
            }
        };
    }

    private static LoginFlow start(Kratos kratos, String returnTo) {
        try {
            return kratos.login().start(LoginOptions.defaults().withSessionTokenExchangeCode().withReturnTo(returnTo));
        } catch (KratosErrorException e) {
            if (e.status() == 400 && e.error().reason().orElse("").contains("return_to")) {
                throw CliException.invalidInput("Kratos does not allow " + returnTo + " as a return URL: add it to"
                        + " selfservice.allowed_return_urls (or choose an allowed port with --callback-port)");
            }
            throw e;
        }
    }

    private static ExitCode finish(CommandContext ctx, Kratos kratos, LoginFlow flow, Secret initCode,
                                   Map<String, String> back, TokenOutput tokens) {
        String code = back.get("code");
        if (code == null || code.isBlank()) {
            if (back.containsKey("flow")) {
                // Kratos's login-and-link: the address belongs to an existing account.
                throw CliException.authFailed("this address already has an account: sign in to it to link the provider"
                        + " (kratos-flows login --flow " + back.get("flow") + ")");
            }
            LoginFlow after = kratos.login().fetch(flow.id());
            ctx.out().messages(after.ui(), false);
            throw CliException.authFailed("social sign-in did not complete"
                    + after.ui().allMessages().stream().findFirst().map(m -> ": " + m.text()).orElse(""));
        }
        TokenExchangeOutcome exchanged = ctx.answered(kratos.sessions().exchangeToken(initCode, Secret.of(code)));
        return exchanged.handle(new TokenExchangeOutcome.Handler<>() {
            @Override
            public ExitCode exchanged(TokenExchangeOutcome.Exchanged done) {
                ctx.out().line("Signed in: " + Describe.session(done.session()));
                ctx.data().set("session", Describe.sessionJson(done.session()));
                FlowCommand.deliverToken(ctx, done.token(), tokens);
                return ExitCode.OK;
            }

            @Override
            public ExitCode rejected(TokenExchangeOutcome.Rejected rejected) {
                throw CliException.authFailed("Kratos refused the exchange codes: " + rejected.error().summary());
            }

            @Override
            public ExitCode loginFailed(TokenExchangeOutcome.LoginFailed failed) {
                ctx.out().messages(failed.flow().ui(), false);
                throw CliException.authFailed(FlowCommand.rejected("social sign-in", failed.flow().ui()).getMessage());
            }

            @Override
            public ExitCode registrationFailed(TokenExchangeOutcome.RegistrationFailed failed) {
                ctx.out().messages(failed.flow().ui(), false);
                throw CliException.authFailed(FlowCommand.rejected("social sign-up", failed.flow().ui()).getMessage());
            }
        });
    }

    private static String choose(CommandContext ctx, LoginFlow flow) {
        List<Prompter.Choice<String>> providers = LoginCommand.providerButtons(flow);
        if (providers.size() == 1 || (ctx.interactive() && !providers.isEmpty())) {
            return ctx.prompter().choose("Provider", providers);
        }
        throw CliException.invalidInput(providers.isEmpty() ? "this Kratos offers no social sign-in provider"
                : "choose a provider with --provider (offered: "
                        + String.join(", ", providers.stream().map(Prompter.Choice::value).toList()) + ")");
    }

    private static boolean shouldOpen(Options options) {
        return options.open != null ? options.open : desktopPresent();
    }

    private static boolean desktopPresent() {
        return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
    }

    private static void open(CommandContext ctx, String url) {
        try {
            if (!desktopPresent()) {
                ctx.out().warn("no desktop browser to open here: open the URL yourself");
                return;
            }
            Desktop.getDesktop().browse(URI.create(url));
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            ctx.out().warn("could not open a browser (" + e.getClass().getSimpleName() + "): open the URL yourself");
        }
    }
}
