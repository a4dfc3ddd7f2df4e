package no.trygg.publish.superset;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the tables the dashboards read, as Trino shows them to Superset's own user: the same view of
 * the warehouse Superset will have, so a table or column that user cannot see fails the publish, not a chart.
 */
public final class PublishedTables {

    private PublishedTables() {
    }

    /** {@code schema.table} → columns in order, for the given schemas. */
    public static Map<String, List<PublishedColumn>> read(String jdbcUrl, List<String> schemas) {
        String in = String.join(",", schemas.stream().map(s -> "?").toList());
        String sql = "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema IN (" + in + ") ORDER BY table_schema, table_name, ordinal_position";
        Map<String, List<PublishedColumn>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < schemas.size(); i++) s.setString(i + 1, schemas.get(i));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1) + "." + r.getString(2), k -> new ArrayList<>())
                            .add(new PublishedColumn(r.getString(3), r.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the published tables through Trino at " + jdbcUrl.replaceAll("\\?.*", "")
                    + ": " + e.getMessage() + " (is it running? bin/trygg trino start)", e);
        }
        return out;
    }
}
