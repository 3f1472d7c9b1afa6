package com.midicenter.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code midicenter} command line. */
@Command(name = "midicenter", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "MIDI Software Center: import, analyse, search and preview huge MIDI libraries.",
        subcommands = {InfoCommand.class, GenerateCommand.class, DemoCommand.class, ImportCommand.class,
            TagCommand.class, FavCommand.class, RateCommand.class, CollectionCommand.class,
            AnalyzeCommand.class, WorkerCommand.class, SearchCommand.class, GuiCommand.class,
            DbCommand.class, StatsCommand.class, BenchCommand.class, SplitCommand.class,
            ExportCommand.class, DuplicatesCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code (0 success, 1 partial failure, 2 usage error, 3 failed,
     * 4 the database server stopped or cannot be reached: see {@link FailureMessage}).
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("midicenter: " + FailureMessage.of(e));
            return FailureMessage.exitCode(e);
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/midicenter-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"MIDI Software Center " + p.getProperty("version", "unknown")
                + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
