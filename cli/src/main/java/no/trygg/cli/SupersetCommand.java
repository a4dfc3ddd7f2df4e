package no.trygg.cli;

import java.util.concurrent.Callable;
import no.trygg.publish.superset.SupersetServer;
import no.trygg.publish.superset.ViewerRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "superset", mixinStandardHelpOptions = true,
        description = {"A local Apache Superset 6.1.0 on 127.0.0.1 for this home's dashboards.",
                "The first start installs it with pip into a Python virtual environment in the download cache",
                "(trygg.cache.dir, ~1 GB, once; needs Python 3.10+, trygg.superset.python) and sets up <home>/superset.",
                "User " + SupersetServer.ADMIN + "; password from " + SupersetServer.PASSWORD_ENV
                        + " or generated into <home>/superset/admin-password."},
        subcommands = {SupersetCommand.Start.class, SupersetCommand.Stop.class, SupersetCommand.Status.class,
                SupersetCommand.AddViewer.class})
final class SupersetCommand extends CommandGroup {

    static void printLogin(SupersetServer server) {
        System.out.println("URL:        " + server.httpUrl());
        System.out.println("User:       " + SupersetServer.ADMIN);
        System.out.println("Password:   " + (System.getenv(SupersetServer.PASSWORD_ENV) != null
                ? "from " + SupersetServer.PASSWORD_ENV : "in " + server.adminPasswordFile()));
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Install (first time), set up and start Superset; wait until it answers.")
    static final class Start implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            SupersetServer server = new SupersetServer(options.load(), new Console()::line);
            server.start();
            printLogin(server);
            System.out.println("Stop with:  bin/trygg superset stop" + (options.home == null ? "" : " --home " + options.home));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the Superset this home started (by its pid file), workers included.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            new SupersetServer(options.load(), new Console()::line).stop();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether this home's Superset runs and answers; exit 3 if not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            SupersetServer server = new SupersetServer(options.load(), s -> { });
            if (server.running() && server.answering()) {
                System.out.println("Superset runs (pid " + server.pid().orElseThrow() + ")");
                printLogin(server);
                return 0;
            }
            System.out.println(server.running() ? "Superset is starting or not answering (pid " + server.pid().orElseThrow()
                    + "; log " + server.logFile() + ")" : "Superset is not running");
            return 3;
        }
    }

    @Command(name = "add-viewer", mixinStandardHelpOptions = true,
            description = {"Add a viewer: a Superset user with the role '" + ViewerRole.NAME + "', who sees the published dashboards",
                    "and their data and can change, export or query nothing else (no SQL Lab). Run again to set a new password.",
                    "The password comes from " + AddViewer.PASSWORD_ENV + ", never the command line."})
    static final class AddViewer implements Callable<Integer> {
        static final String PASSWORD_ENV = "TRYGG_SUPERSET_VIEWER_PASSWORD";

        @Mixin
        WarehouseOptions options;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The viewer's user name.")
        String user;

        @Override
        public Integer call() {
            String password = System.getenv(PASSWORD_ENV);
            if (password == null || password.length() < 12) {
                System.err.println("Set " + PASSWORD_ENV + " to the viewer's password (12 characters or more): it is not taken "
                        + "from the command line, where other users of the machine could read it.");
                return 2;
            }
            SupersetServer server = new SupersetServer(options.load(), new Console()::line);
            server.addViewer(user, password);
            System.out.println("Viewer " + user + " (role '" + ViewerRole.NAME + "') can log in at " + server.httpUrl());
            return 0;
        }
    }
}
