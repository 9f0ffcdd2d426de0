package org.nocturne.device.lx200;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.contract.MountContract;

/**
 * The LX200 driver passes the mount contract against the simulated 10Micron responder (ultra precision: 0.01 s and
 * 0.1″) over a serial line (a socat pseudo-terminal opened through jSerialComm) and over TCP, and against a classic
 * Meade (high precision: 1 s and 1″, declared in the capabilities, which the contract allows for; no park, fork
 * mounted) over TCP.
 */
class Lx200ContractTest {

    @Nested
    class OverSerialLine extends MountContract {

        @TempDir
        Path directory;
        private PtyPair pty;

        @Override
        protected Mount newDevice() throws Exception {
            Lx200Responder responder = new Lx200Responder(Lx200Responder.Profile.TEN_MICRON);
            pty = PtyPair.start(directory, responder::serve);
            return TestMounts.serial(pty.mountEnd(), Map.of());
        }

        @Override
        protected Equatorial reachableTarget() {
            return TestMounts.reachableTarget();
        }

        @AfterEach
        void stopSocat() throws Exception {
            if (pty != null) {
                try {
                    device.disconnect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } finally {
                    pty.close();
                }
            }
        }
    }

    @Nested
    class OverTcp extends TcpContract {
        OverTcp() {
            super(Lx200Responder.Profile.TEN_MICRON);
        }
    }

    @Nested
    class ClassicMeadeOverTcp extends TcpContract {
        ClassicMeadeOverTcp() {
            super(Lx200Responder.Profile.CLASSIC);
        }
    }

    /** The contract against a responder of one profile, over TCP as through a WiFi bridge. */
    abstract class TcpContract extends MountContract {

        private final Lx200Responder.Profile profile;
        private TcpPeer peer;

        TcpContract(Lx200Responder.Profile profile) {
            this.profile = profile;
        }

        @Override
        protected Mount newDevice() throws Exception {
            Lx200Responder responder = new Lx200Responder(profile);
            peer = new TcpPeer(responder::serve);
            return TestMounts.tcp(peer.port(), Map.of());
        }

        @Override
        protected Equatorial reachableTarget() {
            return TestMounts.reachableTarget();
        }

        @AfterEach
        void stopPeer() throws Exception {
            if (peer != null) {
                try {
                    device.disconnect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } finally {
                    peer.close();
                }
            }
        }
    }
}
