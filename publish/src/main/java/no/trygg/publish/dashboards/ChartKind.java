package no.trygg.publish.dashboards;

/** How a chart shows its rows; each kind maps to one Superset visualisation and one static SVG drawing. */
public enum ChartKind {
    /** Lines over an ordered x (a period), one per value column or per series; optional interval band and reference lines. */
    TREND,
    /** Bars per category with optional interval whiskers: comparing groups, never ordered by size (no ranking). */
    BARS,
    /** Funnel plot: observed against expected per unit, with limit lines; units stay anonymous points, not a list. */
    FUNNEL,
    /** The rows themselves, suppressed cells shown as ":". */
    TABLE
}
