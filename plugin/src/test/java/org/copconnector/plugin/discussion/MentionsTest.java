package org.copconnector.plugin.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.copconnector.plugin.i18n.Translations;
import org.junit.jupiter.api.Test;

/** A mention is a link in the hub and plain "@Name" in the Moodle copy. */
class MentionsTest {

  private static final String LINK = Mentions.link("c1", "d08", "Gabriela <Lopes>");

  @Test
  void theHubKeepsALinkToTheMemberWithHerNameEscaped() {
    assertEquals(
        "<a data-mention=\"d08\" href=\"/community?id=c1#member-d08\" rel=\"nofollow\">"
            + "@Gabriela &lt;Lopes&gt;</a>",
        LINK);
    assertTrue(
        SafeHtml.sanitizeWithMentions(LINK).contains("data-mention=\"d08\""),
        "a post's sanitiser keeps it");
    assertFalse(SafeHtml.sanitize(LINK).contains("data-mention"), "elsewhere it is a plain link");
  }

  @Test
  void theMoodleCopyHasThePlainName() {
    Post post =
        new Post(
            "0b6f2a9e-0000-4000-8000-000000000001",
            "t1",
            2,
            null,
            "d07",
            "Filipe Ramos",
            "<p>Olá " + LINK + ", vê isto.</p>",
            null,
            null,
            Post.Origin.HUB,
            0,
            false,
            Instant.EPOCH,
            null);
    String copy = ForumMirror.html(post, "ref cop-0b6f2a9e0000", Translations.in("pt"));
    assertTrue(copy.startsWith("<p>Olá @Gabriela &lt;Lopes&gt;, vê isto.</p>"), copy);
    assertFalse(copy.contains("<a"), copy);
  }
}
