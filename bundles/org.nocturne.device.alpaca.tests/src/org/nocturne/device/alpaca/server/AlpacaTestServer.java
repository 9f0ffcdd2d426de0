package org.nocturne.device.alpaca.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An Alpaca server for tests, written from the protocol (docs/protocols.md §3.3): lower-case member URLs under
 * {@code /api/v1/{type}/{n}/}, GET parameters in any case, PUT parameters form-encoded with exact casing (else HTTP
 * 400 with a text body), the ClientTransactionID echoed and an increasing ServerTransactionID, ErrorNumber refusals,
 * the management API, ImageBytes or JSON images. One device of every kind, number 0, on 127.0.0.1 at an ephemeral
 * port. Faults can be injected per member ({@link #sabotage}).
 */
public final class AlpacaTestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "Alpaca test server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
    private final Map<String, Sabotage> sabotage = new ConcurrentHashMap<>();
    private final AtomicLong serverTransactions = new AtomicLong();
    private final List<Long> clientTransactions = new CopyOnWriteArrayList<>();
    private final Set<String> clientIds = ConcurrentHashMap.newKeySet();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> lights = new CopyOnWriteArrayList<>();
    private volatile boolean platform7 = true;

    public final TestCamera camera = new TestCamera();
    public final TestTelescope telescope = new TestTelescope();
    public final TestFocuser focuser = new TestFocuser();
    public final TestFilterWheel filterWheel = new TestFilterWheel();
    public final TestRotator rotator = new TestRotator();
    public final TestCoverCalibrator coverCalibrator = new TestCoverCalibrator();
    public final TestSwitch switches = new TestSwitch();
    public final TestObservingConditions observingConditions = new TestObservingConditions();
    public final TestSafetyMonitor safetyMonitor = new TestSafetyMonitor();

    private AlpacaTestServer() throws IOException {
        for (SimulatedDevice device : List.of(camera, telescope, focuser, filterWheel, rotator, coverCalibrator, switches, observingConditions,
                safetyMonitor)) {
            devices.put(device.type + "/" + device.number, device);
        }
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a server on 127.0.0.1 at an ephemeral port. */
    public static AlpacaTestServer start() throws IOException {
        return new AlpacaTestServer();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Whether devices have Platform 7's connect/connecting/disconnect (true) or only {@code connected} (false). */
    public void platform7(boolean supported) {
        platform7 = supported;
    }

    /** Makes a member (of any device) misbehave from now on; null restores it. */
    public void sabotage(String member, Sabotage how) {
        if (how == null) {
            sabotage.remove(member);
        } else {
            sabotage.put(member, how);
        }
    }

    /** The ClientTransactionIDs received, in order. */
    public List<Long> clientTransactions() {
        return List.copyOf(clientTransactions);
    }

    /** The device requests received, in order, as "PUT camera/0/startexposure". */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The Light parameter of every startexposure received, in order. */
    public List<String> lightParameters() {
        return List.copyOf(lights);
    }

    /** The ClientIDs received. */
    public Set<String> clientIds() {
        return Set.copyOf(clientIds);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String encoded = method.equals("PUT") ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : exchange.getRequestURI().getRawQuery();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (method.equals("PUT") && (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded"))) {
                text(exchange, 400, "PUT parameters must be application/x-www-form-urlencoded");
                return;
            }
            String[] parts = path.split("/");
            if (path.startsWith("/management/")) {
                management(exchange, path, new AlpacaRequest(method, path, encoded));
                return;
            }
            // "", "api", "v1", type, number, member
            if (parts.length != 6 || !parts[1].equals("api") || !parts[2].equals("v1")) {
                text(exchange, 404, "No such path " + path);
                return;
            }
            SimulatedDevice device = devices.get(parts[3] + "/" + parts[4]);
            if (device == null) {
                text(exchange, 404, "No " + parts[3] + " number " + parts[4]);
                return;
            }
            String member = parts[5];
            if (!member.equals(member.toLowerCase())) {
                text(exchange, 400, "Member names are lower case: " + member);
                return;
            }
            AlpacaRequest request = new AlpacaRequest(method, member, encoded);
            calls.add(method + " " + parts[3] + "/" + parts[4] + "/" + member);
            long client;
            try {
                client = request.clientTransaction();
                String clientId = request.optional("ClientID");
                if (clientId != null) {
                    clientIds.add(clientId);
                }
                if (member.equals("startexposure")) {
                    lights.add(request.optional("Light"));
                }
            } catch (BadRequest e) {
                text(exchange, 400, e.getMessage());
                return;
            }
            clientTransactions.add(client);
            Sabotage how = sabotage.get(member);
            if (how != null && sabotaged(exchange, how, client, device)) {
                return;
            }
            Object value;
            try {
                value = device.answer(request, platform7);
            } catch (BadRequest e) {
                text(exchange, 400, e.getMessage());
                return;
            } catch (AlpacaError e) {
                json(exchange, envelope(null, client, e.number, e.getMessage()));
                return;
            }
            if (member.equals("imagearray") && value instanceof TestImage image) {
                String accept = exchange.getRequestHeaders().getFirst("Accept");
                if (camera.imageBytes() && accept != null && accept.contains("application/imagebytes")) {
                    byte[] body = image.imageBytes(client, serverTransactions.incrementAndGet());
                    exchange.getResponseHeaders().set("Content-Type", "application/imagebytes");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                Map<String, Object> answer = envelope(image.columns(), client, 0, "");
                answer.put("Type", 2);
                answer.put("Rank", 2);
                json(exchange, answer);
                return;
            }
            json(exchange, envelope(value, client, 0, ""));
        } catch (RuntimeException e) {
            text(exchange, 500, "Test server failure: " + e);
        }
    }

    /** Misbehaves as asked; true when the exchange is answered. */
    private boolean sabotaged(HttpExchange exchange, Sabotage how, long client, SimulatedDevice device) throws IOException {
        switch (how) {
            case GARBAGE_JSON -> text(exchange, 200, "<html><body>Oops</body></html>");
            case WRONG_TYPE -> json(exchange, envelope("abc", client, 0, ""));
            case MISSING_VALUE -> json(exchange, envelope(null, client, 0, ""));
            case WRONG_TRANSACTION -> json(exchange, envelope(true, client + 1000, 0, ""));
            case HANG -> {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case HTTP_500 -> text(exchange, 500, "Internal server error: driver crashed");
            case ALWAYS_TRUE -> json(exchange, envelope(true, client, 0, ""));
            case HUGE_IMAGE -> {
                byte[] body = TestImage.header(1, 0, client, serverTransactions.incrementAndGet(), 2, 8, 100_000, 100_000, 64);
                exchange.getResponseHeaders().set("Content-Type", "application/imagebytes");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            case ENDLESS_BODY -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(chunk); // ends with an IOException when the client hangs up
                }
            }
            case TRUNCATED_BODY -> {
                byte[] body = JSON.writeValueAsBytes(envelope(true, client, 0, ""));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length * 4L);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                throw new IOException("truncated on purpose");
            }
        }
        return true;
    }

    private void management(HttpExchange exchange, String path, AlpacaRequest request) throws IOException {
        long client;
        try {
            client = request.clientTransaction();
        } catch (BadRequest e) {
            text(exchange, 400, e.getMessage());
            return;
        }
        Object value = switch (path) {
            case "/management/apiversions" -> List.of(1);
            case "/management/v1/description" -> Map.of("ServerName", "Nocturne Alpaca test server", "Manufacturer", "Nocturne",
                    "ManufacturerVersion", "1.0", "Location", "Test bench");
            case "/management/v1/configureddevices" -> devices.values().stream().map(SimulatedDevice::configured).toList();
            default -> null;
        };
        if (value == null) {
            text(exchange, 404, "No such management member " + path);
            return;
        }
        json(exchange, envelope(value, client, 0, ""));
    }

    private Map<String, Object> envelope(Object value, long client, int error, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (value != null && value != SimulatedDevice.VOID) {
            answer.put("Value", value);
        }
        answer.put("ClientTransactionID", client);
        answer.put("ServerTransactionID", serverTransactions.incrementAndGet());
        answer.put("ErrorNumber", error);
        answer.put("ErrorMessage", message);
        return answer;
    }

    private static void json(HttpExchange exchange, Map<String, Object> answer) throws IOException {
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
