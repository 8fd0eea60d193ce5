package dev.apimupgrade.plan;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at its dialect's delimiter, never inside quotes ('...', "...", `...`) or comments
 * (-- and /* *&#47;), and drops pieces that hold only comments. A statement starts at its first code (comments above it
 * stay in the file) and loses its delimiter, because JDBC drivers reject a trailing ';' (Oracle) or '/'. It knows no
 * PostgreSQL dollar quoting, MySQL '#' comments or backslash escapes: neither our scripts nor WSO2's schemas use them.
 */
final class StatementSplitter {
    private final String file;
    private final String text;
    private final DatabaseProduct.Delimiter delimiter;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int start;
    private int startLine = 1;
    private boolean hasCode;

    private StatementSplitter(String file, String text, DatabaseProduct.Delimiter delimiter) {
        this.file = file;
        this.text = text;
        this.delimiter = delimiter;
    }

    static List<SqlStatement> split(String file, String text, DatabaseProduct.Delimiter delimiter) {
        return new StatementSplitter(file, text, delimiter).run();
    }

    private List<SqlStatement> run() {
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (delimiter == DatabaseProduct.Delimiter.SLASH_LINE && atLineStart(i) && isSlashLine(i)) {
                int end = endOfLine(i);
                cut(i, end);
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '-' && next(i) == '-') {
                i = endOfLine(i);
            } else if (c == '/' && next(i) == '*') {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? text.length() : close + 2;
                line += count(i, end);
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                markCode(i, line);
                int end = endOfQuote(i, c);
                line += count(i, end);
                i = end;
            } else if (c == ';' && delimiter == DatabaseProduct.Delimiter.SEMICOLON) {
                cut(i, i + 1);
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    markCode(i, line);
                }
                i++;
            }
        }
        cut(text.length(), text.length());
        return statements;
    }

    private void markCode(int at, int line) {
        if (!hasCode) {
            hasCode = true;
            start = at;
            startLine = line;
        }
    }

    /** Ends the current statement before {@code at}; the next one starts after {@code resume}. */
    private void cut(int at, int resume) {
        if (hasCode) {
            statements.add(
                    new SqlStatement(file, startLine, text.substring(start, at).strip()));
        }
        hasCode = false;
        start = resume;
    }

    private boolean atLineStart(int i) {
        return i == 0 || text.charAt(i - 1) == '\n';
    }

    private boolean isSlashLine(int i) {
        return text.substring(i, endOfLine(i)).strip().equals("/");
    }

    private int endOfLine(int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl;
    }

    private int endOfQuote(int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote is an escaped quote
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException(
                file + ": a " + quote + " quote opened at offset " + open + " is never closed");
    }

    private char next(int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : 0;
    }

    private int count(int from, int to) {
        return (int) text.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }
}
