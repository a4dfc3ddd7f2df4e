package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.IncidentType;
import org.junit.jupiter.api.Test;

class IncidentSourceTest {

    @Test
    void springForwardGapIsSkipped() {
        assertEquals(LocalDateTime.of(2021, 3, 28, 3, 30),
                IncidentSource.existingLocalTime(LocalDateTime.of(2021, 3, 28, 2, 30)));
        LocalDateTime normal = LocalDateTime.of(2021, 3, 27, 2, 30);
        assertEquals(normal, IncidentSource.existingLocalTime(normal));
        LocalDateTime autumn = LocalDateTime.of(2021, 10, 31, 2, 30); // ambiguous, but exists
        assertEquals(autumn, IncidentSource.existingLocalTime(autumn));
    }

    @Test
    void noPunchesByPhone() {
        assertFalse(IncidentSource.compatible(IncidentType.PHYSICAL, Channel.PHONE));
        assertFalse(IncidentSource.compatible(IncidentType.THREAT_WEAPON, Channel.DIGITAL));
        assertFalse(IncidentSource.compatible(IncidentType.PROPERTY_DAMAGE, Channel.HOME_VISIT));
        assertTrue(IncidentSource.compatible(IncidentType.THREAT, Channel.PHONE));
        assertTrue(IncidentSource.compatible(IncidentType.PHYSICAL, Channel.FIELD_INSPECTION));
    }

    @Test
    void typeWeightsSumTo100() {
        double sum = 0;
        for (IncidentType t : IncidentType.values()) {
            sum += IncidentSource.typeWeight(t);
        }
        assertEquals(100, sum, 1e-9);
    }
}
