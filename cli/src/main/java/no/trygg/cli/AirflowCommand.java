package no.trygg.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.trygg.publish.airflow.AirflowClient;
import no.trygg.publish.airflow.AirflowServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "airflow", mixinStandardHelpOptions = true,
        description = {"A local Apache Airflow 3.1.8 on 127.0.0.1 that runs this checkout's pipelines (trygg.airflow.dags-folder).",
                "The first start installs it with pip into a Python virtual environment in the download cache",
                "(trygg.cache.dir, once; Python 3.11, trygg.airflow.python) and creates <home>/airflow.",
                "User " + AirflowServer.ADMIN + "; password from " + AirflowServer.PASSWORD_ENV
                        + " or generated into <home>/airflow/admin-password."},
        subcommands = {AirflowCommand.Start.class, AirflowCommand.Stop.class, AirflowCommand.Status.class, AirflowCommand.Dags.class,
                AirflowCommand.Trigger.class, AirflowCommand.State.class, AirflowCommand.Logs.class, AirflowCommand.Backfill.class,
                AirflowCommand.Pause.class, AirflowCommand.Unpause.class})
final class AirflowCommand extends CommandGroup {

    private static final int LOG_TAIL = 40;

    static void printLogin(AirflowServer server) {
        System.out.println("URL:        " + server.httpUrl());
        System.out.println("User:       " + AirflowServer.ADMIN);
        System.out.println("Password:   " + (System.getenv(AirflowServer.PASSWORD_ENV) != null
                ? "from " + AirflowServer.PASSWORD_ENV : "in " + server.adminPasswordFile()));
        System.out.println("DAGs from:  " + server.dagsFolder());
        System.out.println("Logs:       " + server.logDir());
    }

