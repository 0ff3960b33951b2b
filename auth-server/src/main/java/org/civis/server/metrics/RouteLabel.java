package org.civis.server.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tidies Vert.x's {@code route} label. vertx-web reports the name of every route a request passed
 * through, joined by {@code >}; a route's name is its path template. The label keeps the last one,
 * the route that answered: a request to {@code /v1/identities/1234567890} passes the operator check
 * on {@code /v1/*}, the body reader and the handler, and is labelled {@code /v1/identities/:uin}. A
 * request no route matched is labelled {@code unmatched}, never with its path.
 */
final class RouteLabel implements MeterFilter {
    static final String UNMATCHED = "unmatched";

    @Override
    public Meter.Id map(Meter.Id id) {
        String route = id.getTag("route");
        if (route == null) {
            return id;
        }
        String tidy = tidy(route);
        if (tidy.equals(route)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            tags.add(tag.getKey().equals("route") ? Tag.of("route", tidy) : tag);
        }
        return id.replaceTags(tags);
    }

    static String tidy(String route) {
        if (route.isEmpty()) {
            return UNMATCHED;
        }
        return route.substring(route.lastIndexOf('>') + 1);
    }
}
