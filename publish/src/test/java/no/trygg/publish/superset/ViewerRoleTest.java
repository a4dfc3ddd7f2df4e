package no.trygg.publish.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewerRoleTest {

    private static final String EXPORT = """
            [{"name": "Admin", "permissions": [{"permission": {"name": "can_write"}, "view_menu": {"name": "User"}}]},
             {"name": "Gamma", "permissions": [
               {"permission": {"name": "can_read"}, "view_menu": {"name": "Dashboard"}},
               {"permission": {"name": "can_write"}, "view_menu": {"name": "Dashboard"}},
               {"permission": {"name": "can_read"}, "view_menu": {"name": "Chart"}},
               {"permission": {"name": "can_export"}, "view_menu": {"name": "Chart"}},
               {"permission": {"name": "can_dashboard"}, "view_menu": {"name": "Superset"}},
               {"permission": {"name": "can_explore_json"}, "view_menu": {"name": "Superset"}},
               {"permission": {"name": "can_delete_embedded"}, "view_menu": {"name": "Dashboard"}},
               {"permission": {"name": "can_csv"}, "view_menu": {"name": "Superset"}}]}]
            """;

    @Test
    void gammaWithoutWritesPlusTheData() throws Exception {
        JsonNode roles = new ObjectMapper().readTree(ViewerRole.fromExport(EXPORT));
        assertEquals(1, roles.size());
        assertEquals(ViewerRole.NAME, roles.get(0).get("name").asText());
        List<String> granted = new ArrayList<>();
        roles.get(0).get("permissions").forEach(p -> granted.add(p.get("permission").get("name").asText() + " on "
                + p.get("view_menu").get("name").asText()));
        assertEquals(List.of("can_read on Dashboard", "can_read on Chart", "can_dashboard on Superset", "can_explore_json on Superset",
                "can_csv on Superset", "all_datasource_access on all_datasource_access"), granted);
    }

    @Test
    void noGammaRoleIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ViewerRole.fromExport("[{\"name\": \"Admin\", \"permissions\": []}]"));
        assertTrue(e.getMessage().contains("no Gamma role"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ViewerRole.fromExport("<html>"));
    }
}
