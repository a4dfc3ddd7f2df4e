package no.trygg.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterSnapshotsTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2025, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2025, 3, 1);

    /** 100 offices in January; those below {@code inFeb} in February, below {@code inMar} in March. */
    private static Map<String, List<LocalDate>> register(int inFeb, int inMar) {
        Map<String, List<LocalDate>> m = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            List<LocalDate> months = new java.util.ArrayList<>(List.of(JAN));
            if (i < inFeb) months.add(FEB);
            if (i < inMar) months.add(MAR);
            m.put(String.valueOf(1000 + i), months);
        }
        return m;
    }

    @Test
    void closuresUpToTheShareAreRealMoreIsACutSnapshot() {
        assertEquals(List.of(), RegisterSnapshots.suspects(register(95, 95), 0.05), "5 of 100 closing is at the limit");
        assertEquals(List.of(new RegisterSnapshots.Suspect(FEB, JAN, 6, 100, false)),
                RegisterSnapshots.suspects(register(94, 100), 0.05), "6 of 100: held back; March is whole again");
    }

    @Test
    void theNextSnapshotIsComparedWithTheLastOneNotHeldBack() {
        // February cut to half, March lacks 3 of January's offices: February is suspect, March is not (3 of 100).
        assertEquals(List.of(new RegisterSnapshots.Suspect(FEB, JAN, 50, 100, false)),
                RegisterSnapshots.suspects(register(50, 97), 0.05));
        // Both cut: both held back against January and both pending, since nothing after January was accepted.
        assertEquals(List.of(new RegisterSnapshots.Suspect(FEB, JAN, 50, 100, true), new RegisterSnapshots.Suspect(MAR, JAN, 60, 100, true)),
                RegisterSnapshots.suspects(register(50, 40), 0.05));
    }

    @Test
    void oneClosureInATinyRegisterIsNoCut() {
        Map<String, List<LocalDate>> m = Map.of("0301", List.of(JAN, FEB), "3201", List.of(JAN));
        assertEquals(List.of(), RegisterSnapshots.suspects(m, 0.05));
    }
}
