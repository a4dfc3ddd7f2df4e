package no.trygg.publish.superset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The role of the directorate's HR/HSE analysts in Superset: look at the published dashboards and their charts'
 * data, change nothing. Made from Superset's own Gamma role (so every view a dashboard needs keeps working across
 * Superset versions) minus every permission that writes, imports or exports, plus access to all datasets. "All"
 * is safe because Superset's only database connection is Trino's {@code superset} user, which sees the published
 * schemas and nothing else (the Trino access rules). No SQL Lab: Gamma has none.
 * <p>
 * Pure: takes and gives the JSON of {@code superset fab export-roles} / {@code import-roles}.
 */
public final class ViewerRole {

    public static final String NAME = "Trygg Viewer";
    /** Superset's base role for users who only use what others built. */
    static final String BASE = "Gamma";
    /** Permissions that change or copy something out: not for a viewer. */
    static final Pattern WRITES = Pattern.compile("can_(write|add|edit|delete|import|export|save|overwrite|copy|invalidate"
            + "|tag|share|set_embedded|delete_embedded|bulk_create|grant_guest_token|post|put|update|warm_up_cache|this_form_post"
            + "|userinfo_edit|activate|deactivate).*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewerRole() {
    }

    /** The import file for the viewer role, from an export of all roles. */
    public static String fromExport(String exportedRoles) {
        List<Map<String, Object>> roles;
        try {
            roles = JSON.readValue(exportedRoles, new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException("Superset's role export is not the JSON list expected: " + e.getMessage(), e);
        }
        Map<String, Object> base = roles.stream().filter(r -> BASE.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Superset has no " + BASE + " role: was `superset init` run?"));
        List<Map<String, Map<String, String>>> permissions = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, String>>> basePermissions = (List<Map<String, Map<String, String>>>) base.get("permissions");
        for (Map<String, Map<String, String>> p : basePermissions) {
            if (!WRITES.matcher(p.get("permission").get("name")).matches()) permissions.add(p);
        }
        permissions.add(permission("all_datasource_access", "all_datasource_access"));
        try {
            return JSON.writeValueAsString(List.of(Map.of("name", NAME, "permissions", permissions)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> permission(String permission, String viewMenu) {
        return Map.of("permission", Map.of("name", permission), "view_menu", Map.of("name", viewMenu));
    }
}
