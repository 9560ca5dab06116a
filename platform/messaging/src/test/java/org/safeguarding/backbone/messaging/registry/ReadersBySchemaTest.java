package org.safeguarding.backbone.messaging.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;

/** One datum reader per writer's schema, found by the schema, decoding as Apicurio's own provider's readers do. */
class ReadersBySchemaTest {

    @Test
    void everySerdeOfTheBackbone_findsItsReadersBySchema() {
        assertThat(new AvroSerdeConfig(ContractSchemas.serdeConfig("http://127.0.0.1:1/apis/registry/v2", false))
                .getAvroDatumProvider()).isEqualTo(ReadersBySchema.class);
    }

    @Test
    void oneReaderASchema_theSameForAnEqualSchemaParsedAgain_andItDecodesTheRecord() throws IOException {
        ReadersBySchema<Object> readers = new ReadersBySchema<>();
        readers.configure(new AvroSerdeConfig(ContractSchemas.serdeConfig("http://127.0.0.1:1/apis/registry/v2",
                false)));
        Schema acknowledged = ShareAcknowledged.getClassSchema();
        DatumReader<Object> reader = readers.createDatumReader(acknowledged);
        assertThat(readers.createDatumReader(acknowledged)).isSameAs(reader);
        assertThat(readers.createDatumReader(new Schema.Parser().parse(acknowledged.toString()))).isSameAs(reader);
        assertThat(readers.createDatumReader(ShareRead.getClassSchema())).isNotSameAs(reader);

        ShareAcknowledged record = ShareAcknowledged.newBuilder().setEnvelope(Envelope.newBuilder()
                        .setEventId("e-1").setChildId("9990000018").setOccurredAt(Instant.parse("2026-11-27T09:00:00Z"))
                        .setRecordedAt(Instant.parse("2026-11-27T09:00:01Z")).setActingAgency("csc-a")
                        .setCorrelationId("c-1").build())
                .setShareId("s-1").setRecipientAgency("csc-a").build();
        for (SpecificRecord written : List.of(record, record)) {
            Object read = reader.read(null, DecoderFactory.get().binaryDecoder(bytes(written), null));
            assertThat(read).isInstanceOf(ShareAcknowledged.class).isEqualTo(record);
        }
    }

    private static byte[] bytes(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
