package org.civis.verifier.files;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.text.ParseException;
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

    public static LoadedKeys<StatusListToken> load(
            byte[] content, String source, KeyRing keys, Limits limits, Optional<Provider> provider)
            throws KeyFileException {
        List<StatusListToken> tokens = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("{")) {
            for (var entry : bundleEntries(content, source)) {
                String where = entry.where();
                Step<StatusListToken> token = read(hex(entry.hex(), where), where, keys, limits, provider);
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

    @SuppressWarnings("unchecked")
    private static List<BundleEntry> bundleEntries(byte[] content, String source) throws KeyFileException {
        Map<String, Object> json;
        try {
            String text = new String(content, StandardCharsets.UTF_8);
            json = JSONObjectUtils.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (ParseException e) {
            throw new KeyFileException(source + ": not valid JSON", e);
        }
        Object lists = json.get("statusLists");
        if (lists == null) {
            return List.of();
        }
        if (!(lists instanceof List)) {
            throw new KeyFileException(source + ": statusLists is not an array");
        }
        List<BundleEntry> entries = new ArrayList<>();
        List<Object> items = (List<Object>) lists;
        for (int i = 0; i < items.size(); i++) {
            String where = source + " statusLists[" + i + "]";
            if (!(items.get(i) instanceof Map)
                    || !(((Map<String, Object>) items.get(i)).get("token") instanceof String)) {
                throw new KeyFileException(where + ": needs a token (hex string)");
            }
            Map<String, Object> item = (Map<String, Object>) items.get(i);
            Optional<String> uri = item.get("uri") instanceof String u ? Optional.of(u) : Optional.empty();
            entries.add(new BundleEntry(where, uri, (String) item.get("token")));
        }
        return entries;
    }

    private static byte[] hex(String hex, String where) throws KeyFileException {
        String clean = hex.strip();
        if (!isHex(clean)) {
            throw new KeyFileException(where + ": token is not hex");
        }
        return HexFormat.of().parseHex(clean);
    }

    private static boolean isHex(String text) {
        return !text.isEmpty()
                && text.length() % 2 == 0
                && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }
}
