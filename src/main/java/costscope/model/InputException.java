package costscope.model;

/**
 * Bad input from the user: a value typed on the command line or in a field, an id that names nothing, an option out of
 * its range. The message says what is wrong in the user's words and is shown as it is (the command line exits with 2).
 * Any other exception is a bug, reported as one: code that checks its own arguments throws IllegalArgumentException or
 * IllegalStateException, never this.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
