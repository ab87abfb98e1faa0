package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final int MAX_STEPS = 12;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The email trait.")
    String email;

    @Option(names = "--trait", paramLabel = "NAME=VALUE", description = "Another trait, e.g. name.first=Ada (repeatable).")
    Map<String, String> traitOptions = new LinkedHashMap<>();

    @Option(names = "--method", paramLabel = "METHOD", description = "password, code or oidc (default: asked on a terminal).")
    String method;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--code", paramLabel = "CODE", description = "The registration code from the email (with --flow).")
    String code;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this registration flow (e.g. after a code was sent).")
    String flowId;

    @Option(names = "--provider", paramLabel = "ID", description = "The provider for --method oidc.")
    String provider;

    @Mixin
    TokenOutput tokens;

    @Override
    ExitCode run(CommandContext ctx) {
        ObjectNode json = Output.object().put("command", "register");
        RegistrationFlow flow = flowId != null ? kratos(ctx).registration().fetch(FlowId.of(flowId))
                : kratos(ctx).registration().start();
        json.put("flow", flow.id().value());
        ctx.out().line("Registration flow " + flow.id() + " (methods: " + String.join(", ", flow.methods()) + ")");
        Traits traits = traits(collectTraits(ctx, flow, false));
        RegistrationMethod payload;
        String chosen;
        if (isProfileStep(flow)) {
            payload = RegistrationMethod.Profile.submit(traits);
            chosen = "profile";
        } else {
            chosen = chooseMethod(ctx, flow);
            payload = payload(ctx, flow, chosen, traits, true);
        }
        int retries = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            RegistrationOutcome outcome = kratos(ctx).registration().submit(flow, payload);
            if (outcome instanceof RegistrationOutcome.Completed done) {
                return completed(ctx, done, json);
            } else if (outcome instanceof RegistrationOutcome.ChooseMethod choose) {
                flow = choose.flow();
                ctx.out().messages(flow.ui(), false);
                chosen = chooseMethod(ctx, flow);
                payload = payload(ctx, flow, chosen, traits, true);
            } else if (outcome instanceof RegistrationOutcome.NeedsInput needs) {
                flow = needs.flow();
                ctx.out().messages(flow.ui(), false);
                if (!ctx.interactive() || passwordStdin || ++retries >= 3) {
                    throw rejected("registration", flow.ui());
                }
                traits = traits(collectTraits(ctx, flow, true));
                payload = isProfileStep(flow) ? RegistrationMethod.Profile.submit(traits)
                        : payload(ctx, flow, chosen, traits, false);
            } else if (outcome instanceof RegistrationOutcome.CodeSent sent) {
                flow = sent.flow();
                ctx.out().messages(flow.ui(), false);
                if (!ctx.interactive()) {
                    ctx.out().line("Continue with: kratos-flows register --flow " + flow.id()
                            + " --method code --code CODE");
                    json.put("outcome", "code_sent").put("flow", flow.id().value());
                    ctx.out().result(json);
                    return ExitCode.OK;
                }
                payload = RegistrationMethod.Code.submit(traits, ctx.prompter().secret("Registration code from the email", true));
            } else if (outcome instanceof RegistrationOutcome.FlowExpired expired) {
                if (!ctx.interactive()) {
                    throw new CliException(ExitCode.FLOW_EXPIRED, "the registration flow expired: start again ("
                            + expired.error().summary() + ")");
                }
                flow = kratos(ctx).registration().restart(expired);
                ctx.out().line("The flow expired; continuing in flow " + flow.id());
                payload = isProfileStep(flow) ? RegistrationMethod.Profile.submit(traits)
                        : payload(ctx, flow, chosen, traits, false);
            } else if (outcome instanceof RegistrationOutcome.MethodUnavailable unavailable) {
                throw LoginCommand.unavailable(unavailable.method(), flow.methods());
            } else if (outcome instanceof RegistrationOutcome.TooManyAttempts) {
                throw new CliException(ExitCode.FLOW_EXPIRED, "too many wrong codes: start again to get a new code");
            } else {
                return LoginCommand.browserRequired(ctx,
                        ((RegistrationOutcome.BrowserRequired) outcome).redirectBrowserTo(), json);
            }
        }
        throw new CliException(ExitCode.UNEXPECTED_RESPONSE, "the registration did not finish after " + MAX_STEPS + " steps");
    }

    private ExitCode completed(CommandContext ctx, RegistrationOutcome.Completed done, ObjectNode json) {
        ctx.out().line("Registered: " + Describe.identity(done.identity()));
        json.put("outcome", "completed").set("identity", Describe.identityJson(done.identity()));
        done.session().ifPresent(s -> json.set("session", Describe.sessionJson(s)));
        if (done.token().isPresent()) {
            deliverToken(ctx, done.token().get(), tokens, json);
        } else {
            ctx.out().line("  no session was issued: sign in with 'kratos-flows login'");
        }
        done.verificationFlow().ifPresent(v -> {
            json.put("verification_flow", v.value());
            ctx.out().line("  a verification code was sent; verify with: kratos-flows verify --flow " + v + " --code CODE");
        });
        ctx.out().result(json);
        if (done.verificationFlow().isPresent() && ctx.interactive()) {
            verifyNow(ctx, done.verificationFlow().get());
        }
        return ExitCode.OK;
    }

    /** Registration succeeded whatever happens here; a wrong code only means "verify later". */
    private static void verifyNow(CommandContext ctx, FlowId verificationFlow) {
        Secret code = ctx.prompter().secret("Verification code from the email (blank to verify later)", false);
        if (code.isBlank()) {
            return;
        }
        VerificationFlow flow = kratos(ctx).verification().fetch(verificationFlow);
        VerificationOutcome outcome = kratos(ctx).verification().submit(flow, VerificationMethod.Code.submit(code));
        if (outcome instanceof VerificationOutcome.Verified verified) {
            ctx.out().messages(verified.flow().ui(), false);
            ctx.out().line("Verified.");
        } else if (outcome instanceof VerificationOutcome.InvalidCode invalid) {
            ctx.out().messages(invalid.flow().ui(), false);
            ctx.out().line("Not verified; try again with: kratos-flows verify --flow " + verificationFlow + " --code CODE");
        } else {
            ctx.out().line("Not verified (" + outcome.getClass().getSimpleName() + "); start again with: kratos-flows verify");
        }
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
        if (code != null && offered.contains("code")) {
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
                return new RegistrationMethod.Password(traits, secret(ctx, passwordStdin && first, "Password", "--password-stdin"));
            case "code":
                return code != null && first && flowId != null
                        ? RegistrationMethod.Code.submit(traits, Secret.of(code.strip()))
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
