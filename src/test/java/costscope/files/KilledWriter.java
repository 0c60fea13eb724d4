package costscope.files;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A child process for {@link AtomicFilesTest}, killed while it writes through {@link AtomicFiles}.
 * <ul>
 * <li>{@code slow TARGET}: one large write, slowly; prints "writing TEMPNAME" once the temporary file holds its first
 * megabyte, then takes minutes for the rest.</li>
 * <li>{@code loop TARGET}: writes {@link #content(int) content(1)}, {@code content(2)}... over TARGET as fast as it can,
 * printing "wrote N" after each.</li>
 * </ul>
 */
public final class KilledWriter {
    static final int SIZE = 4 << 20;

    /** The bytes of write number {@code n}: SIZE bytes, every one of them {@code 'a' + n % 26}. */
    static byte[] content(int n) {
        byte[] b = new byte[SIZE];
        Arrays.fill(b, (byte) ('a' + n % 26));
        return b;
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (args[0].equals("slow")) {
            AtomicFiles.write(target, tmp -> {
                byte[] mb = new byte[1 << 20];
                Arrays.fill(mb, (byte) 'n');
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                    out.write(mb);
                    out.flush();
                    System.out.println("writing " + tmp.getFileName());
                    System.out.flush();
                    for (int i = 0; i < 600; i++) {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                        out.write(mb);
                    }
                }
            });
        } else {
            for (int n = 1; ; n++) {
                AtomicFiles.write(target, content(n));
                System.out.println("wrote " + n);
                System.out.flush();
            }
        }
    }
}
