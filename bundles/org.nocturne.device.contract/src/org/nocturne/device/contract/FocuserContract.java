package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.focuser.Focuser;

/** The focuser contract: absolute and relative moves, the range checked, the state following. */
public abstract class FocuserContract extends DeviceContract<Focuser> {

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.moveBy(10);
    }

    @Test
    void movesToPositionsWithinItsTravelAndRefusesOthers() throws Exception {
        await(device.connect());
        int max = device.capabilities().maxPosition();
        assertTrue(max > 0, "travel");
        int target = max / 2 + 123;
        if (device.capabilities().absolute()) {
            await(device.moveTo(target));
            assertEquals(target, device.state().position());
            assertFalse(device.state().moving());
            Throwable failure = failureOf(device.moveTo(max + 1));
            assertInstanceOf(IllegalArgumentException.class, failure);
            assertTrue(failure.getMessage().contains(String.valueOf(max + 1)), failure.getMessage());
        }
        int before = device.state().position();
        await(device.moveBy(-100));
        assertEquals(before - 100, device.state().position());
    }

    @Test
    void cancellingAMoveStopsTheMotorShortOfTheTarget() throws Exception {
        await(device.connect());
        int start = device.state().position();
        int target = start > device.capabilities().maxPosition() / 2 ? 0 : device.capabilities().maxPosition();
        CompletableFuture<Void> move = device.moveBy(target - start);
        awaitState(focuser -> focuser.state().moving() || move.isDone(), "the move starts");
        Assumptions.assumeTrue(move.cancel(true), "the move ended before it could be cancelled");
        awaitState(focuser -> !focuser.state().moving(), "the motor stops");
        assertTrue(device.state().position() != target, "stopped short of " + target + ": " + device.state());
    }
}
