package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nocturne.device.indi.IndiHostileInputTest.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;

/**
 * A mount behind a scripted server, for what the Telescope Simulator does not do on demand: a slew that never ends,
 * a sync the driver answers with no new position or refuses.
 */
class IndiMountScriptedTest {

    static final String MOUNT = "Fake Mount";
    static final String MOUNT_DEFINITIONS = """
            <defSwitchVector device="Fake Mount" name="CONNECTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="CONNECT">On</defSwitch><defSwitch name="DISCONNECT">Off</defSwitch></defSwitchVector>
            <defNumberVector device="Fake Mount" name="EQUATORIAL_EOD_COORD" state="Ok" perm="rw" timeout="60">
              <defNumber name="RA" format="%010.6m" min="0" max="24" step="0">1</defNumber>
              <defNumber name="DEC" format="%010.6m" min="-90" max="90" step="0">10</defNumber></defNumberVector>
            <defSwitchVector device="Fake Mount" name="ON_COORD_SET" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="TRACK">On</defSwitch><defSwitch name="SLEW">Off</defSwitch><defSwitch name="SYNC">Off</defSwitch>
            </defSwitchVector>
            <defNumberVector device="Fake Mount" name="TELESCOPE_TIMED_GUIDE_NS" state="Idle" perm="rw" timeout="0">
              <defNumber name="TIMED_GUIDE_N" format="%.f" min="0" max="60000" step="1">0</defNumber>
              <defNumber name="TIMED_GUIDE_S" format="%.f" min="0" max="60000" step="1">0</defNumber></defNumberVector>
            <defSwitchVector device="Fake Mount" name="TELESCOPE_ABORT_MOTION" state="Idle" perm="rw" rule="AtMostOne" timeout="60">
              <defSwitch name="ABORT">Off</defSwitch></defSwitchVector>
            """;
    static final String SLEWING = """
            <setNumberVector device="Fake Mount" name="EQUATORIAL_EOD_COORD" state="Busy">
              <oneNumber name="RA">1.5</oneNumber><oneNumber name="DEC">12</oneNumber></setNumberVector>
            """;

    @Test
    void abortCancelsTheRunningSlewAndTheQueuedOnes() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", MOUNT_DEFINITIONS)
                .answer("name='EQUATORIAL_EOD_COORD'", SLEWING)) {
            Mount mount = mount(server);
            await(mount.connect());
            CompletableFuture<Void> first = mount.slew(Equatorial.ofHoursDegrees(6, 20));
            CompletableFuture<Void> second = mount.slew(Equatorial.ofHoursDegrees(8, 30));
            IndiHostileInputTest.awaitState(mount, state -> state.activity() == MountActivity.SLEWING);
            await(mount.abort());
            assertTrue(first.isCancelled(), "the running slew is cancelled");
            assertTrue(second.isCancelled(), "the queued slew is cancelled");
            assertTrue(server.received().contains("name='TELESCOPE_ABORT_MOTION'><oneSwitch name='ABORT'>On"), server.received());
            assertEquals(1, count(server.received(), "<newNumberVector device='Fake Mount' name='EQUATORIAL_EOD_COORD'>"),
                    "the queued slew never started");
        }
    }

    @Test
    void aSyncTheDriverAnswersWithNoNewPositionEndsAfterTheAnswerTimeout() throws Exception {
        String syncMode = """
                <setSwitchVector device="Fake Mount" name="ON_COORD_SET" state="Ok">
                  <oneSwitch name="TRACK">Off</oneSwitch><oneSwitch name="SLEW">Off</oneSwitch><oneSwitch name="SYNC">On</oneSwitch>
                </setSwitchVector>
                """;
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", MOUNT_DEFINITIONS).answer("name='SYNC'>On", syncMode)) {
            Mount mount = mount(server);
            await(mount.connect());
            // INDI publishes the position after a sync only when it moved by more than 0.1″: here it says nothing.
            await(mount.sync(Equatorial.ofHoursDegrees(1, 10)));
            assertTrue(server.received().contains("<newNumberVector device='Fake Mount' name='EQUATORIAL_EOD_COORD'>"), server.received());
        }
    }

    @Test
    void aSyncTheDriverRefusesFailsWithItsMessage() throws Exception {
        String refused = """
                <setSwitchVector device="Fake Mount" name="ON_COORD_SET" state="Ok">
                  <oneSwitch name="TRACK">Off</oneSwitch><oneSwitch name="SLEW">Off</oneSwitch><oneSwitch name="SYNC">On</oneSwitch>
                </setSwitchVector>
                """;
        String alert = "<message device='Fake Mount' timestamp='2026-11-26T01:00:00' message='[ERROR] Sync refused'/>"
                + "<setNumberVector device='Fake Mount' name='EQUATORIAL_EOD_COORD' state='Alert'><oneNumber name='RA'>1</oneNumber>"
                + "<oneNumber name='DEC'>10</oneNumber></setNumberVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", MOUNT_DEFINITIONS).answer("name='SYNC'>On", refused)
                .answer("name='EQUATORIAL_EOD_COORD'", alert)) {
            Mount mount = mount(server);
            await(mount.connect());
            Throwable failure = IndiHostileInputTest.failureOf(mount.sync(Equatorial.ofHoursDegrees(2, 12)));
            assertTrue(failure.getMessage().contains(MOUNT) && failure.getMessage().contains("Sync refused"), failure.getMessage());
        }
    }

    @Test
    void cancellingAGuidePulseStopsTheMount() throws Exception {
        String pulsing = "<setNumberVector device='Fake Mount' name='TELESCOPE_TIMED_GUIDE_NS' state='Busy'>"
                + "<oneNumber name='TIMED_GUIDE_N'>20000</oneNumber><oneNumber name='TIMED_GUIDE_S'>0</oneNumber></setNumberVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", MOUNT_DEFINITIONS)
                .answer("name='TELESCOPE_TIMED_GUIDE_NS'", pulsing)) {
            Mount mount = mount(server);
            await(mount.connect());
            CompletableFuture<Void> pulse = mount.pulseGuide(GuideDirection.NORTH, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!server.received().contains("name='TIMED_GUIDE_N'>2") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            pulse.cancel(true);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!server.received().contains("name='TELESCOPE_ABORT_MOTION'") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(server.received().contains("name='TELESCOPE_ABORT_MOTION'><oneSwitch name='ABORT'>On"), server.received());
        }
    }

    static Mount mount(FakeIndiServer server) {
        return (Mount) new IndiProvider().create(DeviceKind.MOUNT, server.settings(MOUNT), IndiContractTest.CONTEXT);
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
