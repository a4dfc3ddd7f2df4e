package no.trygg.schemas.sources;

/** How a source column's text is read into a typed silver value. */
public enum ColumnType {
    /** Plain identifier or label; kept as text, control characters removed. */
    TEXT,
    /** Unit number (enhetsnummer): exactly 4 digits. "301" (a leading zero lost, e.g. by Excel) is no unit number. */
    OFFICE_NUMBER,
    /** Identifies a person (employee number, respondent id): replaced by a keyed pseudonym in silver. */
    PERSON_ID,
    /** Free text written by people: may hold names and ID numbers, so it never leaves bronze. */
    FREE_TEXT,
    /** Whole number, optional sign. */
    INTEGER,
    /** Decimal number; decimal comma (Norwegian exports) or point. */
    DECIMAL,
    /** Calendar date: yyyy-MM-dd or dd.MM.yyyy. */
    DATE,
    /** Local time in Europe/Oslo: yyyy-MM-dd'T'HH:mm[:ss], yyyy-MM-dd HH:mm[:ss] or dd.MM.yyyy HH:mm[:ss]. */
    TIMESTAMP,
    /** Month: yyyy-MM. */
    MONTH,
    /** J (ja) or N (nei). */
    YES_NO,
    /** A value from a code list. */
    CODE
}
