package app.wellkeep.ingest.apple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeTextTest {

    private static AttributeText of(String text) {
        AttributeText t = new AttributeText();
        char[] padded = ("xx" + text + "yy").toCharArray();
        t.decode(padded, 2, 2 + text.length());
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"72", "0", "-0", "0.97", "1083.17", "65.7716", "+5", ".5", "1.", "0.000001",
            "123456789012345", "1234567890123456", "0.1234567890123456789", "98.600000000000000000001", "1e3",
            "-12.5", "007.250", "3.4028235E38", "0.30000000000000004"})
    void numbersReadExactlyAsDoubleParseDouble(String text) {
        assertEquals(Double.doubleToLongBits(Double.parseDouble(text)),
                Double.doubleToLongBits(of(text).toDouble()), text);
    }

    @Test
    void randomDecimalsRoundAsDoubleParseDouble() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long mantissa = random.nextLong() % 1_000_000_000_000_000L;
            int scale = random.nextInt(20);
            String text = java.math.BigDecimal.valueOf(mantissa, scale).toPlainString();
            assertEquals(Double.parseDouble(text), of(text).toDouble(), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-", "abc", "7 2", "1..2", "--1", "0x10"})
    void whatIsNotANumberIsRefused(String text) {
        assertThrows(NumberFormatException.class, () -> of(text).toDouble());
    }

    @Test
    void looksUpMapsKeyedByStrings() {
        Map<String, Integer> map = new java.util.HashMap<>(Map.of("HKQuantityTypeIdentifierHeartRate", 1,
                "iPhone", 2));
        AttributeText text = of("HKQuantityTypeIdentifierHeartRate");
        assertEquals("HKQuantityTypeIdentifierHeartRate".hashCode(), text.hashCode());
        assertEquals(1, map.get(text));
        assertEquals(null, map.get(of("HKQuantityTypeIdentifierHeartRateX")));
        assertNotEquals(of("iPhone"), of("iPhonf"));
    }

    @Test
    void canonicalGivesOneStringPerText() {
        AttributeText text = of("Apple Watch");
        String first = text.canonical();
        text.decode("Apple Watch".toCharArray(), 0, 11);
        assertSame(first, text.canonical());
        assertEquals("Apple Watch", first);
    }
}
