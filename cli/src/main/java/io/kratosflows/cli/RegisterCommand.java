package io.kratosflows.cli;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows register}: a native registration ({@code GET /self-service/registration/api},
 * {@code POST /self-service/registration?flow=}), one-step or two-step (profile first), by password
 * or code; on a terminal it offers to verify the address right away.
 */
@Command(name = "register", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Create an account (password or code) and keep the session token.",
            "Example: printf '%%s\\n' \"$PASSWORD\" | kratos-flows register --email ada@example.org --password-stdin --token-file ~/.kratos-token"})
final class RegisterCommand extends FlowCommand {

    @Option(names = "--email", paramLabel = "EMAIL", description = "The email trait.")
    String email;

    @Option(names = "--trait", paramLabel = "NAME=VALUE", description = "Another trait, e.g. name.first=Ada (repeatable).")
    Map<String, String> traitOptions = new LinkedHashMap<>();

    @Option(names = "--method", paramLabel = "METHOD", description = "password, code or oidc (default: asked on a terminal).")
    String method;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--code", paramLabel = "CODE",
            description = "The registration code from the email (with --flow). Visible to other users in the process"
                    + " list: prefer --code-stdin.")
    String code;

    @Option(names = "--code-stdin",
            description = "Read the registration code from standard input (with --flow, or when the code is sent).")
    boolean codeStdin;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this registration flow (e.g. after a code was sent).")
    String flowId;

    @Option(names = "--provider", paramLabel = "ID", description = "The provider for --method oidc.")
    String provider;

    @Mixin
    TokenOutput tokens;

    @Override
    ExitCode run(CommandContext ctx) {
        RegistrationFlow flow = flowId != null ? kratos(ctx).registration().fetch(FlowId.of(flowId))
                : kratos(ctx).registration().start();
        ctx.data().put("flow", flow.id().value());
        ctx.out().line("Registration flow " + flow.id() + " (methods: " + String.join(", ", flow.methods()) + ")");
        Follow follow = new Follow(ctx, flow, traits(collectTraits(ctx, flow, false)));
        RegistrationMethod payload;
        if (isProfileStep(flow)) {
            payload = RegistrationMethod.Profile.submit(follow.traits);
            follow.chosen = "profile";
        } else {
            follow.chosen = chooseMethod(ctx, flow);
            payload = payload(ctx, flow, follow.chosen, follow.traits, true);
        }
        follow(ctx, "registration", flow, payload, kratos(ctx).registration()::submit, outcome -> outcome.handle(follow));
        return ExitCode.OK;
    }

    /** What the registration does after each outcome: continue in the flow, or end (done or thrown). */
    private final class Follow implements RegistrationOutcome.Handler<Optional<Next<RegistrationFlow, RegistrationMethod>>> {

        private final CommandContext ctx;
        private RegistrationFlow current;
        private Traits traits;
        private String chosen;
        private int retries;

        Follow(CommandContext ctx, RegistrationFlow flow, Traits traits) {
            this.ctx = ctx;
            this.current = flow;
            this.traits = traits;
        }

        private Optional<Next<RegistrationFlow, RegistrationMethod>> next(RegistrationFlow flow, RegistrationMethod payload) {
            current = flow;
            return Optional.of(new Next<>(flow, payload));
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> completed(RegistrationOutcome.Completed done) {
            ctx.out().line("Registered: " + Describe.identity(done.identity()));
            ctx.data().set("identity", Describe.identityJson(done.identity()));
            done.session().ifPresent(s -> ctx.data().set("session", Describe.sessionJson(s)));
            if (done.token().isPresent()) {
                deliverToken(ctx, done.token().get(), tokens);
            } else {
                ctx.out().line("  no session was issued: sign in with 'kratos-flows login'");
            }
            done.verificationFlow().ifPresent(v -> {
                ctx.data().put("verification_flow", v.value());
                ctx.out().line("  a verification code was sent; verify with: kratos-flows verify --flow " + v + " --code-stdin");
            });
            if (done.verificationFlow().isPresent() && ctx.interactive()) {
                verifyNow(ctx, done.verificationFlow().get());
            }
            return Optional.empty();
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> needsInput(RegistrationOutcome.NeedsInput needs) {
            current = needs.flow();
            ctx.out().messages(current.ui(), false);
            if (!ctx.interactive() || passwordStdin || ++retries >= 3) {
                throw rejected("registration", current.ui());
            }
            traits = traits(collectTraits(ctx, current, true));
            return next(current, isProfileStep(current) ? RegistrationMethod.Profile.submit(traits)
                    : payload(ctx, current, chosen, traits, false));
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> codeSent(RegistrationOutcome.CodeSent sent) {
            current = sent.flow();
            ctx.out().messages(current.ui(), false);
            if (!ctx.interactive() && !codeStdin) {
                ctx.out().line("Continue with: kratos-flows register --flow " + current.id()
                        + " --method code --code-stdin");
                ctx.data().put("flow", current.id().value());
                return Optional.empty();
            }
            return next(current, RegistrationMethod.Code.submit(traits,
                    code(ctx, Optional.empty(), "Registration code from the email", "--code-stdin")));
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> chooseMethod(RegistrationOutcome.ChooseMethod choose) {
            current = choose.flow();
            ctx.out().messages(current.ui(), false);
            chosen = RegisterCommand.this.chooseMethod(ctx, current);
            return next(current, payload(ctx, current, chosen, traits, true));
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> flowExpired(RegistrationOutcome.FlowExpired expired) {
            if (!ctx.interactive()) {
                throw Outcomes.expired("registration", "expired (" + expired.error().summary() + ")", Optional.empty());
            }
            RegistrationFlow fresh = kratos(ctx).registration().restart(expired);
            ctx.out().line("The flow expired; continuing in flow " + fresh.id());
            return next(fresh, isProfileStep(fresh) ? RegistrationMethod.Profile.submit(traits)
                    : payload(ctx, fresh, chosen, traits, false));
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> browserRequired(RegistrationOutcome.BrowserRequired browser) {
            throw Outcomes.browserRequired(ctx, browser.redirectBrowserTo());
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> methodUnavailable(
                RegistrationOutcome.MethodUnavailable unavailable) {
            throw Outcomes.unavailable(unavailable.method(), current.methods());
        }

        @Override
        public Optional<Next<RegistrationFlow, RegistrationMethod>> tooManyAttempts(
                RegistrationOutcome.TooManyAttempts tooMany) {
            ctx.out().messages(tooMany.flow().ui(), false);
            throw Outcomes.tooManyAttempts(Optional.empty());
        }
    }

    /** Registration succeeded whatever happens here; a wrong code only means "verify later". */
    private static void verifyNow(CommandContext ctx, FlowId verificationFlow) {
        Secret code = ctx.prompter().secret("Verification code from the email (blank to verify later)", false);
        if (code.isBlank()) {
            return;
        }
        VerificationFlow flow = kratos(ctx).verification().fetch(verificationFlow);
        String later = "; verify later with: kratos-flows verify --flow " + verificationFlow + " --code-stdin";
        kratos(ctx).verification().submit(flow, VerificationMethod.Code.submit(code)).handle(new VerificationOutcome.Handler<Void>() {
            @Override
            public Void codeSent(VerificationOutcome.CodeSent sent) {
                ctx.out().line("Not verified: Kratos sent a new code instead" + later);
                return null;
            }

            @Override
            public Void invalidCode(VerificationOutcome.InvalidCode invalid) {
                ctx.out().messages(invalid.flow().ui(), false);
                ctx.out().line("Not verified" + later);
                return null;
            }

            @Override
            public Void verified(VerificationOutcome.Verified verified) {
                ctx.out().messages(verified.flow().ui(), false);
                ctx.out().line("Verified.");
                ctx.data().put("verified", true);
                return null;
            }

            @Override
            public Void needsInput(VerificationOutcome.NeedsInput needs) {
                ctx.out().messages(needs.flow().ui(), false);
                ctx.out().line("Not verified" + later);
                return null;
            }

            @Override
            public Void flowExpired(VerificationOutcome.FlowExpired expired) {
                ctx.out().line("Not verified: the verification flow expired; start again with: kratos-flows verify --email EMAIL");
                return null;
            }

            @Override
            public Void alreadyUsed(VerificationOutcome.AlreadyUsed used) {
                ctx.out().line("Not verified: the verification flow was already used; start again with: kratos-flows verify --email EMAIL");
                return null;
            }

            @Override
            public Void methodUnavailable(VerificationOutcome.MethodUnavailable unavailable) {
                ctx.out().line("Not verified: this Kratos does not verify by " + unavailable.method());
                return null;
            }

            @Override
            public Void tooManyAttempts(VerificationOutcome.TooManyAttempts tooMany) {
                ctx.out().line("Not verified: too many wrong codes; start again with: kratos-flows verify --email EMAIL");
                return null;
            }
        });
    }

    /** Two-step registration starts with only the profile button (plus social sign-up). */
    private static boolean isProfileStep(RegistrationFlow flow) {
        return methodLabel(flow.ui(), "profile").isPresent() && !flow.methods().contains("password")
                && !flow.methods().contains("code");
    }

    private Map<String, String> collectTraits(CommandContext ctx, RegistrationFlow flow, boolean again) {
        Map<String, String> known = new LinkedHashMap<>(again ? Map.of() : traitValues(flow.ui()));
        if (email != null && !again) {
            known.put("traits.email", email.strip());
        }
        traitOptions.forEach((k, v) -> known.put(k.startsWith("traits.") ? k : "traits." + k, v));
        if (ctx.interactive()) {
            Set<String> groups = Set.of("default", "profile");
            Map<String, String> asked = ctx.prompter().fill(flow.ui(), groups, again ? Map.of() : known,
                    Set.of("password", "identifier")).text();
            Map<String, String> traits = new LinkedHashMap<>();
            asked.forEach((k, v) -> {
                if (k.startsWith("traits.")) {
                    traits.put(k, v);
                }
            });
            return traits;
        }
        boolean emailRequired = flow.ui().node("traits.email").flatMap(n -> n.input())
                .map(i -> i.required()).orElse(false);
        if (emailRequired && !known.containsKey("traits.email")) {
            throw CliException.invalidInput("missing email: pass --email (or run on a terminal / with --interactive)");
        }
        return known;
    }

    private String chooseMethod(CommandContext ctx, RegistrationFlow flow) {
        List<String> offered = new ArrayList<>(flow.methods());
        offered.remove("profile");
        if (offered.isEmpty()) {
            throw CliException.invalidInput("registration flow " + flow.id() + " offers no sign-up method (this Kratos"
                    + " enables none for it)");
        }
        if (method != null) {
            if (!offered.contains(method)) {
                throw CliException.invalidInput("method '" + method + "' is not offered by this registration flow"
                        + " (offered: " + String.join(", ", offered) + ")");
            }
            return method;
        }
        if (passwordStdin && offered.contains("password")) {
            return "password";
        }
        if ((code != null || codeStdin) && offered.contains("code")) {
            return "code";
        }
        if (!ctx.interactive()) {
            throw CliException.invalidInput("choose a method with --method (offered: " + String.join(", ", offered)
                    + ") or pass --password-stdin");
        }
        List<Prompter.Choice<String>> choices = new ArrayList<>();
        for (String group : offered) {
            if (group.equals("oidc")) {
                LoginCommand.providers(flow.ui().nodes("oidc"))
                        .forEach(p -> choices.add(new Prompter.Choice<>(p.label(), "oidc:" + p.value())));
            } else if (group.equals("passkey") || group.equals("webauthn")) {
                choices.add(new Prompter.Choice<>(group + " (needs a browser)", group));
            } else {
                choices.add(new Prompter.Choice<>(methodLabel(flow.ui(), group).orElse(group) + " (" + group + ")", group));
            }
        }
        String picked = ctx.prompter().choose("How do you want to sign up", choices);
        if (picked.startsWith("oidc:")) {
            provider = picked.substring("oidc:".length());
            return "oidc";
        }
        return picked;
    }

    private RegistrationMethod payload(CommandContext ctx, RegistrationFlow flow, String chosen, Traits traits,
            boolean first) {
        switch (chosen) {
            case "password":
                return new RegistrationMethod.Password(traits, password(ctx, passwordStdin && first, "Password"));
            case "code":
                return (code != null || codeStdin) && first && flowId != null
                        ? RegistrationMethod.Code.submit(traits, code(ctx, Optional.ofNullable(code), "Registration code", "--code-stdin"))
                        : RegistrationMethod.Code.request(traits);
            case "oidc":
                if (provider == null) {
                    throw CliException.invalidInput("choose a provider with --provider");
                }
                return RegistrationMethod.Oidc.provider(provider);
            case "passkey":
            case "webauthn":
                throw new CliException(ExitCode.BROWSER_REQUIRED, chosen
                        + " sign-up needs a browser or a platform authenticator; choose another method");
            default:
                throw CliException.invalidInput("method '" + chosen + "' is not supported by this client"
                        + " (supported: password, code, oidc)");
        }
    }
}
