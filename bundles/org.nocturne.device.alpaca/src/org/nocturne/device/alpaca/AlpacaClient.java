package org.nocturne.device.alpaca;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP/JSON link to one Alpaca device, with the JDK HTTP client. Every request carries this process's ClientID
 * and a new ClientTransactionID, whose echo is checked. Answers are size-capped and time-bounded.
 *
 * <p>Blocking: every call waits for the answer (at most the endpoint's timeout) and gives up on interruption. Meant
 * for the device's own thread; the underlying client is thread-safe. {@link #close()} releases the HTTP client.
 *
 * <p>Failures are {@link AlpacaException}s naming the device and the member: a device's refusal (non-zero
 * ErrorNumber), an HTTP 400/404 (refused request, unknown member), or a broken link (silence, refused connection,
 * HTTP 5xx, an answer that is not Alpaca JSON, a wrong ClientTransactionID echo, a value of the wrong type).
 */
final class AlpacaClient implements AutoCloseable {

    /** One ClientID for this Nocturne process, as Alpaca asks. */
    static final int CLIENT_ID = 1 + ThreadLocalRandom.current().nextInt(65_535);
    private static final AtomicLong TRANSACTIONS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ordinary answers are a few hundred bytes; lists of names a few kilobytes. */
    private static final long MAX_JSON_BYTES = 4L << 20;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final AlpacaEndpoint endpoint;
    private final String device;
    private final HttpClient http;

