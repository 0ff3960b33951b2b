package org.civis.verifier.files;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.verifier.Limits;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.internal.status.StatusListTokenReader;
import org.civis.verifier.status.StatusListToken;
import org.civis.verifier.trust.KeyRing;

/**
 * Reads Status List Tokens from a file: the raw CBOR bytes, their hex text, or a verifier bundle
 * ({@code {"statusLists": [{"uri", "token": "<hex>"}]}}). Each token is verified on loading; one
 * that fails is left out with a warning, because a list nobody trusted signed must never revoke or
 * clear anything.
 */
public final class StatusListFiles {
    private StatusListFiles() {}

    public static FileReading<StatusListToken> load(
            byte[] content, String source, KeyRing keys, Limits limits, Optional<Provider> provider) {
        List<StatusListToken> tokens = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("{")) {
            List<BundleEntry> entries = new ArrayList<>();
            Optional<String> unreadable = bundleEntries(content, source, entries);
            if (unreadable.isPresent()) {
                return new FileReading.Unreadable<>(unreadable.get());
            }
            for (BundleEntry entry : entries) {
                String where = entry.where();
                Optional<byte[]> cbor = hex(entry.hex());
                if (cbor.isEmpty()) {
                    return new FileReading.Unreadable<>(where + ": token is not hex");
                }
                Step<StatusListToken> token = read(cbor.get(), where, keys, limits, provider);
                if (token.isRefused()) {
                    warnings.add(untrusted(where, token));
                    continue;
                }
                if (entry.uri().isPresent()
                        && !entry.uri().get().equals(token.value().uri())) {
                    warnings.add(where + ": bundle uri differs from the token's sub; the token's sub is used");
                }
                tokens.add(token.value());
            }
            return new LoadedKeys<>(tokens, warnings);
        }
        byte[] cbor = isHex(text) ? HexFormat.of().parseHex(text) : content;
        Step<StatusListToken> token = read(cbor, source, keys, limits, provider);
        if (token.isRefused()) {
            warnings.add(untrusted(source, token));
        } else {
            tokens.add(token.value());
        }
        return new LoadedKeys<>(tokens, warnings);
    }

    private static String untrusted(String where, Step<StatusListToken> refused) {
        return where + ": not trusted: " + refused.error().code() + " "
                + refused.error().message();
    }

    private static Step<StatusListToken> read(
            byte[] cbor, String where, KeyRing keys, Limits limits, Optional<Provider> provider) {
        return StatusListTokenReader.read(
                cbor,
                where,
                keys,
                new Bounds(
                        limits.maxTextLength(),
                        limits.maxInflatedBytes(),
                        limits.maxStatusListBytes(),
                        limits.maxCborDepth(),
                        limits.maxCborItems()),
                provider);
    }

    private record BundleEntry(String where, Optional<String> uri, String hex) {}

    /** Adds the bundle's entries to {@code out}; why the bundle cannot be read, naming the place, if so. */
    @SuppressWarnings("unchecked")
    private static Optional<String> bundleEntries(byte[] content, String source, List<BundleEntry> out) {
        Optional<Map<String, Object>> json = KeyFiles.parseJson(content);
        if (json.isEmpty()) {
            return Optional.of(source + ": not valid JSON");
        }
        Object lists = json.get().get("statusLists");
        if (lists == null) {
            return Optional.empty();
        }
        if (!(lists instanceof List)) {
            return Optional.of(source + ": statusLists is not an array");
        }
        List<Object> items = (List<Object>) lists;
        for (int i = 0; i < items.size(); i++) {
            String where = source + " statusLists[" + i + "]";
            if (!(items.get(i) instanceof Map)
                    || !(((Map<String, Object>) items.get(i)).get("token") instanceof String)) {
                return Optional.of(where + ": needs a token (hex string)");
            }
            Map<String, Object> item = (Map<String, Object>) items.get(i);
            Optional<String> uri = item.get("uri") instanceof String u ? Optional.of(u) : Optional.empty();
            out.add(new BundleEntry(where, uri, (String) item.get("token")));
        }
        return Optional.empty();
    }

    private static Optional<byte[]> hex(String hex) {
        String clean = hex.strip();
        return isHex(clean) ? Optional.of(HexFormat.of().parseHex(clean)) : Optional.empty();
    }

    private static boolean isHex(String text) {
        return !text.isEmpty()
                && text.length() % 2 == 0
                && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }
}
