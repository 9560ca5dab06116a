package org.safeguarding.backbone.referrals.share.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.contracts.referrals.v1.RejectionReason;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRejected;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.intake.IntakeFixtures;

/**
 * What the fuzz and property tests assert of any bytes an agency puts on its inbound topic: they cannot be decoded
 * (an exception, never an error such as running out of memory: the record is dead-lettered at once), or the request
 * they decode to is read as a share or refused with reasons ({@link InboundShareListener#interpret} never throws),
 * and the refusal is small enough for every consumer of it to file.
 */
final class InboundRecords {

    /** A request the backbone accepts, encoded as the agency's Avro serializer would after the 5-byte header. */
    static final byte[] VALID = encode(InboundShareTest.request("fuzz-1").build());

    private static final InboundShareListener LISTENER = new InboundShareListener(IntakeFixtures.checkingOnly(),
            null, ShareFixtures.agencies(), null);

    private InboundRecords() {
    }

    static byte[] encode(ShareInformation request) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(ShareInformation.class).write(request, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the registry's deserializer reads a record once it has the writer's schema (here the same one). */
    static ShareInformation decode(byte[] bytes) throws IOException {
        return new SpecificDatumReader<>(ShareInformation.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    /** The valid request with {@code changes} bytes set: {@code changes[i] = {position, value}}. */
    static byte[] mutated(int[][] changes) {
        byte[] bytes = VALID.clone();
        for (int[] change : changes) {
            bytes[Math.floorMod(change[0], bytes.length)] = (byte) change[1];
        }
        return bytes;
    }

    static void check(byte[] bytes, String key) {
        ShareInformation request;
        try {
            request = decode(bytes);
        } catch (Exception undecodable) {
            // dead-lettered at once by the consumer (ConsumerFailures: a DeserializationException)
            return;
        }
        InboundShareListener.Interpreted read = LISTENER.interpret("police-a", request);
        assertThat(read.problems()).isNotNull();
        if (read.problems().isEmpty()) {
            assertThat(read.draft()).isNotNull();
        }
        List<RejectionReason> problems = read.problems().isEmpty()
                ? List.of(RejectionReason.newBuilder().setType("t").setField(null).setMessage("m").build())
                : read.problems();
        ShareRejected rejected = InboundShareListener.rejection(key, "police-a", request, problems, Instant.now());
        assertThat(rejected.getEnvelope().getChildId().length()).isLessThanOrEqualTo(20);
        assertThat(rejected.getEnvelope().getCorrelationId().length()).isLessThanOrEqualTo(100);
        assertThat(rejected.getRequestId().length()).isLessThanOrEqualTo(100);
        assertThat(rejected.getProblems()).hasSizeLessThanOrEqualTo(200).allSatisfy(p -> {
            assertThat(p.getMessage().length()).isLessThanOrEqualTo(503);
            assertThat(p.getField() == null ? 0 : p.getField().length()).isLessThanOrEqualTo(200);
        });
    }
}
