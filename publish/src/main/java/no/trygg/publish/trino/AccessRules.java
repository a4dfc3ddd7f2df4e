package no.trygg.publish.trino;

import no.trygg.jobs.gold.GoldTables;

/**
 * Who may read what through Trino (file-based access control). Researchers read the research views and gold
 * only; analysts also read silver (pseudonymised) and the quality tables; nobody writes through Trino: the
 * pipeline writes with Spark, as user {@value #PIPELINE} here only for administration. Superset's connection
 * ({@value #DASHBOARDS}) reads the research views and the quality history the dashboards show, nothing else. Bronze (raw, with
 * people's ids and free text) is readable by no Trino user, nor is {@code gold.disclosure_decisions} (why each hidden
 * cell is hidden: knowing which hide counts of 1–2 narrows them). Unknown users match no rule and see nothing.
 */
public final class AccessRules {

    public static final String PIPELINE = "trygg";
    public static final String ANALYST = "analyst";
    public static final String RESEARCHER = "researcher";
    public static final String DASHBOARDS = "superset";

    private AccessRules() {
    }

    public static String json(String catalog) {
        return """
                {
                  "catalogs": [
                    {"user": "%1$s", "catalog": ".*", "allow": "all"},
                    {"user": "%2$s|%3$s|%5$s", "catalog": "%4$s|system", "allow": "read-only"}
                  ],
                  "schemas": [
                    {"user": "%1$s", "schema": ".*", "owner": true},
                    {"user": "%2$s", "catalog": "%4$s", "schema": "research|gold|silver|quality|information_schema", "owner": false},
                    {"user": "%3$s", "catalog": "%4$s", "schema": "research|gold|information_schema", "owner": false},
                    {"user": "%5$s", "catalog": "%4$s", "schema": "research|quality|information_schema", "owner": false}
                  ],
                  "tables": [
                    {"user": "%1$s", "privileges": ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"]},
                    {"catalog": "%4$s", "schema": "gold", "table": "%6$s", "privileges": []},
                    {"user": "%2$s", "catalog": "%4$s", "schema": "research|gold|silver|quality", "privileges": ["SELECT"]},
                    {"user": "%3$s", "catalog": "%4$s", "schema": "research|gold", "privileges": ["SELECT"]},
                    {"user": "%5$s", "catalog": "%4$s", "schema": "research", "privileges": ["SELECT"]},
                    {"user": "%5$s", "catalog": "%4$s", "schema": "quality", "table": "metrics|check_results", "privileges": ["SELECT"]},
                    {"user": "%2$s|%3$s|%5$s", "schema": "information_schema", "privileges": ["SELECT"]},
                    {"user": "%2$s|%3$s|%5$s", "catalog": "system", "privileges": ["SELECT"]}
                  ]
                }
                """.formatted(PIPELINE, ANALYST, RESEARCHER, catalog, DASHBOARDS, GoldTables.DISCLOSURE_DECISIONS);
    }
}
