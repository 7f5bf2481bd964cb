package app.wellkeep.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import app.wellkeep.ingest.ImportException.Problem;

/**
 * Reads an uploaded zip archive as a stream, file by file, holding it to limits as it goes: the number of files,
 * what they unpack to altogether, how much each is compressed (a zip bomb unpacks a thousandfold), names that climb
 * out of the archive or are absolute (zip-slip: nothing is ever unpacked to disk, but such a name marks a hostile
 * archive), and archives inside the archive.
 */
final class SafeZip implements AutoCloseable {

    /** The first bytes of a zip archive. */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static final List<String> ARCHIVE_SUFFIXES = List.of(".zip", ".gz", ".tgz", ".tar", ".7z", ".rar",
            ".bz2", ".xz", ".jar", ".zst");

    /** Below this a file's compression ratio is not judged: tiny files compress oddly. */
    private static final long RATIO_GRACE = 1 << 20;

    private final Counting compressed;
    private final ZipInputStream zip;
    private final ImportConfig limits;
    private int entries;
    private long unpacked;

    SafeZip(InputStream in, ImportConfig limits) {
        this.compressed = new Counting(in);
        this.zip = new ZipInputStream(compressed);
        this.limits = limits;
    }

    /** The next file's path in the archive (folders are passed over), or null after the last. */
    String next() {
        try {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new ImportException(Problem.TOO_MANY_ENTRIES, "more than " + limits.maxEntries() + " files");
                }
                String name = entry.getName();
                checkName(name);
                if (entry.isDirectory()) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                    throw new ImportException(Problem.NESTED_ARCHIVE, "archive inside the archive");
                }
                return name;
            }
            if (entries == 0) {
                throw new ImportException(Problem.EMPTY, "archive without files");
            }
            return null;
        } catch (IOException e) {
            throw problem(e);
        }
    }

    /** The current file's content, held to the limits as it is read; an archive inside is refused by its bytes. */
    InputStream content() {
        long startCompressed = compressed.count;
        return new FilterInputStream(zip) {

            private long read;
            private boolean checkedHead;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (ZipException | EOFException e) {
                    throw new ImportException.Carrier(problem(e));
                }
                if (n <= 0) {
                    return n;
                }
                if (!checkedHead && read == 0 && n >= 4) {
                    checkedHead = true;
                    if (isZip(java.util.Arrays.copyOfRange(b, off, off + 4))
                            || (b[off] == (byte) 0x1F && b[off + 1] == (byte) 0x8B)) {
                        throw new ImportException.Carrier(
                                new ImportException(Problem.NESTED_ARCHIVE, "archive inside the archive"));
                    }
                }
                read += n;
                unpacked += n;
                if (unpacked > limits.maxUnpackedBytes()) {
                    throw new ImportException.Carrier(new ImportException(Problem.UNPACKED_TOO_LARGE,
                            "unpacks to more than " + limits.maxUnpackedBytes() + " bytes"));
                }
                long packed = Math.max(1, compressed.count - startCompressed);
                if (read > RATIO_GRACE && read / packed > limits.maxCompressionRatio()) {
                    throw new ImportException.Carrier(new ImportException(Problem.COMPRESSION_RATIO,
                            "compressed more than " + limits.maxCompressionRatio() + " to 1"));
                }
                return n;
            }

            @Override
            public void close() {
                // The archive stays open for its next file.
            }
        };
    }

    private static void checkName(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.indexOf('\0') >= 0
                || List.of(path.split("/")).contains("..")) {
            throw new ImportException(Problem.UNSAFE_PATH, "file name outside the archive");
        }
    }

    private static ImportException problem(IOException e) {
        if (e instanceof ImportException.Carrier carrier) {
            return carrier.exception();
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || message.contains("unexpected end")) {
            return new ImportException(Problem.TRUNCATED, "archive ends early", e);
        }
        if (message.contains("encrypted")) {
            return new ImportException(Problem.UNSUPPORTED_FORMAT, "encrypted archive", e);
        }
        return new ImportException(Problem.MALFORMED, "broken archive", e);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts the compressed bytes the archive reader takes from the upload. */
    private static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
