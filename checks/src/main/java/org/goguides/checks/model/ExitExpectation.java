package org.goguides.checks.model;

/**
 * The exit code a step must end with: one number, or any non-zero code.
 */
public record ExitExpectation(int code, boolean anyNonZero) {
    public static final ExitExpectation SUCCESS = new ExitExpectation(0, false);
    public static final ExitExpectation NONZERO = new ExitExpectation(-1, true);

    public static ExitExpectation of(int code) {
        return code == 0 ? SUCCESS : new ExitExpectation(code, false);
    }

    public boolean accepts(int actual) {
        return anyNonZero ? actual != 0 : actual == code;
    }

    @Override
    public String toString() {
        return anyNonZero ? "nonzero" : Integer.toString(code);
    }
}
