package no.trygg.schemas.codes;

import java.util.Arrays;
import java.util.List;

/** A code table (kodeverk): every code carries a bokmål and an English label. */
public interface CodeList {
    String labelNb();

    String labelEn();

    /** All codes of an enum code list, as the strings that appear in source files. */
    static <E extends Enum<E> & CodeList> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
