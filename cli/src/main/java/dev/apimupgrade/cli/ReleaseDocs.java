package dev.apimupgrade.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Writes, at build time, what the release archive carries besides the jar: the bash/zsh completion script picocli
 * generates from the commands, and one man page per command made from picocli's own help, so neither is written by
 * hand nor drifts from --help.
 */
public final class ReleaseDocs {
    private ReleaseDocs() {}

    /** {@code args[0]}: the folder to write completion/ and man/man1/ into. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        CommandLine cli = Main.commandLine(Map.of(), Colours.none());
        Path completion = Files.createDirectories(root.resolve("completion"));
        Files.writeString(
                completion.resolve(ToolVersion.NAME + "_completion"),
                AutoComplete.bash(ToolVersion.NAME, cli),
                StandardCharsets.UTF_8);
        Path man = Files.createDirectories(root.resolve("man/man1"));
        Files.writeString(man.resolve(ToolVersion.NAME + ".1"), page(ToolVersion.NAME, cli), StandardCharsets.UTF_8);
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            if (!sub.getKey().equals("help")) {
                String name = ToolVersion.NAME + "-" + sub.getKey();
                Files.writeString(man.resolve(name + ".1"), page(name, sub.getValue()), StandardCharsets.UTF_8);
            }
        }
    }

    /** A man page (troff) of one command: its name line, then its --help text as written, unfilled. */
    static String page(String name, CommandLine command) {
        String summary =
                String.join(" ", command.getCommandSpec().usageMessage().description());
        StringBuilder s = new StringBuilder()
                // no date: the same sources give the same pages
                .append(".TH \"")
                .append(name.toUpperCase(java.util.Locale.ROOT))
                .append("\" 1 \"\" \"")
                .append(ToolVersion.NAME)
                .append(' ')
                .append(ToolVersion.version())
                .append("\" \"User Commands\"\n")
                .append(".SH NAME\n")
                .append(name)
                .append(" \\- ")
                .append(escape(summary))
                .append('\n')
                .append(".SH SYNOPSIS AND OPTIONS\n.nf\n");
        command.getUsageMessage(Ansi.OFF)
                .lines()
                .forEach(line -> s.append(escape(line)).append('\n'));
        return s.append(".fi\n").toString();
    }

    /** troff: a backslash is written \e, and a line may not start with a dot or an apostrophe. */
    private static String escape(String line) {
        String text = line.replace("\\", "\\e");
        return text.startsWith(".") || text.startsWith("'") ? "\\&" + text : text;
    }
}
