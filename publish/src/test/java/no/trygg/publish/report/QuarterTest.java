package no.trygg.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void parsesTheMartsFormAndNamesItsMonths() {
        Quarter q = Quarter.parse("2025Q3");
        assertEquals(new Quarter(2025, 3), q);
        assertEquals(q, Quarter.parse(" 2025-q3 "));
        assertEquals("2025Q3", q.id());
        assertEquals(new Quarter(2024, 3), q.sameQuarterLastYear());
        assertEquals(new Quarter(2024, 4), new Quarter(2025, 1).previous());
        assertEquals(LocalDate.of(2025, 7, 1), q.start());
        assertEquals(LocalDate.of(2025, 9, 30), q.end());
        assertEquals(List.of("2025-07", "2025-08", "2025-09"), q.monthsEndingHere(3));
        List<String> twelve = new Quarter(2025, 1).monthsEndingHere(12);
        assertEquals("2024-04", twelve.get(0));
        assertEquals("2025-03", twelve.get(11));
        assertEquals(q, Quarter.of(LocalDate.of(2025, 8, 15)));
        assertTrue(q.compareTo(new Quarter(2025, 4)) < 0);
    }

    @Test
    void rejectsWhatIsNotAQuarterInPlainWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarter.parse("2025-3"));
        assertEquals("Not a quarter: '2025-3'. Write it like 2025Q3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quarter.parse("2025Q5"));
    }
}
