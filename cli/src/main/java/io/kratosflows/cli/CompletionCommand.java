package io.kratosflows.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kratos-flows completion [bash|zsh]}: prints the shell completion script picocli generates
 * from the commands and options ({@link AutoComplete}). One script serves both shells: in zsh it
 * turns on zsh's bash-completion support itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class,
        sortOptions = false,
        description = {"Print a completion script for bash or zsh (commands, options, option values).",
            "Example: source <(kratos-flows completion)          (this shell only)",
            "         kratos-flows completion > ~/.local/share/bash-completion/completions/kratos-flows",
            "         kratos-flows completion zsh > \"${fpath[1]}/_kratos-flows\"   (then restart zsh)"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script is for. */
    enum Shell { BASH, ZSH }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash or zsh (default: ${DEFAULT-VALUE}); the script is the same for both.")
    Shell shell;

    @Override
    public Integer call() {
        KratosFlowsCli root = (KratosFlowsCli) spec.root().userObject();
        return root.execute(spec, ctx -> {
            String script = AutoComplete.bash("kratos-flows", spec.root().commandLine());
            ctx.out().requested(script.stripTrailing());
            ctx.data().put("shell", shell.name().toLowerCase(java.util.Locale.ROOT)).put("script", script);
            return ExitCode.OK;
        });
    }
}
