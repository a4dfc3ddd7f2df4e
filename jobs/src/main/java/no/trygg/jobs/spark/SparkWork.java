package no.trygg.jobs.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * Counts the Spark jobs and SQL executions a piece of work starts. The pipeline's cost is mostly a fixed price per
 * query (analysis, code generation, scheduling), not rows, so the count per step shows what a change costs.
 * Spark reports to listeners asynchronously: a count read right after a step may miss its last few events
 * (they go to the next step), which is why {@link #counts()} first waits briefly for the bus to drain.
 */
public final class SparkWork implements AutoCloseable {

    /** What a step started. */
    public record Counts(long jobs, long sqlExecutions) {
        public Counts minus(Counts earlier) {
            return new Counts(jobs - earlier.jobs, sqlExecutions - earlier.sqlExecutions);
        }
    }

    private final SparkContext context;
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong sql = new AtomicLong();
    private final AtomicLong lastEvent = new AtomicLong(System.nanoTime());
    private final SparkListener listener = new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            jobs.incrementAndGet();
            lastEvent.set(System.nanoTime());
        }

        @Override
        public void onOtherEvent(SparkListenerEvent event) {
            if (event instanceof SparkListenerSQLExecutionStart) sql.incrementAndGet();
            lastEvent.set(System.nanoTime());
        }
    };

    private SparkWork(SparkContext context) {
        this.context = context;
        context.addSparkListener(listener);
    }

    /** Starts counting on {@code context}; close to stop. */
    public static SparkWork count(SparkContext context) {
        return new SparkWork(context);
    }

    /** The totals so far, after the listener has been quiet for 50 ms (at most 1 s of waiting). */
    public Counts counts() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() - lastEvent.get() < 50_000_000L && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Counts(jobs.get(), sql.get());
    }

    @Override
    public void close() {
        context.removeSparkListener(listener);
    }
}
