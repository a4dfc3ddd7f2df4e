package no.trygg.generator;

/**
 * Why a deliberately defective row must be quarantined. The generator adds such rows on top of the clean data
 * (it never alters a clean row), and the manifest counts them per source and reason.
 */
public enum DefectReason {
    /** enhet_nr "9" + three digits: no unit has it. */
    UNKNOWN_OFFICE,
    /** A date, timestamp or number that cannot be read ("31.02.2019 25:61", "tolv", "2019-13-45"). */
    UNPARSEABLE_VALUE,
    /** A mandatory field is empty. */
    MISSING_MANDATORY,
    /** A value outside the column's code list ("SPARK", "FAX", "LASER", "SJEF", "KANSKJE"). */
    INVALID_CODE,
    /** Incidents only: hendelse_tidspunkt more than 30 days after versjon_tidspunkt. */
    FUTURE_DATE,
    /** Two rows with the same fresh key (incidents: and version time) whose other fields differ; both count. */
    DUPLICATE_CONFLICT,
    /** UTF-8 sources only: a raw byte that is not valid UTF-8 (a Latin-1 'æ', 'ø' or 'å'). */
    ENCODING_ERROR
}
