package no.trygg.publish.dashboards;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the dashboards defined under {@code dashboards/} on the classpath (source:
 * {@code publish/src/main/resources/dashboards/}); {@code index.yaml} lists the files in menu order.
 */
public final class DashboardDefinitions {

    private static final String FOLDER = "dashboards/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private record Index(List<String> dashboards) {
    }

    private DashboardDefinitions() {
    }

    public static List<DashboardSpec> load() {
        List<DashboardSpec> all = new ArrayList<>();
        for (String file : read(FOLDER + "index.yaml", Index.class).dashboards()) {
            all.add(read(FOLDER + file, DashboardSpec.class));
        }
        return List.copyOf(all);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DashboardDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Dashboard definition " + resource + " is not on the classpath");
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dashboard definition " + resource + ": " + e.getMessage(), e);
        }
    }
}
