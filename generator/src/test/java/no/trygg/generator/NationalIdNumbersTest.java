package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NationalIdNumbersTest {

    @Test
    void knownValidNumbers() {
        // Check digits computed by hand with weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2.
        for (String s : new String[] {"01010112377", "15038512363", "29028045784", "31129949980", "01012051227",
                "15038512444"}) {
            assertTrue(NationalIdNumbers.isValid(s), s);
            assertFalse(NationalIdNumbers.isDNumber(s), s);
        }
        assertEquals(LocalDate.of(1980, 2, 29), NationalIdNumbers.birthDate("29028045784"));
        assertEquals(LocalDate.of(2020, 1, 1), NationalIdNumbers.birthDate("01012051227"));
    }

    @Test
    void knownValidDNumber() {
        assertTrue(NationalIdNumbers.isValid("41010112360"));
        assertTrue(NationalIdNumbers.isDNumber("41010112360"));
        assertEquals(LocalDate.of(1901, 1, 1), NationalIdNumbers.birthDate("41010112360"));
    }

    @Test
    void knownInvalidNumbers() {
        String[] invalid = {
                "01010112345", // wrong check digits
                "01010112378", // second check digit off by one
                "01010112387", // first check digit off by one
                "30028012345", // check digits right, but 30 February
                "01138012480", // check digits right, but month 13
                "0101011237", // 10 digits
                "010101123777", // 12 digits
                "0101011237a", "", "           "};
        for (String s : invalid) {
            assertFalse(NationalIdNumbers.isValid(s), s);
        }
        assertFalse(NationalIdNumbers.isValid(null));
    }

    @Test
    void generatedNumbersAreValid() {
        SplittableRandom r = new SplittableRandom(7);
        int dNumbers = 0;
        for (int i = 0; i < 5000; i++) {
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(60 * 365));
            boolean d = r.nextInt(5) == 0;
            String id = NationalIdNumbers.generate(r, birth, d);
            assertEquals(11, id.length());
            assertTrue(NationalIdNumbers.isValid(id), id);
            assertEquals(d, NationalIdNumbers.isDNumber(id), id);
            assertEquals(birth, NationalIdNumbers.birthDate(id), id);
            dNumbers += d ? 1 : 0;
        }
        assertTrue(dNumbers > 0);
    }

    @Test
    void randomHelperMixesDNumbers() {
        SplittableRandom r = new SplittableRandom(1);
        int d = 0;
        for (int i = 0; i < 2000; i++) {
            String id = NationalIdNumbers.random(r, 0.15);
            assertTrue(NationalIdNumbers.isValid(id), id);
            d += NationalIdNumbers.isDNumber(id) ? 1 : 0;
        }
        assertTrue(d > 200 && d < 400, "D-numbers: " + d);
    }
}
