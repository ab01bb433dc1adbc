package org.fluxion.io.hdf5.internal;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the protocol-0 (text) pickles in which PyTables stores pandas' list attributes, e.g.
 * {@code values_block_0_kind = (lp0\nVenergy\np1\naVzenith\np2\na.}. Only data opcodes are
 * understood (lists, tuples, text, integers, None, memo); no code is ever run. Stateless.
 */
final class PandasPickle {
    private PandasPickle() {
    }

    /**
     * @return the strings of a pickled list of strings
     * @throws IllegalArgumentException if the text is not a protocol-0 pickle of a list of strings
     */
    static List<String> stringList(String pickle) {
        Object o = load(pickle);
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a pickled list but found " + describe(o));
        }
        List<String> out = new ArrayList<>();
        for (Object e : l) {
            if (!(e instanceof String s)) {
                throw new IllegalArgumentException("expected a list of names but found an element " + describe(e));
            }
            out.add(s);
        }
        return out;
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName() + " " + o;
    }

    /** @return the unpickled value: List, String, Long, or null */
    static Object load(String p) {
        Deque<Integer> marks = new ArrayDeque<>();
        List<Object> items = new ArrayList<>(); // the stack as a list, top at the end
        Map<String, Object> memo = new HashMap<>();
        int i = 0;
        while (i < p.length()) {
            char op = p.charAt(i++);
            int eol = p.indexOf('\n', i);
            switch (op) {
                case '(' -> marks.push(items.size());
                case 'l', 't' -> {
                    int m = marks.pop();
                    List<Object> l = new ArrayList<>(items.subList(m, items.size()));
                    items.subList(m, items.size()).clear();
                    items.add(l);
                }
                case ']', ')' -> items.add(new ArrayList<>());
                case 'a' -> {
                    Object v = items.remove(items.size() - 1);
                    list(items.get(items.size() - 1)).add(v);
                }
                case 'e' -> {
                    int m = marks.pop();
                    List<Object> vs = new ArrayList<>(items.subList(m, items.size()));
                    items.subList(m, items.size()).clear();
                    list(items.get(items.size() - 1)).addAll(vs);
                }
                case 'V' -> {
                    items.add(unescape(p.substring(i, eol)));
                    i = eol + 1;
                }
                case 'S' -> {
                    String s = p.substring(i, eol).strip();
                    items.add(s.length() >= 2 ? s.substring(1, s.length() - 1) : s);
                    i = eol + 1;
                }
                case 'I', 'L' -> {
                    String s = p.substring(i, eol).strip().replace("L", "");
                    items.add(s.equals("00") ? Boolean.FALSE : s.equals("01") ? Boolean.TRUE : Long.valueOf(s));
                    i = eol + 1;
                }
                case 'N' -> items.add(null);
                case 'p' -> {
                    memo.put(p.substring(i, eol), items.get(items.size() - 1));
                    i = eol + 1;
                }
                case 'g' -> {
                    items.add(memo.get(p.substring(i, eol)));
                    i = eol + 1;
                }
                case '.' -> {
                    if (items.size() != 1) {
                        throw new IllegalArgumentException("malformed pickle: " + items.size() + " values at STOP");
                    }
                    return items.get(0);
                }
                default -> throw new IllegalArgumentException("unsupported pickle opcode '" + op + "' at " + (i - 1)
                        + " (only protocol-0 lists of text are read)");
            }
        }
        throw new IllegalArgumentException("pickle without STOP opcode");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException("APPEND to a " + describe(o));
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 9 < s.length() && s.charAt(i + 1) == 'U') {
                sb.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 10), 16));
                i += 9;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
