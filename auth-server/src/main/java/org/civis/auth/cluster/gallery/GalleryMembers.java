package org.civis.auth.cluster.gallery;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which members hold a fingerprint gallery. Each member says so in a Hazelcast member attribute set
 * before it joins, so every asker sees the same answer for a member without asking it; members that
 * only authenticate say no and are given no share of a search.
 */
public final class GalleryMembers {
    static final String ATTRIBUTE = "civis.fingerprint-gallery";

    private GalleryMembers() {}

    public static void announce(Config config, boolean holdsGallery) {
        config.getMemberAttributeConfig().setAttribute(ATTRIBUTE, String.valueOf(holdsGallery));
    }

    static boolean holdsGallery(Member member) {
        return Boolean.parseBoolean(member.getAttribute(ATTRIBUTE));
    }

    /** The members that hold a gallery, in UUID order: the same order on every asker. */
    static List<Member> among(Collection<Member> members) {
        return members.stream()
                .filter(GalleryMembers::holdsGallery)
                .sorted(Comparator.comparing(Member::getUuid))
                .toList();
    }
}
