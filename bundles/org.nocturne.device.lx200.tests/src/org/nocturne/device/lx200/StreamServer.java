package org.nocturne.device.lx200;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What stands at the mount's end of a test link: answers (or ignores, or floods) what the driver sends. */
@FunctionalInterface
interface StreamServer {

    /** Serves one connection until it ends; returning or throwing ends it. */
    void serve(InputStream in, OutputStream out) throws IOException;

    /** Reads and ignores everything, answering nothing: a mount that is switched off. */
    static StreamServer silent() {
        return (in, out) -> {
            while (in.read() >= 0) {
                // swallow
            }
        };
    }
}
