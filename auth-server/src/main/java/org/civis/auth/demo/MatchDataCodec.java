package org.civis.auth.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The binary form of {@link MatchData}: a version byte, then the name field, the normalized forms, the
 * name's codes and the contacts, with lengths and counts as unsigned LEB128 varints and strings as
 * UTF-8. A token's codes are stored sorted and joined with '|', the separator Beider-Morse itself uses.
 * Decoding rejects anything else with {@link IllegalArgumentException}, never with the bytes in the message.
 *
 * <p>Bump {@link #VERSION} whenever the layout, the normalization or the Beider-Morse rules change, so
 * that cached entries from before are rebuilt rather than silently compared under the old rules.
 */
final class MatchDataCodec {

    static final byte VERSION = 1;

    private MatchDataCodec() {}

    static byte[] encode(MatchData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, data.nameField());
            writeCount(out, data.forms().size());
            for (Map.Entry<String, Map<String, String>> field : data.forms().entrySet()) {
                writeString(out, field.getKey());
                writeCount(out, field.getValue().size());
                for (Map.Entry<String, String> form : field.getValue().entrySet()) {
                    writeString(out, form.getKey());
                    writeString(out, form.getValue());
                }
            }
            writeCount(out, data.nameCodes().size());
            for (Map.Entry<String, List<Set<String>>> language :
                    data.nameCodes().entrySet()) {
                writeString(out, language.getKey());
                writeCount(out, language.getValue().size());
                for (Set<String> codes : language.getValue()) {
                    writeString(out, String.join("|", new TreeSet<>(codes)));
                }
            }
            writeOptional(out, data.phone().orElse(null));
            writeOptional(out, data.email().orElse(null));
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return bytes.toByteArray();
    }

    static MatchData decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("not MatchData: unsupported version " + version);
            }
            String nameField = readString(in);
            Map<String, Map<String, String>> forms = new LinkedHashMap<>();
            for (int f = readCount(in); f > 0; f--) {
                String field = readString(in);
                Map<String, String> byLanguage = new LinkedHashMap<>();
                for (int l = readCount(in); l > 0; l--) {
                    putNew(byLanguage, readString(in), readString(in));
                }
                putNew(forms, field, byLanguage);
            }
            Map<String, List<Set<String>>> nameCodes = new LinkedHashMap<>();
            for (int l = readCount(in); l > 0; l--) {
                String language = readString(in);
                List<Set<String>> tokens = new ArrayList<>();
                for (int t = readCount(in); t > 0; t--) {
                    tokens.add(readCodes(in));
                }
                putNew(nameCodes, language, tokens);
            }
            String phone = readOptional(in);
            String email = readOptional(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("not MatchData: trailing bytes");
            }
            try {
                return new MatchData(nameField, forms, nameCodes, phone, email);
            } catch (IllegalArgumentException inconsistent) {
                throw new IllegalArgumentException("not MatchData: " + inconsistent.getMessage(), inconsistent);
            }
        } catch (EOFException truncated) {
            throw new IllegalArgumentException("not MatchData: truncated", truncated);
        } catch (IOException malformed) {
            throw new IllegalArgumentException("not MatchData: malformed", malformed);
        }
    }

    private static Set<String> readCodes(DataInputStream in) throws IOException {
        String joined = readString(in);
        Set<String> codes = new TreeSet<>();
        if (!joined.isEmpty()) {
            for (String code : joined.split("\\|", -1)) {
                if (code.isEmpty() || !codes.add(code)) {
                    throw new IllegalArgumentException("not MatchData: malformed phonetic codes");
                }
            }
        }
        return codes;
    }

    private static <V> void putNew(Map<String, V> map, String key, V value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("not MatchData: a key occurs twice");
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        int present = in.readUnsignedByte();
        if (present > 1) {
            throw new IllegalArgumentException("not MatchData: bad presence flag");
        }
        return present == 1 ? readString(in) : null;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeCount(out, utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[readCount(in)];
        in.readFully(utf8);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("not MatchData: invalid UTF-8");
        }
    }

    private static void writeCount(DataOutputStream out, int count) throws IOException {
        int rest = count;
        while ((rest & ~0x7F) != 0) {
            out.writeByte((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    /**
     * A length or element count. Every element takes at least one byte, so a count above the bytes left
     * is garbage; refusing it early keeps a corrupt entry from causing a huge allocation.
     */
    private static int readCount(DataInputStream in) throws IOException {
        long count = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            count |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (count > in.available()) {
                    throw new IllegalArgumentException("not MatchData: a count exceeds the data");
                }
                return (int) count;
            }
        }
        throw new IllegalArgumentException("not MatchData: overlong count");
    }
}
