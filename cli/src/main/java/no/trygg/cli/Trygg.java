package no.trygg.cli;

import java.io.PrintWriter;
import no.trygg.jobs.TryggVersion;
import no.trygg.jobs.config.ConfigException;
import no.trygg.quality.QualityGateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of bin/trygg. */
@Command(name = "trygg", mixinStandardHelpOptions = true, versionProvider = Trygg.Version.class,
        description = {"Trygg: statistics on violence and threats against welfare-agency staff.",
                "Sources → bronze → silver on Apache Iceberg tables, with Spark.", ""},
        subcommands = {DemoCommand.class, GenerateCommand.class, RunCommand.class, QualityCommand.class, SqlCommand.class, StatusCommand.class,
                TrinoCommand.class, SupersetCommand.class, AirflowCommand.class, PublishCommand.class, DictionaryCommand.class, DashboardCommand.class,
                ReportCommand.class, ExportCommand.class, SparkCommand.class, BenchCommand.class, MaintainCommand.class, KeygenCommand.class, PrivacyCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 error, 2 wrong usage, 3 done but some source files were rejected,",
                "4 stopped by the quality gate (an Error-level check failed; nothing was published),",
                "5 personal data found (privacy scan), 6 another run holds the home's lock (nothing was done).",
                "Settings: defaults < <home>/trygg.properties or --config < TRYGG_* environment < --set key=value."})
public final class Trygg implements Runnable {

    public static final int REJECTED_FILES = 3;
    public static final int QUALITY_GATE_STOPPED = 4;
    /** Another run holds the home's lock: nothing was done, run again when it is finished. */
    public static final int HOME_LOCKED = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Trygg()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable root = e;
            if (e instanceof QualityGateException) {
                err.println("trygg: " + e.getMessage());
                err.flush();
                return QUALITY_GATE_STOPPED;
            }
            if (e instanceof no.trygg.jobs.warehouse.HomeLock.HeldException) {
                err.println("trygg: " + e.getMessage());
                err.flush();
                return HOME_LOCKED;
            }
            if (e instanceof ConfigException || e instanceof no.trygg.publish.server.ServiceException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                err.println("trygg: " + e.getMessage());
            } else {
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                err.println("trygg: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
                if (root != e) err.println("  caused by " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()));
                err.println("  (set TRYGG_DEBUG=1 for the stack trace)");
                if (System.getenv("TRYGG_DEBUG") != null) e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String line = s.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"trygg " + TryggVersion.get()};
        }
    }
}
