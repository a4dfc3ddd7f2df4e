package no.trygg.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.trygg.quality.deequ.DeequAdapter;
import no.trygg.quality.history.ExportDates;
import no.trygg.quality.rules.AnomalyRule;
import org.junit.jupiter.api.Test;

class AnomalyAndExportDatesTest {

    static final List<Double> DAILY = List.of(5.0, 4.0, 6.0, 5.0, 3.0, 7.0, 5.0, 4.0);

    @Test
    void aDaysCountFarOutsideItsRecentRangeIsFlagged() {
        AnomalyRule.Strategy normal = new AnomalyRule.NormalRange(4.0);
        assertTrue(DeequAdapter.anomaly(normal, DAILY, 60.0).isPresent());
        assertFalse(DeequAdapter.anomaly(normal, DAILY, 7.0).isPresent());
        assertTrue(DeequAdapter.anomaly(normal, DAILY, -5.0).isPresent(), "a collapse is flagged too");
    }

    @Test
    void relativeAndAbsoluteChange() {
        AnomalyRule.Strategy size = new AnomalyRule.RelativeChange(0.9, 2.0);
        assertFalse(DeequAdapter.anomaly(size, List.of(1000.0), 1100.0).isPresent());
        assertTrue(DeequAdapter.anomaly(size, List.of(1000.0), 2500.0).isPresent());
        assertTrue(DeequAdapter.anomaly(size, List.of(1000.0), 800.0).isPresent(), "a table that shrinks lost rows");
        AnomalyRule.Strategy share = new AnomalyRule.AbsoluteChange(null, 0.05);
        assertFalse(DeequAdapter.anomaly(share, List.of(0.01, 0.012), 0.03).isPresent());
        assertTrue(DeequAdapter.anomaly(share, List.of(0.01, 0.012), 0.2).isPresent());
    }

    @Test
    void exportPeriodFromFileName() {
        assertEquals(Optional.of(LocalDate.of(2025, 3, 14)), ExportDates.periodEnd("incidents_2025-03-14.csv"));
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), ExportDates.periodEnd("office_register_2024-02.csv"));
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), ExportDates.periodEnd("staff_survey_2025.csv"));
        assertEquals(Optional.empty(), ExportDates.periodEnd("notes.txt"));
    }
}
