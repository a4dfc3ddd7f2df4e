package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.gold.stats.UChart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The national monthly series for trend monitoring: a u-chart (rates with varying FTE) with 3-sigma limits
 * per month and Anhøj's run rules over the series, so "is the decline real?" has a statistical answer.
 * Built from the published rate mart only, so the chart cannot reveal a suppressed month.
 */
public final class NationalMonthly {

    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("incidents", DataTypes.LongType, false)
            .add("fte_years", DataTypes.DoubleType, false)
            .add("rate_per_100_fte", DataTypes.DoubleType, false)
            .add("centre_line_per_100_fte", DataTypes.DoubleType, false)
            .add("lower_limit_per_100_fte", DataTypes.DoubleType, false)
            .add("upper_limit_per_100_fte", DataTypes.DoubleType, false)
            .add("outside_limits", DataTypes.BooleanType, false)
            .add("longest_run", DataTypes.IntegerType, false)
            .add("longest_run_limit", DataTypes.IntegerType, false)
            .add("crossings", DataTypes.IntegerType, false)
            .add("crossings_limit", DataTypes.IntegerType, false)
            .add("run_signal", DataTypes.BooleanType, false);

    private NationalMonthly() {
    }

    public static Dataset<Row> of(Dataset<Row> rateMart) {
        List<Row> months = rateMart.filter(col(Periods.GRAIN).equalTo(Periods.MONTH)
                        .and(col(IncidentCells.BREAKDOWN).equalTo(Breakdown.of().name()))
                        .and(col(IncidentCells.INCIDENTS).isNotNull()).and(col(IncidentCells.FTE_YEARS).gt(0)))
                .orderBy(Periods.PERIOD).select(Periods.PERIOD, Periods.START, IncidentCells.INCIDENTS, IncidentCells.FTE_YEARS)
                .collectAsList();
        List<Row> out = new ArrayList<>();
        if (!months.isEmpty()) {
            long[] counts = months.stream().mapToLong(r -> r.getLong(2)).toArray();
            double[] exposure = months.stream().mapToDouble(r -> r.getDouble(3)).toArray();
            UChart.Chart chart = UChart.of(counts, exposure);
            for (int i = 0; i < months.size(); i++) {
                Row m = months.get(i);
                UChart.Point p = chart.points().get(i);
                out.add(RowFactory.create(m.getString(0), m.getDate(1), counts[i], exposure[i], 100 * p.rate(), 100 * chart.centre(),
                        100 * p.lower(), 100 * p.upper(), p.outside(), chart.longestRun(), chart.longestRunLimit(),
                        chart.crossings(), chart.crossingsLimit(), chart.runSignal()));
            }
        }
        return rateMart.sparkSession().createDataFrame(out, SCHEMA);
    }
}
