package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Cesu8KeysTest {

  @Test
  void aKeyIsBothStringsInCesu8AroundASeparatorNoCharProduces() throws IOException {
    String eventKey = "a\u00e9\u4e8b\uD83D\uDE00\uD800"; // 1, 2 and 3 bytes, a pair and a lone surrogate
    byte[] bytes = new byte[32];

    int end = Cesu8Keys.write(eventKey, "l1", bytes, 3);

    byte[] expected = concat(modifiedUtf8(eventKey), new byte[] {(byte) 0xFF}, modifiedUtf8("l1"));
    assertThat(Arrays.copyOfRange(bytes, 3, end)).isEqualTo(expected);
    assertThat(Cesu8Keys.length(eventKey, "l1")).isEqualTo(expected.length).isEqualTo(end - 3);
  }

  @Test
  void aKeyEqualsOnlyItsOwnPairInPlace() {
    byte[] bytes = new byte[16];
    int length = Cesu8Keys.write("ab", "c\u00e9", bytes, 5) - 5;

    assertThat(Cesu8Keys.equals(bytes, 5, length, "ab", "c\u00e9")).isTrue();
    assertThat(Cesu8Keys.equals(bytes, 5, length, "a", "bc\u00e9")).isFalse();
    assertThat(Cesu8Keys.equals(bytes, 5, length, "ab", "c")).isFalse();
    assertThat(Cesu8Keys.equals(bytes, 5, length, "ab", "c\u00e9d")).isFalse();
    assertThat(Cesu8Keys.equals(bytes, 5, length, "ab", "c\u00e8")).isFalse();
    assertThat(Cesu8Keys.equals(bytes, 5, length - 1, "ab", "c\u00e9")).isFalse();
    assertThat(Cesu8Keys.equals(bytes, 5, length, "abc\u00e9", "")).isFalse();
  }

  /** Java's modified UTF-8, which is CESU-8 for strings without U+0000. */
  private static byte[] modifiedUtf8(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DataOutputStream(out).writeUTF(s);
    byte[] withLength = out.toByteArray();
    return Arrays.copyOfRange(withLength, 2, withLength.length);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
