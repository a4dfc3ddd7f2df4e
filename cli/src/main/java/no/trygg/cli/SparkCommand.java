package no.trygg.cli;

import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.pipelines.cluster.MasterStatus;
import no.trygg.pipelines.cluster.SparkStandaloneCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"A Spark standalone cluster on 127.0.0.1 (one master, one worker, from Trygg's own class path), to run",
                "the jobs on a cluster instead of in local mode: bin/trygg run --set trygg.spark.master=spark://127.0.0.1:PORT.",
                "Ports, cores and memory: trygg.spark.cluster.master-port (17077), .master-web-port (18090),",
                ".worker-web-port (18091), .worker-cores (2), .worker-memory (2g). Logs and pid files: <home>/spark-cluster/."},
        subcommands = {SparkCommand.Start.class, SparkCommand.Stop.class, SparkCommand.Status.class})
final class SparkCommand extends CommandGroup {

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the master and a worker; wait until the worker has registered.")
    static final class Start implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            TryggConfig config = options.load();
            SparkStandaloneCluster cluster = new SparkStandaloneCluster(config, new Console()::line);
            cluster.start();
            String home = options.home == null ? "" : " --home " + options.home;
            System.out.println("Master URL: " + cluster.masterUrl() + "   (web UI " + cluster.webUrl() + ")");
            System.out.println("Run on it:  bin/trygg run" + home + " --set trygg.spark.master=" + cluster.masterUrl());
            System.out.println("            (or export TRYGG_SPARK_MASTER=" + cluster.masterUrl() + " for every command)");
            System.out.println("Stop with:  bin/trygg spark stop" + home);
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the worker (with its executors) and the master this home started, by their pid files.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            new SparkStandaloneCluster(options.load(), new Console()::line).stop();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether this home's cluster runs, with its workers and applications; exit 3 if not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            SparkStandaloneCluster cluster = new SparkStandaloneCluster(options.load(), s -> { });
            MasterStatus s = cluster.status().orElse(null);
            if (cluster.running() && s != null && s.ready()) {
                System.out.println("The Spark cluster runs at " + cluster.masterUrl() + " (master pid " + cluster.pid("master").orElseThrow()
                        + ", worker pid " + cluster.pid("worker").orElseThrow() + "), web UI " + cluster.webUrl());
                System.out.println("Workers alive: " + s.aliveWorkers() + ", " + s.cores() + " cores, " + s.memoryMb() + " MiB");
                System.out.println("Running applications: " + (s.activeApps().isEmpty() ? "none" : String.join(", ", s.activeApps())));
                System.out.println("Finished applications: " + s.completedApps().size());
                return 0;
            }
            System.out.println(cluster.running() || cluster.pid("master").isPresent()
                    ? "The Spark cluster is starting or not answering (logs in " + cluster.dir() + ")"
                    : "No Spark cluster is running for this home (start one with bin/trygg spark start)");
            return 3;
        }
    }
}
