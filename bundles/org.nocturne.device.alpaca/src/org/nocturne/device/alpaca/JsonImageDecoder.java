package org.nocturne.device.alpaca;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads an Alpaca JSON {@code imagearray} answer ({@code Type}, {@code Rank}, {@code Value} as {@code [[...], ...]},
 * one inner array per X column) with a streaming parser, straight into the frame buffer: a 60-megapixel image never
 * exists as a tree of nodes. The shape must be the size asked for; rank 3 (colour) is refused as not supported yet.
 */
final class JsonImageDecoder {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String device;
    private final int width;
    private final int height;
    private final long maxAdu;

    JsonImageDecoder(String device, int width, int height, long maxAdu) {
        this.device = device;
        this.width = width;
        this.height = height;
        this.maxAdu = maxAdu;
    }

    ImagePixels decode(byte[] body, long transaction) {
        ImagePixels out = null;
        int errorNumber = 0;
        String errorMessage = "";
        Long echoed = null;
        int rank = 2;
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw broken("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "Value" -> {
                        if (token == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        out = readColumns(parser, token);
                    }
                    case "Rank" -> rank = wholeNumber(parser, token, "Rank");
                    case "ErrorNumber" -> errorNumber = wholeNumber(parser, token, "ErrorNumber");
                    case "ErrorMessage" -> errorMessage = token == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "ClientTransactionID" -> echoed = (long) wholeNumber(parser, token, "ClientTransactionID") & 0xFFFF_FFFFL;
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw AlpacaException.broken(device + ": imagearray: the JSON image cannot be read (" + e.getMessage() + ")", e);
        }
        if (echoed != null && echoed != transaction) {
            throw broken("the image echoes ClientTransactionID " + echoed + " for request " + transaction + " (an answer to another request)");
        }
        if (errorNumber != 0) {
            throw AlpacaException.refused(AlpacaErrors.describe(device, "imagearray", errorNumber, errorMessage), errorNumber);
        }
        if (rank == 3) {
            throw AlpacaException.refused(device + ": imagearray: colour images (rank 3) are not supported yet", 0);
        }
        if (rank != 2) {
            throw broken("Rank " + rank + " is not 2");
        }
        if (out == null) {
            throw broken("the answer has no Value");
        }
        if (out.count() != (long) width * height) {
            throw broken("the image has " + out.count() + " pixels, but " + width + "×" + height + " were asked for");
        }
        return out;
    }

    private ImagePixels readColumns(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw broken("Value is not an array of columns");
        }
        ImagePixels out = new ImagePixels(width, height, maxAdu);
        int columns = 0;
        for (JsonToken column = parser.nextToken(); column != JsonToken.END_ARRAY; column = parser.nextToken()) {
            if (column == JsonToken.START_ARRAY && columns < width) {
                int rows = 0;
                for (JsonToken value = parser.nextToken(); value != JsonToken.END_ARRAY; value = parser.nextToken()) {
                    if (rows == height) {
                        throw broken("column " + columns + " is longer than the " + height + " rows asked for");
                    }
                    if (value == JsonToken.VALUE_NUMBER_INT) {
                        out.put(parser.getLongValue());
                    } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                        out.put(parser.getDoubleValue());
                    } else if (value == JsonToken.START_ARRAY) {
                        throw AlpacaException.refused(device + ": imagearray: colour images (rank 3) are not supported yet", 0);
                    } else {
                        throw broken("pixel (" + columns + ", " + rows + ") is " + parser.getText() + ", not a number");
                    }
                    rows++;
                }
                if (rows != height) {
                    throw broken("column " + columns + " has " + rows + " values, but " + height + " rows were asked for");
                }
                columns++;
            } else if (column == JsonToken.START_ARRAY) {
                throw broken("the image has more than the " + width + " columns asked for");
            } else {
                throw broken("Value is not an array of columns");
            }
        }
        return out;
    }

    private int wholeNumber(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw broken(field + " is " + parser.getText() + ", not a whole number");
        }
        return (int) parser.getLongValue();
    }

    private AlpacaException broken(String what) {
        return AlpacaException.broken(device + ": imagearray: " + what, null);
    }
}
