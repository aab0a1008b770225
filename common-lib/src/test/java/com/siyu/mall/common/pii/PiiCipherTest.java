package com.siyu.mall.common.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private static final byte[] KEY = bytes(32, 1);
    private static final byte[] HASH_KEY = bytes(32, 2);
    private final PiiCipher cipher = new PiiCipher(KEY, HASH_KEY);

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(cipher.decrypt(cipher.encrypt("13812345678"))).isEqualTo("13812345678");
    }

    @Test
    void encryptingTheSameValueTwiceGivesDifferentCiphertexts() {
        String first = cipher.encrypt("13812345678");
        String second = cipher.encrypt("13812345678");
        assertThat(first).isNotEqualTo(second).doesNotContain("13812345678");
    }

    @Test
    void ciphertextFromAnotherKeyOrTamperedIsRejected() {
        String sealed = new PiiCipher(bytes(32, 9), HASH_KEY).encrypt("13812345678");
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);

        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("13812345678"));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyedHashIsStableAndDependsOnTheKey() {
        String hash = cipher.hash("13812345678");
        assertThat(hash).hasSize(64).isEqualTo(new PiiCipher(KEY, HASH_KEY).hash("13812345678"));
        assertThat(cipher.hash("13812345679")).isNotEqualTo(hash);
        assertThat(new PiiCipher(KEY, bytes(32, 3)).hash("13812345678")).isNotEqualTo(hash);
    }

    @Test
    void refusesKeysOfTheWrongSize() {
        assertThatThrownBy(() -> new PiiCipher(bytes(16, 1), HASH_KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiCipher(KEY, bytes(8, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
