package dev.apimupgrade.plan;

import java.util.List;

/** The few lexical rules of TOML the editor needs: dotted keys with quotes, the '=' of a key line, where a value ends. */
final class TomlKeys {
    private TomlKeys() {}

    /** A key or header as a canonical dotted path: whitespace around dots removed, simple quotes dropped. */
    static String normalise(String raw) {
        StringBuilder out = new StringBuilder();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char ch : raw.trim().toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    part.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '.') {
                out.append(part.toString().trim()).append('.');
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        return out.append(part.toString().trim()).toString();
    }

    /** The index of the '=' that ends the key of a key line (outside quoted key parts). */
    static int equalsSign(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '=') {
                return i;
            }
        }
        throw new IllegalArgumentException("not a TOML key line: " + line);
    }

    /** The line on which the value starting at {@code from} of line {@code first} ends (arrays and strings may span lines). */
    static int valueEnd(List<String> lines, int first, int from) {
        int depth = 0;
        String multi = null;
        for (int i = first; i < lines.size(); i++) {
            String s = TomlLayout.strip(lines.get(i));
            int j = i == first ? from : 0;
            while (j < s.length()) {
                if (multi != null) {
                    if (s.startsWith(multi, j)) {
                        j += 3;
                        multi = null;
                    } else {
                        j += s.charAt(j) == '\\' && multi.equals("\"\"\"") ? 2 : 1;
                    }
                    continue;
                }
                char ch = s.charAt(j);
                if (s.startsWith("\"\"\"", j) || s.startsWith("'''", j)) {
                    multi = s.substring(j, j + 3);
                    j += 3;
                } else if (ch == '"' || ch == '\'') {
                    j = closing(s, j);
                } else if (ch == '#') {
                    break;
                } else {
                    depth += ch == '[' || ch == '{' ? 1 : ch == ']' || ch == '}' ? -1 : 0;
                    j++;
                }
            }
            if (multi == null && depth <= 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("a value that starts on line " + (first + 1) + " never ends");
    }

    private static int closing(String s, int open) {
        char quote = s.charAt(open);
        for (int j = open + 1; j < s.length(); j++) {
            if (quote == '"' && s.charAt(j) == '\\') {
                j++;
            } else if (s.charAt(j) == quote) {
                return j + 1;
            }
        }
        return s.length();
    }
}
