package dev.apimupgrade.cli;

import dev.apimupgrade.report.RulesDoc;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rules.DroolsRuleEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rules}: prints every condition with the rules that decide it, from the compiled rule base itself. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description =
                "List every condition of the catalogue and the rules that decide it (Markdown; docs/rules.md is this output: ./apim-upgrade rules > docs/rules.md).")
public final class RulesCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConditionCatalogue catalogue = ConditionCatalogue.load();
        spec.commandLine().getOut().print(RulesDoc.markdown(catalogue, new DroolsRuleEngine(catalogue).rules()));
        return ExitCode.READY;
    }
}