    AlpacaClient(AlpacaEndpoint endpoint, String device) {
        this.endpoint = endpoint;
        this.device = device;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The next ClientTransactionID: increasing, a non-zero uint32. */
    static long nextTransaction() {
        return TRANSACTIONS.updateAndGet(n -> n >= 0xFFFF_FFFFL ? 1 : n + 1);
    }

    /** GETs a member and returns its Value (null when the answer has none). Parameters are name/value pairs. */
    JsonNode get(String member, String... parameters) throws InterruptedException {
        long transaction = nextTransaction();
        StringBuilder query = new StringBuilder(encode(parameters));
        query.append(query.isEmpty() ? "" : "&").append("ClientID=").append(CLIENT_ID).append("&ClientTransactionID=").append(transaction);
        URI uri = URI.create(endpoint.member(member) + "?" + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(endpoint.timeout()).header("Accept", "application/json").GET().build();
        return answer(member, send(member, request, CappedBody.handler(MAX_JSON_BYTES), endpoint.timeout()), transaction).get("Value");
    }

    /** PUTs a member with exactly-cased parameter names (name/value pairs) and returns the Value, if any. */
    JsonNode put(String member, String... parameters) throws InterruptedException {
        long transaction = nextTransaction();
        String body = encode(parameters);
        body += (body.isEmpty() ? "" : "&") + "ClientID=" + CLIENT_ID + "&ClientTransactionID=" + transaction;
        HttpRequest request = HttpRequest.newBuilder(endpoint.member(member)).timeout(endpoint.timeout()).header("Content-Type", FORM)
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(member, send(member, request, CappedBody.handler(MAX_JSON_BYTES), endpoint.timeout()), transaction).get("Value");
    }

    boolean getBoolean(String member, String... parameters) throws InterruptedException {
        JsonNode value = required(member, get(member, parameters));
        if (!value.isBoolean()) {
            throw wrongType(member, "true or false", value);
        }
        return value.booleanValue();
    }

    int getInt(String member, String... parameters) throws InterruptedException {
        JsonNode value = required(member, get(member, parameters));
        if (!value.isNumber() || !value.canConvertToInt() || value.asDouble() != Math.rint(value.asDouble())) {
            throw wrongType(member, "a whole number", value);
        }
        return value.asInt();
    }

    double getDouble(String member, String... parameters) throws InterruptedException {
        JsonNode value = required(member, get(member, parameters));
        if (!value.isNumber()) {
            throw wrongType(member, "a number", value);
        }
        return value.asDouble();
    }

    String getString(String member, String... parameters) throws InterruptedException {
        JsonNode value = required(member, get(member, parameters));
        if (!value.isTextual()) {
            throw wrongType(member, "text", value);
        }
        return value.textValue();
    }

    /** A member whose Value is an array; its elements are checked by the caller. */
    List<JsonNode> getArray(String member, String... parameters) throws InterruptedException {
        JsonNode value = required(member, get(member, parameters));
        if (!value.isArray()) {
            throw wrongType(member, "a list", value);
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    List<String> getStrings(String member) throws InterruptedException {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : getArray(member)) {
            if (!element.isTextual()) {
                throw wrongType(member, "a list of text", element);
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    List<Integer> getInts(String member) throws InterruptedException {
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode element : getArray(member)) {
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw wrongType(member, "a list of whole numbers", element);
            }
            numbers.add(element.intValue());
        }
        return numbers;
    }

    /**
     * Downloads {@code imagearray}, asking for ImageBytes and accepting JSON, and converts it into a row-major 16-bit
     * frame of the size asked for.
     *
     * @param width the NumX the exposure was taken with
     * @param height the NumY
     * @param maxAdu the camera's MaxADU, for values beyond 16 bits
     */
    ImagePixels imageArray(int width, int height, long maxAdu) throws InterruptedException {
        long pixels = (long) width * height;
        long transaction = nextTransaction();
        URI uri = URI.create(endpoint.member("imagearray") + "?ClientID=" + CLIENT_ID + "&ClientTransactionID=" + transaction);
        // A big image over a slow network takes longer than one ordinary request.
        Duration timeout = endpoint.timeout().multipliedBy(10);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/imagebytes, application/json").GET()
                .build();
        HttpResponse<byte[]> response = send("imagearray", request, CappedBody.handler(type -> imageCap(type, pixels)), timeout);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 200 && type.toLowerCase().startsWith("application/imagebytes")) {
            return new ImageBytesDecoder(device, width, height, maxAdu).decode(response.body(), transaction);
        }
        checkStatus("imagearray", response);
        return new JsonImageDecoder(device, width, height, maxAdu).decode(response.body(), transaction);
    }

    /**
     * The largest {@code imagearray} answer of {@code pixels} pixels in a Content-Type: ImageBytes at most 8 bytes a
     * value after its header (and an error text's worth of slack); JSON up to 11 characters a value (10 digits and a
     * comma) and one more per column, plus the envelope.
     */
    static long imageCap(String contentType, long pixels) {
        if (contentType.toLowerCase().startsWith("application/imagebytes")) {
            return ImageBytesDecoder.HEADER_BYTES + pixels * 8 + 4096;
        }
        return pixels * 12 + 65_536;
    }

    /** GETs a management member ("apiversions", "v1/configureddevices") of the server; returns its Value. */
    JsonNode management(String member) throws InterruptedException {
        long transaction = nextTransaction();
        URI uri = endpoint.server().resolve("/management/" + member + "?ClientID=" + CLIENT_ID + "&ClientTransactionID=" + transaction);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(endpoint.timeout()).header("Accept", "application/json").GET().build();
        return answer(member, send(member, request, CappedBody.handler(MAX_JSON_BYTES), endpoint.timeout()), transaction).get("Value");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private HttpResponse<byte[]> send(String member, HttpRequest request, HttpResponse.BodyHandler<byte[]> body, Duration timeout)
            throws InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, body);
        try {
            // The request timeout covers the headers; this bound covers the body too (a server that stalls mid-body).
            return exchange.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw AlpacaException.broken(device + ": " + member + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw linkFailure(member, e.getCause());
        }
    }

    private AlpacaException linkFailure(String member, Throwable cause) {
        String where = endpoint.host() + ":" + endpoint.port();
        String what;
        if (cause instanceof HttpTimeoutException) {
            what = "no answer within " + endpoint.timeout().toSeconds() + " s";
        } else if (cause instanceof ConnectException) {
            what = "cannot connect to the Alpaca server at " + where + " (is it running, and is the port right?)";
        } else if (cause instanceof CappedBody.TooLarge) {
            what = cause.getMessage();
        } else if (cause instanceof IOException) {
            what = "the link to " + where + " failed (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        } else {
            what = "request failed (" + cause + ")";
        }
        return AlpacaException.broken(device + ": " + member + ": " + what, cause);
    }

    /** Checks the HTTP status and the Alpaca envelope; returns the parsed JSON object. */
    private JsonNode answer(String member, HttpResponse<byte[]> response, long transaction) {
        checkStatus(member, response);
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw AlpacaException.broken(device + ": " + member + ": the answer is not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw AlpacaException.broken(device + ": " + member + ": the answer cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw AlpacaException.broken(device + ": " + member + ": the answer is not an Alpaca JSON object", null);
        }
        checkTransaction(member, root.get("ClientTransactionID"), transaction);
        JsonNode error = root.get("ErrorNumber");
        if (error != null && !error.isNull()) {
            if (!error.isIntegralNumber()) {
                throw wrongType(member + " ErrorNumber", "a whole number", error);
            }
            if (error.intValue() != 0) {
                JsonNode message = root.get("ErrorMessage");
                throw AlpacaException.refused(AlpacaErrors.describe(device, member, error.intValue(), message == null ? "" : message.asText()),
                        error.intValue());
            }
        }
        return root;
    }

    private void checkTransaction(String member, JsonNode echoed, long transaction) {
        if (echoed == null || echoed.isNull()) {
            return; // some older servers leave it out; a wrong echo is what shows a mixed-up answer
        }
        if (!echoed.isIntegralNumber() || echoed.longValue() != transaction) {
            throw AlpacaException.broken(device + ": " + member + ": the answer echoes ClientTransactionID " + echoed + " for request "
                    + transaction + " (an answer to another request)", null);
        }
    }

    private void checkStatus(String member, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
        String detail = text.isEmpty() ? "" : ": " + text;
        if (status == 400) {
            throw AlpacaException.httpError(device + ": " + member + ": the server refused the request (HTTP 400" + detail + ")", status);
        }
        if (status == 404) {
            throw AlpacaException.httpError(device + ": " + member + ": the server has no such device or member (HTTP 404)", status);
        }
        if (status >= 500) {
            throw AlpacaException.broken(device + ": " + member + ": the server failed (HTTP " + status + detail + ")", null);
        }
        throw AlpacaException.broken(device + ": " + member + ": unexpected HTTP status " + status + detail, null);
    }

    private JsonNode required(String member, JsonNode value) {
        if (value == null || value.isNull()) {
            throw AlpacaException.broken(device + ": " + member + ": the answer has no Value", null);
        }
        return value;
    }

    private AlpacaException wrongType(String member, String expected, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "…";
        }
        return AlpacaException.broken(device + ": " + member + ": expected " + expected + ", got " + shown, null);
    }

    /** Form/query encoding of name/value pairs; numbers as plain decimals. */
    private static String encode(String... parameters) {
        if (parameters.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(URLEncoder.encode(parameters[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /**
     * A decimal as Alpaca servers parse it: plain digits, a point, no exponent.
     *
     * @throws IllegalArgumentException for NaN or an infinity, naming {@code what} (the value's meaning)
     */
    static String number(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " " + value + " is not a finite number");
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
