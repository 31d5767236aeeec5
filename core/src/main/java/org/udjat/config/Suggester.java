package org.udjat.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the allowed word a misspelt one was probably meant to be ("did you mean"). */
public final class Suggester {
    private Suggester() {
    }

    /**
     * The candidate closest to the word, when it is close enough to be a likely typo: at most
     * one edit for words of up to five characters, two up to eight, three beyond. Case and
     * {@code -} versus {@code _} are ignored. Ties go to the earliest candidate.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String w = normalise(word);
        int limit = w.length() <= 5 ? 1 : w.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, normalise(c));
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A message like {@code unknown key "adress"; did you mean "address"?}. Without a close
     * candidate, lists every candidate when {@code listAll} (useful for keys, not for hosts).
     */
    public static String unknown(String what, String word, Collection<String> candidates, boolean listAll) {
        String base = "unknown " + what + " \"" + word + "\"";
        Optional<String> guess = closest(word, candidates);
        if (guess.isPresent()) {
            return base + "; did you mean \"" + guess.get() + "\"?";
        }
        if (listAll && !candidates.isEmpty()) {
            return base + "; expected one of: " + String.join(", ", candidates);
        }
        return base;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