    /** Prints the run's end; for a failed run the log tail of each failed task. Returns the exit code. */
    static int report(AirflowClient client, AirflowClient.DagRun run) {
        Console console = new Console();
        if ("success".equals(run.state())) {
            console.line("Run " + run.runId() + " of " + run.dagId() + " succeeded");
            return 0;
        }
        console.line("Run " + run.runId() + " of " + run.dagId() + " " + run.state());
        for (AirflowClient.TaskInstance t : client.taskInstances(run.dagId(), run.runId())) {
            if (!"failed".equals(t.state())) continue;
            List<String> lines = client.log(run.dagId(), run.runId(), t.taskId(), Math.max(1, t.tryNumber())).lines().toList();
            System.out.println("--- last lines of the log of failed task " + t.taskId() + " (try " + t.tryNumber() + ") ---");
            lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()).forEach(System.out::println);
            System.out.println("--- whole log: bin/trygg airflow logs " + run.dagId() + " " + run.runId() + " --task " + t.taskId());
        }
        return 1;
    }

    /** Options every command that talks to the running Airflow shares. */
    static class Connected {
        @Mixin
        WarehouseOptions options;

        AirflowClient client() {
            return new AirflowServer(options.load(), s -> { }).client();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Install (first time), set up and start Airflow; wait until it answers and has read the DAG files.")
    static final class Start implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            AirflowServer server = new AirflowServer(options.load(), new Console()::line);
            server.start();
            printLogin(server);
            System.out.println("Stop with:  bin/trygg airflow stop" + (options.home == null ? "" : " --home " + options.home));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the Airflow this home started (by its pid files), running tasks included.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            new AirflowServer(options.load(), new Console()::line).stop();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether this home's Airflow runs and is healthy; exit 3 if not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            AirflowServer server = new AirflowServer(options.load(), s -> { });
            Map<String, Long> pids = server.pids();
            var health = server.health();
            if (pids.isEmpty()) {
                System.out.println("Airflow is not running");
                return 3;
            }
            System.out.println("Airflow processes: " + pids);
            System.out.println("Health:            " + health.map(Object::toString).orElse("the API server does not answer"));
            printLogin(server);
            boolean healthy = server.running() && health.map(h -> h.values().stream().allMatch("healthy"::equals)).orElse(false);
            return healthy ? 0 : 3;
        }
    }

    @Command(name = "dags", mixinStandardHelpOptions = true, description = "List the DAGs Airflow has loaded, and the DAG files that failed to load.")
    static final class Dags extends Connected implements Callable<Integer> {
        @Override
        public Integer call() {
            AirflowClient client = client();
            client.dags().forEach(System.out::println);
            List<String> errors = client.importErrors();
            if (errors.isEmpty()) return 0;
            System.out.println("DAG files that failed to load:");
            errors.forEach(e -> System.out.println("  " + e.replace("\n", "\n    ")));
            return 1;
        }
    }

    @Command(name = "trigger", mixinStandardHelpOptions = true, description = "Start a run of a DAG now; with --wait follow it to the end.")
    static final class Trigger extends Connected implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A value of the run's conf (repeatable).")
        Map<String, String> conf = new LinkedHashMap<>();

        @Option(names = "--logical-date", paramLabel = "ISO", description = "The run's logical date (default: none).")
        String logicalDate;

        @Option(names = "--wait", description = "Follow the run, print task states as they change; on failure the failed tasks' log tails.")
        boolean wait;

        @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "120", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        long timeoutMinutes;

        @Override
        public Integer call() {
            AirflowClient client = client();
            String runId = client.trigger(dagId, new LinkedHashMap<>(conf), logicalDate);
            Console console = new Console();
            console.line("Triggered " + dagId + ": run " + runId);
            if (!wait) return 0;
            return report(client, client.waitFor(dagId, runId, Duration.ofMinutes(timeoutMinutes), console::line));
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true, description = "The state of a run and its tasks; exit 1 if it failed.")
    static final class State extends Connected implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Parameters(index = "1", paramLabel = "RUN")
        String runId;

        @Override
        public Integer call() {
            AirflowClient client = client();
            AirflowClient.DagRun run = client.run(dagId, runId);
            System.out.println(run.dagId() + " " + run.runId() + ": " + run.state() + " (started " + run.startDate() + ", ended " + run.endDate() + ")");
            for (AirflowClient.TaskInstance t : client.taskInstances(dagId, runId)) {
                System.out.printf("  %-30s %-16s try %d%n", t.taskId(), t.state(), t.tryNumber());
            }
            return "failed".equals(run.state()) ? 1 : 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the logs of a run's tasks (the latest try of each).")
    static final class Logs extends Connected implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Parameters(index = "1", paramLabel = "RUN")
        String runId;

        @Option(names = "--task", paramLabel = "TASK", description = "Only this task.")
        String task;

        @Override
        public Integer call() {
            AirflowClient client = client();
            for (AirflowClient.TaskInstance t : client.taskInstances(dagId, runId)) {
                if (task != null && !task.equals(t.taskId())) continue;
                System.out.println("=== " + t.taskId() + ": " + t.state() + ", try " + t.tryNumber() + " ===");
                System.out.println(t.tryNumber() == 0 ? "(not run yet)" : client.log(dagId, runId, t.taskId(), t.tryNumber()));
            }
            return 0;
        }
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = "Create runs for the DAG's scheduled days from --from to --to (both included; days with a run are skipped).")
    static final class Backfill extends Connected implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate to;

        @Option(names = "--wait", description = "Follow the backfill to the end; exit 1 if a run failed.")
        boolean wait;

        @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "240", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        long timeoutMinutes;

        @Override
        public Integer call() throws InterruptedException {
            AirflowClient client = client();
            Console console = new Console();
            AirflowClient.Backfill b = client.backfill(dagId, from, to);
            console.line("Backfill " + b.id() + " of " + dagId + " from " + b.fromDate() + " to " + b.toDate() + ": " + b.runs().size() + " runs");
            if (!wait) return 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
            Map<String, String> states = new LinkedHashMap<>();
            while (true) {
                b = client.backfillState(b.id());
                for (AirflowClient.DagRun r : b.runs()) {
                    if (!r.state().equals(states.put(r.runId(), r.state()))) console.line("  " + r.runId() + ": " + r.state());
                }
                boolean allDone = !b.runs().isEmpty() && b.runs().stream().allMatch(AirflowClient.DagRun::finished);
                if (b.completed() || allDone) break; // Airflow marks the backfill complete some 20 s after its last run
                if (System.nanoTime() > deadline) {
                    console.line("Backfill " + b.id() + " is not complete after " + timeoutMinutes + " min");
                    return 1;
                }
                Thread.sleep(3000);
            }
            console.line("Backfill " + b.id() + " complete: " + b.runs().size() + " runs");
            int code = 0;
            for (AirflowClient.DagRun r : b.runs()) {
                if (!"success".equals(r.state())) code = Math.max(code, report(client, r));
            }
            return code;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a DAG: no new runs are scheduled (queued runs wait).")
    static final class Pause extends Connected implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Override
        public Integer call() {
            client().pause(dagId, true);
            System.out.println(dagId + " paused");
            return 0;
        }
    }

    @Command(name = "unpause", mixinStandardHelpOptions = true, description = "Unpause a DAG: its schedule and queued runs go ahead.")
    static final class Unpause extends Connected implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Override
        public Integer call() {
            client().pause(dagId, false);
            System.out.println(dagId + " unpaused");
            return 0;
        }
    }
}
