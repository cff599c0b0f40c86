package org.goguides.site;

import java.io.IOException;

/**
 * A value made by the first thread that asks for it, while the others that ask meanwhile wait; a failure to make
 * it is kept and thrown to every caller, so it is made once either way. For what every page of a build shares,
 * which the first page to be rendered sets up once what it needs has been read in the background.
 */
final class OnFirstUse<T> {
    /** Makes the value; may fail with an I/O error. */
    @FunctionalInterface
    interface Maker<T> {
        T make() throws IOException;
    }

    private final Maker<T> maker;
    private boolean made;
    private T value;
    private IOException ioFailure;
    private RuntimeException failure;

    OnFirstUse(Maker<T> maker) {
        this.maker = maker;
    }

    synchronized T get() throws IOException {
        if (!made) {
            made = true;
            try {
                value = maker.make();
            } catch (IOException e) {
                ioFailure = e;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (ioFailure != null) throw ioFailure;
        if (failure != null) throw failure;
        return value;
    }
}
