package org.safeguarding.backbone.referrals.share.integration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * New random inputs on every build, beside the fuzz test's kept ones ({@link InboundShareFuzzTest}): a valid request
 * with up to eight bytes changed, and bytes of any kind (issue 12).
 */
class InboundRecordsPropertiesTest {

    @Provide
    Arbitrary<int[][]> changes() {
        Arbitrary<int[]> change = Combinators.combine(Arbitraries.integers().between(0, InboundRecords.VALID.length - 1),
                Arbitraries.integers().between(-128, 127)).as((position, value) -> new int[] {position, value});
        return change.array(int[][].class).ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 2000)
    void aValidRequestWithBytesChanged_isDecodedAndReadOrRefused(@ForAll("changes") int[][] changes) {
        InboundRecords.check(InboundRecords.mutated(changes), "9990000115");
    }

    @Property(tries = 1000)
    void bytesOfAnyKind_areDecodedAndReadOrRefused(@ForAll byte[] bytes, @ForAll String key) {
        InboundRecords.check(bytes, key);
    }
}
