package no.trygg.quality.deequ;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilder;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.DetectionResult;
import com.amazon.deequ.anomalydetection.BatchNormalStrategy;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.constraints.ConstraintStatus;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.suggestions.ConstraintSuggestion;
import com.amazon.deequ.suggestions.ConstraintSuggestionRunner;
import com.amazon.deequ.suggestions.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trygg.quality.rules.AnomalyRule;
import no.trygg.quality.rules.Level;
import no.trygg.quality.rules.Rule;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Function1;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The only class that touches Deequ's Scala API. Everything else speaks {@link Rule}, {@link AnomalyRule}
 * and the plain Java records below.
 */
public final class DeequAdapter {

    /** One rule's verdict. {@code observed} is null when Deequ could not compute the metric (see message). */
    public record Outcome(Rule rule, boolean passed, Double observed, String message) {
    }

    /** One metric Deequ computed, flattened the way its metrics repositories store them. */
    public record MetricValue(String entity, String instance, String name, double value) {
    }

    public record Verification(List<Outcome> outcomes, List<MetricValue> metrics) {
    }

    /** A Deequ suggestion with the column and the numbers parsed out of it. */
    public record Suggestion(String column, String deequRule, String description, String deequCode) {
    }

    private DeequAdapter() {
    }

    /** Runs every rule over {@code data} in one Deequ verification (one scan for all of them). */
    public static Verification verify(Dataset<Row> data, List<Rule> rules) {
        Map<Rule, Check> checks = new LinkedHashMap<>();
        VerificationRunBuilder run = new VerificationSuite().onData(data);
        for (Rule rule : rules) {
            Check check = toCheck(rule);
            checks.put(rule, check);
            run = run.addCheck(check);
        }
        VerificationResult result = run.run();
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<Rule, Check> e : checks.entrySet()) {
            CheckResult cr = result.checkResults().get(e.getValue()).get();
            ConstraintResult c = cr.constraintResults().head();
            Double observed = null;
            String message = c.message().isDefined() ? c.message().get() : null;
            if (c.metric().isDefined()) {
                Metric<?> m = c.metric().get();
                if (m.value().isSuccess() && m.value().get() instanceof Number n) {
                    observed = n.doubleValue();
                } else if (m.value().isFailure()) {
                    message = m.value().failed().get().getMessage();
                }
            }
            outcomes.add(new Outcome(e.getKey(), c.status() == ConstraintStatus.Success(), observed, message));
        }
        List<MetricValue> metrics = new ArrayList<>();
        for (Metric<?> m : JavaConverters.asJavaCollection(result.metrics().values())) {
            for (DoubleMetric d : JavaConverters.seqAsJavaList(m.flatten())) {
                if (d.value().isSuccess()) {
                    metrics.add(new MetricValue(d.entity().toString(), d.instance(), d.name(), (Double) d.value().get()));
                }
            }
        }
        return new Verification(outcomes, metrics);
    }

    private static Check toCheck(Rule rule) {
        Check check = new Check(rule.level() == Level.ERROR ? CheckLevel.Error() : CheckLevel.Warning(), rule.describe(),
                seq(List.of()));
        Function1<Object, Object> assertion = v -> rule.passes(((Number) v).doubleValue());
        Option<String> none = Option.empty();
        // Java 17 has no pattern switch; the sealed Rule keeps this list complete.
        if (rule instanceof Rule.Complete r) return check.hasCompleteness(r.column(), assertion, none, Option.empty());
        if (rule instanceof Rule.Unique r) return check.hasUniqueness(seq(r.columns()), assertion, none, Option.empty());
        if (rule instanceof Rule.InCodeList r) {
            return check.isContainedIn(r.column(), r.codes().toArray(String[]::new), assertion, none, Option.empty());
        }
        if (rule instanceof Rule.InRange r) return satisfies(check, r.sql(), r.describe(), assertion);
        if (rule instanceof Rule.NotInFuture r) return satisfies(check, r.helperColumn(), r.describe(), assertion);
        if (rule instanceof Rule.OfficeValidAt r) return satisfies(check, Rule.OfficeValidAt.HELPER, r.describe(), assertion);
        if (rule instanceof Rule.Fresh) return check.hasMax(Rule.Fresh.HELPER, assertion, none, Option.empty());
        if (rule instanceof Rule.Volume) return check.hasSize(assertion, none);
        throw new IllegalArgumentException("No Deequ constraint for " + rule);
    }

    private static Check satisfies(Check check, String sql, String name, Function1<Object, Object> assertion) {
        return check.satisfies(sql, name, assertion, Option.empty(), scala.collection.immutable.List$.MODULE$.empty(), Option.empty());
    }

    /**
     * Whether {@code newest} is anomalous given the earlier values of the same metric, oldest first.
     * Returns Deequ's explanation when it is.
     */
    public static Optional<String> anomaly(AnomalyRule.Strategy strategy, List<Double> history, double newest) {
        List<DataPoint<Object>> points = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            points.add(new DataPoint<>(i, Option.apply(history.get(i))));
        }
        DetectionResult r = new AnomalyDetector(strategy(strategy))
                .isNewPointAnomalous(seq(points), new DataPoint<>(history.size(), Option.apply(newest)));
        if (r.anomalies().isEmpty()) return Optional.empty();
        Option<String> detail = r.anomalies().head()._2().detail();
        return Optional.of(detail.isDefined() ? detail.get() : "anomalous value " + newest);
    }

    private static AnomalyDetectionStrategy strategy(AnomalyRule.Strategy s) {
        if (s instanceof AnomalyRule.NormalRange n) {
            // Batch, not online: the mean and deviation come from the earlier values only, so one spike cannot hide itself.
            return new BatchNormalStrategy(option(n.deviations()), option(n.deviations()), false);
        }
        if (s instanceof AnomalyRule.RelativeChange c) {
            return new RelativeRateOfChangeStrategy(option(c.maxDecrease()), option(c.maxIncrease()), 1);
        }
        if (s instanceof AnomalyRule.AbsoluteChange c) {
            return new AbsoluteChangeStrategy(option(c.maxDecrease()), option(c.maxIncrease()), 1);
        }
        throw new IllegalArgumentException("No Deequ strategy for " + s);
    }

    /** Runs Deequ's constraint suggestion with its default rules plus the uniqueness rule (Rules.COMMON). */
    public static List<Suggestion> suggest(Dataset<Row> data) {
        var result = new ConstraintSuggestionRunner().onData(data).addConstraintRules(Rules.DEFAULT())
                .addConstraintRules(Rules.COMMON()).run();
        List<Suggestion> out = new ArrayList<>();
        Map<String, Seq<ConstraintSuggestion>> byColumn = JavaConverters.mapAsJavaMap(result.constraintSuggestions());
        for (Map.Entry<String, Seq<ConstraintSuggestion>> e : byColumn.entrySet()) {
            for (ConstraintSuggestion s : JavaConverters.seqAsJavaList(e.getValue())) {
                out.add(new Suggestion(s.columnName(), s.suggestingRule().getClass().getSimpleName(), s.description(),
                        s.codeForConstraint()));
            }
        }
        return out;
    }

    private static Option<Object> option(Double d) {
        return d == null ? Option.empty() : Option.apply(d);
    }

    private static <T> Seq<T> seq(List<T> list) {
        return JavaConverters.asScalaBuffer(new ArrayList<>(list)).toSeq();
    }
}
