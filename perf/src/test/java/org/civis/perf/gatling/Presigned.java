package org.civis.perf.gatling;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * A feeder of request bodies signed before injection starts (on every core, while the server is
 * idle), so that the load generator, which shares the machine with the server, spends its CPU on
 * sending. When a run outlasts the pre-signed stock, further bodies are signed as they are needed,
 * and counted, since that signing then competes with the server.
 */
final class Presigned implements Iterator<Map<String, Object>> {
    private final Map<String, Object>[] stock;
    private final LongFunction<Map<String, Object>> make;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong onTheFly = new AtomicLong();
    private final double secondsSigning;

    @SuppressWarnings("unchecked")
    Presigned(int count, LongFunction<Map<String, Object>> make) {
        this.make = make;
        long started = System.nanoTime();
        this.stock = IntStream.range(0, count).parallel().mapToObj(make::apply).toArray(Map[]::new);
        this.secondsSigning = (System.nanoTime() - started) / 1e9;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        long n = next.getAndIncrement();
        if (n < stock.length) {
            Map<String, Object> record = stock[(int) n];
            stock[(int) n] = null; // sent once: let it go
            return record;
        }
        onTheFly.incrementAndGet();
        return make.apply(n);
    }

    /** One feeder record: the signed body and what the scenario needs beside it. */
    static Map<String, Object> record(String body, String uin, String phone) {
        Map<String, Object> record = new HashMap<>(4);
        record.put("body", body);
        record.put("uin", uin);
        record.put("phone", phone);
        return record;
    }

    int stocked() {
        return stock.length;
    }

    long signedOnTheFly() {
        return onTheFly.get();
    }

    double secondsSigning() {
        return secondsSigning;
    }
}
