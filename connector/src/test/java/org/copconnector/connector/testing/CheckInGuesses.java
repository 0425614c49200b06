package org.copconnector.connector.testing;

import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.copconnector.connector.testing.FuzzClient.Answer;

/**
 * Gabriela, a trainee of action A, guessing the check-in code of its session under way: hundreds of
 * wrong codes of the right shape, near misses of the real one, other sessions' codes and patterns a
 * lax comparison would match. Each is refused; none marks her present.
 */
final class CheckInGuesses {

  /** The letters codes are made of (no 0/O nor 1/I). */
  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** Random guesses: with 32^6 codes, 300 succeed by chance about once in 3.5 million runs. */
  static final int RANDOM_GUESSES = 300;

  private final HostileFuzz fuzz;
  private final HostileWorld w;

  CheckInGuesses(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
  }

  void send() throws IOException {
    String code = w.checkInCodeA;
    Set<String> guesses = new LinkedHashSet<>(nearMisses(code));
    guesses.add(w.checkInCodeLaterA);
    guesses.add(w.checkInCodeB);
    guesses.addAll(
        List.of(
            "%", "%%%%%%", "______", "*", ".*", "' OR '1'='1", " ", "null", code.substring(0, 1)));
    while (guesses.size() < RANDOM_GUESSES + 40) {
      StringBuilder guess = new StringBuilder();
      for (int i = 0; i < code.length(); i++) {
        guess.append(LETTERS.charAt(fuzz.random.nextInt(LETTERS.length())));
      }
      guesses.add(guess.toString());
    }
    guesses.remove(code);
    guesses.remove(code.toLowerCase(Locale.ROOT));
    String path = "/api/v1/training-sessions/" + w.sessionNowA + "/check-in";
    for (String guess : guesses) {
      String body = "{\"code\":" + new JsonPrimitive(guess) + "}";
      Answer answer = fuzz.json(w.member, "POST", path, body);
      fuzz.refused("check-in with " + guess, answer);
      if (answer.status() != 422 && answer.status() != 429) {
        fuzz.problem("check-in with " + guess + ": neither a wrong code nor too many", answer);
      }
    }
  }

  /** The real code one step off: a letter changed, cut, lengthened, spaced, look-alikes swapped. */
  private static List<String> nearMisses(String code) {
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < code.length(); i++) {
      char other = LETTERS.charAt((LETTERS.indexOf(code.charAt(i)) + 1) % LETTERS.length());
      misses.add(code.substring(0, i) + other + code.substring(i + 1));
    }
    misses.add(code.substring(0, code.length() - 1));
    misses.add(code + "A");
    misses.add(code.charAt(code.length() - 1) + code.substring(0, code.length() - 1));
    misses.add(code.substring(0, 3) + " " + code.substring(3));
    misses.add(code.replace('2', 'Z').replace('5', 'S').replace('8', 'B') + "0");
    misses.add(code + code);
    misses.add(code.substring(0, 3) + "%");
    misses.add(code.substring(0, 5) + "_");
    // Fullwidth letters, which only look like the code.
    StringBuilder fullwidth = new StringBuilder();
    code.chars().forEach(c -> fullwidth.append((char) (c + 0xFEE0)));
    misses.add(fullwidth.toString());
    return misses;
  }
}
