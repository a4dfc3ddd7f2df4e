package no.trygg.jobs.bronze;

import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Bronze: one append-only table per source, every row as the file had it plus where and when it came from. */
public final class BronzeTables {

    public static final StructType SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("file_checksum", DataTypes.StringType, false)
            .add("line_number", DataTypes.IntegerType, false)
            .add("record", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), false)
            .add("record_issue", DataTypes.StringType, true)
            .add("file_encoding", DataTypes.StringType, false)
            .add("ingest_run_id", DataTypes.StringType, false)
            .add("ingested_at", DataTypes.TimestampType, false);

    /** Every file loaded, with its row count: zero-row files (quiet days) are remembered here, not in a source table. */
    public static final String INGESTED_FILES = "ingested_files";

    public static final StructType INGESTED_FILES_SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("file_checksum", DataTypes.StringType, false)
            .add("rows", DataTypes.LongType, false)
            .add("ingest_run_id", DataTypes.StringType, false)
            .add("ingested_at", DataTypes.TimestampType, false);

    private BronzeTables() {
    }

    public static String tableOf(SourceFormat source) {
        return source.folder;
    }
}
