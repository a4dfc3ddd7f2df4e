package no.trygg.publish.research;

import java.util.List;

/**
 * One documented view for researchers over a gold mart: its name in the {@code research} schema, the mart
 * it shows, what it is for (bokmål and English), and the mart's columns it leaves out.
 */
public record ResearchView(String name, String goldTable, String descriptionNb, String descriptionEn, List<String> leftOut) {

    public ResearchView {
        leftOut = List.copyOf(leftOut);
    }

    public String comment() {
        return descriptionNb + " / " + descriptionEn;
    }
}
