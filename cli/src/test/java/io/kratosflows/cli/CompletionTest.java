package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code kratos-flows completion}: a bash script (zsh runs it through bashcompinit) naming every command and option. */
class CompletionTest {

    @Test
    void theScriptCompletesCommandsAndOptions() {
        CliRun bash = CliRun.run("completion");
        assertEquals(0, bash.exitCode(), bash.toString());
        assertEquals("", bash.err(), bash.toString());
        assertTrue(bash.out().contains("complete -F _complete_kratos-flows"), bash.out());
        for (String word : new String[] {"demo", "login", "whoami", "token-exchange", "spec-diff", "completion",
            "--kratos-url", "--profile", "--password-stdin", "--code-stdin"}) {
            assertTrue(bash.out().contains(word), word + " in the script");
        }
    }

    @Test
    void zshGetsTheSameScriptWhichSetsUpBashCompletionItself() {
        CliRun zsh = CliRun.run("completion", "zsh");
        assertEquals(0, zsh.exitCode(), zsh.toString());
        assertEquals(CliRun.run("completion", "bash").out(), zsh.out());
        assertTrue(zsh.out().contains("bashcompinit"), zsh.out());
    }

    @Test
    void quietStillPrintsTheScript() {
        CliRun quiet = CliRun.run("completion", "--quiet");
        assertTrue(quiet.out().contains("complete -F"), quiet.toString());
    }
}
