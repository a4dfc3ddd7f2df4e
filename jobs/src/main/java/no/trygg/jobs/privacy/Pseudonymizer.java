package no.trygg.jobs.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed hash (HMAC-SHA256) of a person identifier: the same person gets the same pseudonym in every table
 * and run with the same key, and nobody without the key can compute it from an id.
 */
public final class Pseudonymizer {

    private final UserDefinedFunction udf;
    private final Hmac hmac;

    public Pseudonymizer(PseudonymKey key) {
        this.hmac = new Hmac(key.bytes());
        // The key travels inside the function object, never as a literal in a query plan that logs could show.
        this.udf = functions.udf(hmac, DataTypes.StringType);
    }

    public Column pseudonym(Column id) {
        return udf.apply(id);
    }

    public String pseudonym(String id) {
        return hmac.call(id);
    }

    static final class Hmac implements UDF1<String, String> {
        private final byte[] key;
        private transient Mac mac;

        Hmac(byte[] key) {
            this.key = key;
        }

        @Override
        public String call(String id) {
            if (id == null) return null;
            try {
                if (mac == null) {
                    mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                }
                byte[] h = mac.doFinal(id.strip().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(h, 0, 16);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        }
    }
}
