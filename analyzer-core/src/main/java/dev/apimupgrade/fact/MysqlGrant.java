package dev.apimupgrade.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of MariaDB/MySQL SHOW GRANTS as the scanner keeps it ("GRANT SELECT, DELETE ON `db`.*", the grantee cut
 * off), read as what it grants, parsed when the scanner reads the line so rules ask typed fields: privileges on every database (*.*), on the databases a name pattern matches (db.*,
 * where _ and % are wildcards unless escaped), or on one table. Column privileges and routine grants grant no table
 * privilege, so they are left out; a line without ON is a role granted to the user.
 */
public record MysqlGrant(Set<String> privileges, String database, String table, String role) {
    /** Stands for ALL [PRIVILEGES]: every privilege of its level (never GRANT OPTION, which no script needs). */
    public static final String ALL = "ALL";

    /** The grant of a line, or empty for a line that grants no table privilege (column, routine, proxy grants). */
    public static Optional<MysqlGrant> parse(String line) {
        String text = line.trim();
        if (!text.toUpperCase(Locale.ROOT).startsWith("GRANT ")) {
            return Optional.empty();
        }
        text = text.substring("GRANT ".length()).trim();
        int on = topLevel(text, " ON ");
        if (on < 0) {
            return Optional.of(new MysqlGrant(Set.of(), "", "", unquote(text)));
        }
        String object = text.substring(on + " ON ".length()).trim();
        String upperObject = object.toUpperCase(Locale.ROOT);
        if (upperObject.startsWith("FUNCTION ")
                || upperObject.startsWith("PROCEDURE ")
                || upperObject.startsWith("PACKAGE ")) {
            return Optional.empty();
        }
        if (upperObject.startsWith("TABLE ")) {
            object = object.substring("TABLE ".length()).trim();
        }
        List<String> names = identifiers(object);
        if (names.size() != 2) {
            return Optional.empty();
        }
        Set<String> privileges = new java.util.TreeSet<>();
        for (String p : splitTopLevel(text.substring(0, on))) {
            if (p.contains("(")) {
                continue;
            }
            String name = p.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            privileges.add(name.equals("ALL PRIVILEGES") ? ALL : name);
        }
        return privileges.isEmpty()
                ? Optional.empty()
                : Optional.of(new MysqlGrant(Set.copyOf(privileges), names.get(0), names.get(1), ""));
    }

    /** Whether this grant gives {@code privilege} on {@code table} of {@code database} ("" table: the database itself). */
    public boolean covers(String privilege, String database, String table) {
        return (privileges.contains(privilege) || privileges.contains(ALL)) && appliesTo(database, table);
    }

    private boolean appliesTo(String database, String table) {
        if (!role.isEmpty()) {
            return false;
        }
        if (this.database.equals("*")) {
            return true;
        }
        if (this.table.equals("*")) {
            return matchesPattern(this.database, database);
        }
        return !table.isEmpty() && this.database.equals(database) && this.table.equalsIgnoreCase(table);
    }

    /** A database-level grant's name as a LIKE pattern: _ one character, % any, a backslash escapes them. */
    static boolean matchesPattern(String pattern, String database) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '%') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL)
                .matcher(database)
                .matches();
    }

    /**
     * A SHOW GRANTS line without its grantee and all that follows it (" TO `apim`@`%` IDENTIFIED BY PASSWORD '...'
     * WITH GRANT OPTION"), so no account name or password hash enters a fact; a quoted name may hold " TO " itself.
     */
    public static String withoutGrantee(String line) {
        int to = topLevel(line, " TO ");
        return to < 0 ? line : line.substring(0, to);
    }

    /** Where {@code keyword} first occurs outside quoted names and parentheses, or -1. */
    private static int topLevel(String text, String keyword) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                // a doubled quote inside a name closes and reopens it, which leaves it open
                quote = c == quote ? 0 : quote;
            } else if (c == '`' || c == '\'' || c == '"') {
                quote = c;
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0 && text.regionMatches(true, i, keyword, 0, keyword.length())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }

    /** The dot-separated names of `db`.`table`, db.*, *.*, with backtick quoting undone. */
    private static List<String> identifiers(String object) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < object.length(); i++) {
            char c = object.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < object.length() && object.charAt(i + 1) == '`') {
                    current.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else if (!Character.isWhitespace(c) || quoted) {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static String unquote(String role) {
        return role.replace("`", "").replace("'", "").trim();
    }
}
