package costscope.files;

import java.io.IOException;

/**
 * An output that cannot be written as asked, said in the user's terms: the path they gave and what is wrong with it
 * (its folder does not exist, it is a directory, permission denied, it is a file the command reads, the image is
 * too large to make), never a temporary file's name. Bad input: the command line exits 2 with the message.
 */
public final class OutputException extends IOException {
    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
