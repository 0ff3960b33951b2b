package org.civis.server.http;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who sent a request, for per-client limits: the connection's peer address, or, only when that
 * peer is one of the configured trusted proxies, the address the proxies name in
 * {@code X-Forwarded-For}: the right-most entry that is not itself a trusted proxy (entries further
 * left were written by the client and prove nothing). An IPv6 client is taken by its /64
 * network, since one subscriber usually holds a whole /64.
 */
public final class ClientAddress {
    private final Set<String> trustedProxies = new HashSet<>();

    /** {@code trustedProxies}: IP address literals (no host names: nothing is looked up). */
    public ClientAddress(Set<String> proxies) {
        for (String proxy : proxies) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(proxy);
            if (bytes == null) {
                throw new IllegalArgumentException("CIVIS_TRUSTED_PROXIES holds an entry that is not an IP address");
            }
            trustedProxies.add(canonical(bytes));
        }
    }

    /** The client's address or /64 network, as a short text. */
    public String of(HttpServerRequest request) {
        byte[] peer = NetUtil.createByteArrayFromIpAddressString(
                request.remoteAddress().hostAddress());
        if (peer == null) {
            return request.remoteAddress().hostAddress(); // a Unix socket: one local client
        }
        if (!trustedProxies.contains(canonical(peer))) {
            return client(peer);
        }
        List<String> hops = new ArrayList<>();
        request.headers().getAll("x-forwarded-for").forEach(h -> hops.addAll(Arrays.asList(h.split(","))));
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = NetUtil.createByteArrayFromIpAddressString(hops.get(i).trim());
            if (hop == null) {
                break; // a proxy wrote something unreadable: count the request against the proxy itself
            }
            if (!trustedProxies.contains(canonical(hop))) {
                return client(hop);
            }
        }
        return client(peer);
    }

    private static String client(byte[] address) {
        if (address.length == 16 && !isIpv4Mapped(address)) {
            return canonical(Arrays.copyOf(Arrays.copyOf(address, 8), 16)) + "/64";
        }
        return canonical(address);
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static String canonical(byte[] address) {
        if (address.length == 16 && isIpv4Mapped(address)) {
            return NetUtil.bytesToIpAddress(Arrays.copyOfRange(address, 12, 16));
        }
        return NetUtil.bytesToIpAddress(address);
    }
}
