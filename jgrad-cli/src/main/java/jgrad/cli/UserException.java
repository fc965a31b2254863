package jgrad.cli;

/** A failure the user can fix (bad flag, file or value): reported as one line, exit code 2. */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
