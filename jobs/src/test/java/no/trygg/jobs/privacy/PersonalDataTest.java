package no.trygg.jobs.privacy;

import static no.trygg.jobs.privacy.PersonalData.Kind.EMAIL_ADDRESS;
import static no.trygg.jobs.privacy.PersonalData.Kind.NATIONAL_ID_NUMBER;
import static no.trygg.jobs.privacy.PersonalData.Kind.PHONE_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    // Control digits computed independently (weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2).
    private static final String[] VALID = {"01010112377", "15038512363", "29028045784", "31129949980", "01012051227",
            "41010112360" /* D-number, 1 Jan */, "71039950051" /* D-number, 31 Mar */, "01418010181" /* H-number */,
            "29020000064" /* 29 Feb 2000 */};

    @Test
    void validNumbersAreIdNumbers() {
        for (String s : VALID) {
            assertTrue(PersonalData.isNationalIdNumber(s), s);
            assertEquals(List.of(s), PersonalData.nationalIdNumbers("Gjelder Ola Nordmann, fnr " + s + "."), s);
        }
    }

    @Test
    void numbersFailingEitherControlDigitOrTheDateAreNot() {
        for (String s : new String[] {
                "01010112345", // both control digits wrong
                "01010112378", // second off by one
                "01010112387", // first off by one
                "15038512364", "15038512353",
                "15038500800", // the first control digit would be 10: never issued
                "72019900097", // control digits right, day 72 (32 as a D-number)
                "29020100085", // control digits right, 29 February 2001
                "01138012480", // control digits right, month 13
                "0101011237", "010101123777", "0101011237a", "", null}) {
            assertFalse(PersonalData.isNationalIdNumber(s), String.valueOf(s));
        }
        assertEquals(List.of(), PersonalData.find("Saksnr 01010112345 og konto 15038512364"));
    }

    @Test
    void idNumberWithASpaceOrDotBetweenDateAndIndividualPart() {
        assertEquals(List.of("01010112377"), PersonalData.nationalIdNumbers("fødselsnr 010101 12377"));
        assertEquals(List.of("41010112360"), PersonalData.nationalIdNumbers("d-nr: 410101.12360"));
        assertEquals(List.of(), PersonalData.nationalIdNumbers("010101 12378"), "wrong control digit, also split");
    }

    @Test
    void anIdNumberInsideALongerRunOfDigitsIsNotOne() {
        assertEquals(List.of(), PersonalData.find("ref 9010101123779"));
        assertEquals(List.of(), PersonalData.find("ref 12.345678901234"));
        assertEquals(List.of(), PersonalData.find("andel 0.15038512363"), "the decimals of a number");
        assertEquals(List.of("15038512363"), PersonalData.nationalIdNumbers("fnr.15038512363"));
    }

    @Test
    void digitsInsideTheHexOfAPseudonymAreNoIdNumber() {
        // A valid number glued to hex letters, as it happens by chance in silver's respondent pseudonyms.
        assertEquals(List.of(), PersonalData.find("9f47ab01010112377cd0"));
        assertEquals(List.of(), PersonalData.find("01010112377ebc0faff9e841d571598b"));
        assertEquals(List.of(), PersonalData.find("cf30f675ae93870e7e87b1835a01010112377"));
        assertEquals(List.of("01010112377"), PersonalData.nationalIdNumbers("(01010112377)"));
    }

    @Test
    void norwegianPhoneNumbers() {
        for (String s : new String[] {"91234567", "41234567", "22 33 44 55", "912 34 567", "+47 91234567", "+4791234567",
                "0047 912 34 567", "+47 22 33 44 55"}) {
            assertEquals(Set.of(PHONE_NUMBER), PersonalData.kinds("Ringte fra " + s + "."), s);
            assertEquals("Ringte fra [PHONE_NUMBER].", PersonalData.mask("Ringte fra " + s + "."), s);
        }
        for (String s : new String[] {"01234567", "11234567", "9123456", "912345678", "2020-01-15", "31.03.2024 02:30",
                "H2021-000123", "T000123", "0301", "Man-Fre 10-14", "12 34 5", "2024-03-31T10:00:00",
                "run-20261130T134512Z-1a2b3c", "/warehouse/20261130/x", "rate 0.91234567", "0,91234567", "A91234567"}) {
            assertEquals(Set.of(), PersonalData.kinds(s), s);
        }
    }

    @Test
    void emailAddresses() {
        assertEquals(Set.of(EMAIL_ADDRESS), PersonalData.kinds("Sendte også e-post fra kari.nordmann77@epost.no."));
        assertEquals("fra [EMAIL_ADDRESS].", PersonalData.mask("fra ola.o@gmail.com."));
        assertEquals(Set.of(EMAIL_ADDRESS), PersonalData.kinds("bjørn.ås@nav.no"));
        assertEquals(Set.of(), PersonalData.kinds("@nav på Twitter, a@b"));
    }

    @Test
    void theGeneratorsSentencesAreFoundAndMasked() {
        String text = "I mottaket: Bruker ropte. Bruker Kari Hansen (71039950051) er kjent fra før. Bruker kan nås på 91234567."
                + " Sendte også e-post fra kari.hansen@live.no.";
        assertEquals(Set.of(NATIONAL_ID_NUMBER, PHONE_NUMBER, EMAIL_ADDRESS), PersonalData.kinds(text));
        assertEquals("I mottaket: Bruker ropte. Bruker Kari Hansen ([NATIONAL_ID_NUMBER]) er kjent fra før. Bruker kan nås på"
                + " [PHONE_NUMBER]. Sendte også e-post fra [EMAIL_ADDRESS].", PersonalData.mask(text));
        assertFalse(PersonalData.contains(PersonalData.mask(text)));
    }

    @Test
    void textWithoutPersonalDataIsLeftAlone() {
        for (String s : new String[] {null, "", "NAV Moss", "Bruker slo i bordet og truet med vold mot veileder.", "VEKTER",
                "column hendelse_tidspunkt: '31.02.2019 25:61' is not a time", "Saken gjelder 3 personer, 12 500 kr"}) {
            assertFalse(PersonalData.contains(s), String.valueOf(s));
            assertEquals(s, PersonalData.mask(s));
        }
    }

    @Test
    void theSparkPreCheckLetsThroughEverythingTheScanFinds() {
        Pattern candidate = Pattern.compile(PersonalData.CANDIDATE_REGEX);
        for (String s : new String[] {"91234567", "22 33 44 55", "912 34 567", "+47 91234567", "01010112377", "010101 12377",
                "410101.12360", "a@b.no"}) {
            assertTrue(PersonalData.contains(s), s);
            assertTrue(s.length() >= PersonalData.MIN_LENGTH && candidate.matcher(s).find(), s);
        }
    }
}
