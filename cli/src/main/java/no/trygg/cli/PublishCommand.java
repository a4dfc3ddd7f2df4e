package no.trygg.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.dashboards.DashboardDefinitions;
import no.trygg.publish.research.ResearchViews;
import no.trygg.publish.superset.PublishedTables;
import no.trygg.publish.superset.SupersetBundle;
import no.trygg.publish.superset.SupersetClient;
import no.trygg.publish.superset.SupersetPublisher;
import no.trygg.publish.superset.SupersetServer;
import no.trygg.publish.trino.AccessRules;
import no.trygg.publish.trino.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish the gold marts to a channel outside the warehouse.",
        subcommands = PublishCommand.Superset.class)
final class PublishCommand extends CommandGroup {

    @Command(name = "superset", mixinStandardHelpOptions = true,
            description = {"Create or update Trygg's dashboards in Apache Superset (6.x): the Trino connection, a dataset per",
                    "research view, every chart and dashboard defined in publish/src/main/resources/dashboards/.",
                    "Idempotent: publishing again updates in place (same UUIDs), never duplicates. Afterwards every",
                    "chart's query is run once through Superset, so a broken chart fails here.",
                    "Needs this home's Trino running (bin/trygg trino start). The password is read from " + SupersetServer.PASSWORD_ENV,
                    "or asked for; it is never taken from the command line."})
    static final class Superset implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Superset's address, e.g. http://127.0.0.1:18088.")
        String url;

        @Option(names = "--user", defaultValue = "admin", paramLabel = "NAME", description = "Superset user allowed to import (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--trino-uri", paramLabel = "URI",
                description = "How Superset reaches Trino, as an SQLAlchemy URI (default: trino://" + AccessRules.DASHBOARDS
                        + "@127.0.0.1:<trygg.trino.port>/<catalog>).")
        String trinoUri;

        @Override
        public Integer call() {
            Console console = new Console();
            TryggConfig config = options.load();
            TrinoServer trino = new TrinoServer(config, console::line);
            if (!trino.answering()) throw new IllegalStateException("Trino does not answer at " + trino.httpUrl()
                    + ": start it with bin/trygg trino start" + (options.home == null ? "" : " --home " + options.home));
            var tables = PublishedTables.read(trino.jdbcUrl(AccessRules.DASHBOARDS), List.of(ResearchViews.NAMESPACE, "quality"));
            console.line("Trino shows Superset's user " + tables.size() + " tables");
            String uri = trinoUri != null ? trinoUri
                    : "trino://" + AccessRules.DASHBOARDS + "@127.0.0.1:" + config.trino().port() + "/" + config.catalogName();
            SupersetClient client = SupersetClient.login(url, user, password());
            console.line("Logged in to Superset at " + url + " as " + user);
            var outcome = new SupersetPublisher(client, console::line).publish(DashboardDefinitions.load(), tables,
                    new SupersetBundle.Connection("Trygg (Trino " + config.catalogName() + ")", uri));
            console.line("Published " + outcome.dashboards() + " dashboards, " + outcome.charts() + " charts, " + outcome.datasets() + " datasets:");
            outcome.dashboardUrls().forEach(u -> System.out.println("  " + u));
            return 0;
        }

        private String password() {
            String env = System.getenv(SupersetServer.PASSWORD_ENV);
            if (env != null && !env.isEmpty()) return env;
            java.io.Console terminal = System.console();
            if (terminal == null) throw new IllegalStateException("No Superset password: set " + SupersetServer.PASSWORD_ENV + " (there is no terminal to ask on)");
            char[] pw = terminal.readPassword("Superset password for %s: ", user);
            if (pw == null || pw.length == 0) throw new IllegalStateException("No Superset password given");
            return new String(pw);
        }
    }
}
