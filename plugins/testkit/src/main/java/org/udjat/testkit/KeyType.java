package org.udjat.testkit;

/** SSH key algorithms the testkit can generate with {@code ssh-keygen}. */
public enum KeyType {
    /** ed25519, OpenSSH's default since 9.5 */
    ED25519("ed25519", "ssh-ed25519", 0),
    /** RSA with 3072 bits, signing with rsa-sha2-256/512 */
    RSA("rsa", "ssh-rsa", 3072),
    /** ECDSA on nistp256 */
    ECDSA("ecdsa", "ecdsa-sha2-nistp256", 256);

    private final String keygenName;
    private final String wireName;
    private final int bits;

    KeyType(String keygenName, String wireName, int bits) {
        this.keygenName = keygenName;
        this.wireName = wireName;
        this.bits = bits;
    }

    /** The name {@code ssh-keygen -t} takes. */
    public String keygenName() {
        return keygenName;
    }

    /** The key type as it appears in known_hosts and authorized_keys lines. */
    public String wireName() {
        return wireName;
    }

    /** The key size passed with {@code -b}, or 0 when the algorithm has a fixed size. */
    public int bits() {
        return bits;
    }
}
