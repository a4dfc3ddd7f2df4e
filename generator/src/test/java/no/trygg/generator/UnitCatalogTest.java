package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.County;
import no.trygg.schemas.codes.UnitType;
import org.junit.jupiter.api.Test;

class UnitCatalogTest {

    private static UnitCatalog build(double scale) {
        return UnitCatalog.build(new GeneratorOptions(42, 2016, 2025, scale, 0.01, Path.of("unused")));
    }

    @Test
    void referenceListHas250RealOfficesWithPreReformCounties() {
        assertEquals(250, Places.OFFICES.size());
        Set<String> names = new HashSet<>();
        for (Places.Place p : Places.OFFICES) {
            assertTrue(names.add(p.officeName()), "duplicate office name " + p.officeName());
            assertTrue(p.number().matches("\\d{4}"));
            assertFalse(p.county().equals("13"));
            County.successorOn(p.county(), LocalDate.of(2017, 1, 1)); // a pre-2018 county
        }
        for (String named : List.of("Moss", "Rygge", "Fredrikstad", "Grorud", "Gamle Oslo", "Østensjø", "Frogner",
                "Sagene", "Årstad", "Stavanger", "Tromsø", "Midtbyen")) {
            assertTrue(names.contains(named), named);
        }
    }

    @Test
    void scaleOneHasTheWholeOrganisation() {
        UnitCatalog c = build(1.0);
        assertEquals(250, c.count(UnitType.LOCAL_OFFICE));
        assertEquals(1, c.count(UnitType.CONTACT_CENTRE));
        assertEquals(5, c.count(UnitType.CONTROL_UNIT));
        double local = c.units().stream().filter(Unit::isLocalOffice).mapToDouble(u -> u.budgetFte(2020)).sum();
        assertEquals(16_000, local, 800);
        Unit moss = c.byId("0104");
        assertEquals("NAV Moss", moss.name);
        assertEquals(73, moss.budgetFte(2020), 2);
        Unit centre = c.units().stream().filter(u -> u.type == UnitType.CONTACT_CENTRE).findFirst().orElseThrow();
        assertEquals(900, centre.budgetFte(2020), 20);
        for (Unit u : c.units()) {
            if (u.isLocalOffice()) {
                double f = u.budgetFte(2020);
                assertTrue(f >= 7.5 && f <= 155, u + " " + f);
                assertTrue(u.stateShare >= 0.4 && u.stateShare <= 0.9);
            }
            assertTrue(u.id.matches("\\d{4}") && !u.id.startsWith("9"), u.id);
        }
        // Some offices never start the channel strategy; most have implemented it by 2025.
        long never = c.units().stream().filter(u -> u.isLocalOffice()
                && u.stage(YearMonth.of(2025, 12)) == ChannelStrategyStage.NOT_STARTED).count();
        long implemented = c.units().stream().filter(u -> u.isLocalOffice()
                && u.stage(YearMonth.of(2025, 12)) == ChannelStrategyStage.IMPLEMENTED).count();
        assertTrue(never > 5 && never < 60, "never started " + never);
        assertTrue(implemented > 150, "implemented " + implemented);
        assertEquals("9", c.unknownOfficeId(new SplittableRandom(1)).substring(0, 1));
    }

    @Test
    void idsAreStableAcrossScales() {
        UnitCatalog small = build(0.2);
        UnitCatalog full = build(1.0);
        for (Unit u : small.units()) {
            if (u.isLocalOffice()) {
                assertEquals(u.name, full.byId(u.id).name, u.id);
            }
        }
        assertEquals(50, small.count(UnitType.LOCAL_OFFICE));
        assertEquals(5, build(0.01).count(UnitType.LOCAL_OFFICE));
        assertEquals(1, build(0.01).count(UnitType.CONTROL_UNIT));
        assertEquals(20, build(0.01).units().stream().filter(u -> u.type == UnitType.CONTACT_CENTRE)
                .findFirst().orElseThrow().budgetFte(2020), 0.5);
    }

    @Test
    void largerScaleRepeatsTheListWithSuffixes() {
        UnitCatalog c = build(2.3);
        assertEquals(575, c.count(UnitType.LOCAL_OFFICE));
        assertEquals(12, c.count(UnitType.CONTROL_UNIT));
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Unit u : c.units()) {
            assertTrue(ids.add(u.id), "unique id " + u.id);
            assertTrue(names.add(u.name), "unique name " + u.name);
        }
        assertTrue(names.contains("NAV Moss") && names.contains("NAV Moss 2"));
        assertTrue(names.contains("NAV Kontroll Øst 2"));
        assertTrue(names.stream().anyMatch(n -> n.endsWith(" 3")));
    }

    @Test
    void municipalityNumbersStayUniqueThroughTheReforms() {
        UnitCatalog c = build(1.0);
        for (LocalDate d : List.of(LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1),
                LocalDate.of(2024, 1, 1))) {
            java.util.Map<String, String> municipalityByNumber = new java.util.HashMap<>();
            for (Unit u : c.units()) {
                String nr = u.municipalityNumber(d);
                String before = municipalityByNumber.putIfAbsent(nr, u.municipality);
                assertTrue(before == null || before.equals(u.municipality),
                        nr + ": " + before + " / " + u.municipality);
                assertEquals(u.county(d).number(), nr.substring(0, 2));
            }
        }
    }
}
