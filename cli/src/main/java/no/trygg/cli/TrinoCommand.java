package no.trygg.cli;

import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.trino.AccessRules;
import no.trygg.publish.trino.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "trino", mixinStandardHelpOptions = true,
        description = {"A local, single-node Trino on 127.0.0.1 serving this warehouse's tables over SQL/JDBC.",
                "The first start downloads Trino " + no.trygg.publish.trino.TrinoDistribution.VERSION
                        + " and its Iceberg plugin from Maven Central into the download cache",
                "(trygg.cache.dir, ~0.5 GB, once) and needs a JDK 24+ beside Java 17 (found under /usr/lib/jvm,",
                "or set trygg.trino.java-home). Users: " + AccessRules.RESEARCHER + " (research and gold, read-only), "
                        + AccessRules.ANALYST + " (also silver and quality), " + AccessRules.DASHBOARDS
                        + " (Superset: research and the quality history), " + AccessRules.PIPELINE + " (admin)."},
        subcommands = {TrinoCommand.Start.class, TrinoCommand.Stop.class, TrinoCommand.Status.class, TrinoCommand.Bench.class})
final class TrinoCommand extends CommandGroup {

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Provision (first time), configure and start Trino; wait until it answers.")
    static final class Start implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            TryggConfig config = options.load();
            TrinoServer server = new TrinoServer(config, new Console()::line);
            server.start();
            System.out.println("JDBC URL:   " + server.jdbcUrl(AccessRules.RESEARCHER));
            System.out.println("Trino CLI:  java -jar trino-cli.jar --server " + server.httpUrl() + " --user " + AccessRules.RESEARCHER
                    + " --catalog " + config.catalogName() + " --schema research");
            System.out.println("Stop with:  bin/trygg trino stop" + (options.home == null ? "" : " --home " + options.home));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the Trino this home started (by its pid file).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            new TrinoServer(options.load(), new Console()::line).stop();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether this home's Trino runs and answers; exit 3 if not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            TrinoServer server = new TrinoServer(options.load(), s -> { });
            if (server.running() && server.answering()) {
                System.out.println("Trino runs (pid " + server.pid().orElseThrow() + ") at " + server.httpUrl());
                System.out.println("JDBC URL: " + server.jdbcUrl(AccessRules.RESEARCHER));
                return 0;
            }
            System.out.println(server.running() ? "Trino is starting or not answering (pid " + server.pid().orElseThrow() + ")"
                    : "Trino is not running");
            return 3;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Time the README's example queries over JDBC as the researcher user against the running Trino:",
                    "one warm-up, then --runs timed runs each; prints p50 and p95 in milliseconds."})
    static final class Bench implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @picocli.CommandLine.Option(names = "--runs", defaultValue = "20", description = "Timed runs per query (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws Exception {
            TrinoServer server = new TrinoServer(options.load(), s -> { });
            if (!server.answering()) throw new IllegalStateException("Trino is not running: start it with bin/trygg trino start");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl(AccessRules.RESEARCHER))) {
                System.out.printf("%-58s %6s %9s %9s%n", "query", "rows", "p50 ms", "p95 ms");
                for (no.trygg.publish.trino.ExampleQueries.Example e : no.trygg.publish.trino.ExampleQueries.ALL) {
                    long rows = rows(c, e.sql());
                    long[] ms = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        long t = System.nanoTime();
                        rows(c, e.sql());
                        ms[i] = (System.nanoTime() - t) / 1_000_000;
                    }
                    java.util.Arrays.sort(ms);
                    System.out.printf("%-58s %6d %9d %9d%n", e.question(), rows, ms[(int) Math.ceil(0.5 * runs) - 1],
                            ms[(int) Math.ceil(0.95 * runs) - 1]);
                }
            }
            return 0;
        }

        private static long rows(java.sql.Connection c, String sql) throws java.sql.SQLException {
            long n = 0;
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
                while (r.next()) n++;
            }
            return n;
        }
    }
}
