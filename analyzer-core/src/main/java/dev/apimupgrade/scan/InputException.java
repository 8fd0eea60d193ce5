package dev.apimupgrade.scan;

/**
 * Input the tool cannot work with (a malformed deployment.toml, a path that is not an APIM home): the message names
 * the file and, where there is one, the line. The CLI turns it into a one-line error and exit code 2.
 */
public class InputException extends Exception {
    private final String file;
    private final int line;
    private final String message;

    public InputException(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.message = message;
    }

    /** Never null: every constructor takes the message (a report or the CLI prints it as it is). */
    @Override
    public String getMessage() {
        return message;
    }

    public InputException(String file, String message) {
        this(file, 0, message);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** "file:line: message", the form the CLI prints. */
    public String describe() {
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
