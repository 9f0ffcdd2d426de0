package org.nocturne.device.alpaca.server;

/** A safety monitor whose verdict the test sets. */
public final class TestSafetyMonitor extends SimulatedDevice {

    private boolean safe = true;

    TestSafetyMonitor() {
        super("safetymonitor", 0, "Test safety monitor");
    }

    public synchronized void safe(boolean verdict) {
        safe = verdict;
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError {
        if (request.member.equals("issafe")) {
            return safe;
        }
        throw AlpacaError.notImplemented(request.member);
    }
}
