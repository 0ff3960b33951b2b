package org.civis.core.uin;

/**
 * The Verhoeff check-digit scheme, chosen over Luhn because it catches every single-digit
 * error and every swap of two adjacent digits, the two mistakes people make when copying a number.
 */
public final class Verhoeff {

    // Multiplication table of the dihedral group D5; the scheme's error detection rests on it
    // being non-commutative.
    private static final int[][] MULTIPLY = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
        {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
        {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
    };

    // Position-dependent permutation (row i is the base permutation applied i times); without it
    // adjacent transpositions would go unnoticed. It repeats with period 8.
    private static final int[][] PERMUTE = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
        {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
        {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
    };

    private static final int[] INVERSE = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private Verhoeff() {}

    /**
     * Returns the digit to append to {@code digits} so that the result passes {@link #isValid}.
     *
     * @throws IllegalArgumentException if {@code digits} is empty or holds anything but ASCII digits
     */
    public static int checkDigit(CharSequence digits) {
        if (!isAllDigits(digits)) {
            throw new IllegalArgumentException("Verhoeff input must be a non-empty string of digits");
        }
        // The check digit will occupy position 0 (counted from the right), so the payload starts at 1.
        return INVERSE[fold(digits, 1)];
    }

    /** Whether the last digit of {@code numberWithCheckDigit} is the correct Verhoeff digit for the rest. */
    public static boolean isValid(CharSequence numberWithCheckDigit) {
        return isAllDigits(numberWithCheckDigit) && fold(numberWithCheckDigit, 0) == 0;
    }

    private static int fold(CharSequence digits, int firstPosition) {
        int check = 0;
        int position = firstPosition;
        for (int i = digits.length() - 1; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            check = MULTIPLY[check][PERMUTE[position % 8][digit]];
        }
        return check;
    }

    private static boolean isAllDigits(CharSequence text) {
        if (text == null || text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Character.isDigit would admit non-ASCII digits such as Arabic-Indic ones.
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
