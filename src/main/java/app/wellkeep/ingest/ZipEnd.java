package app.wellkeep.ingest;

/**
 * Whether an archive's last bytes hold its end-of-directory record. A zip read as a stream would otherwise end
 * quietly after its last complete file when the upload was cut short.
 */
final class ZipEnd {

    /** The record is 22 bytes and may be followed by a comment of up to 65,535. */
    private static final int MAX_DISTANCE = 22 + 65_535;

    private ZipEnd() {
    }

    static boolean present(byte[] tail) {
        for (int i = tail.length - 22; i >= 0 && i >= tail.length - MAX_DISTANCE; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                int commentLength = (tail[i + 20] & 0xFF) | (tail[i + 21] & 0xFF) << 8;
                if (i + 22 + commentLength == tail.length) {
                    return true;
                }
            }
        }
        return false;
    }
}
