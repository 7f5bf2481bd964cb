package app.wellkeep.ingest.openmhealth;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one data point of the stream as a tree, as long as it stays far smaller than any real one; past that it
 * reads on to the data point's end without keeping anything, so a huge item costs no memory. Nesting, string and
 * number limits are the parser's ({@link app.wellkeep.ingest.SafeJson}).
 */
final class BoundedTree {

    /** Values and field names in one data point; a real one has a few dozen. */
    static final int MAX_NODES = 10_000;
    /** Characters of text in one data point. */
    static final long MAX_CHARS = 1 << 20;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private int nodes;
    private long chars;
    private boolean tooLarge;

    private BoundedTree() {
    }

    /**
     * The value starting at the parser's current token, read to its last token; null if it is larger than the
     * limits.
     */
    static JsonNode read(JsonParser parser) throws IOException {
        BoundedTree tree = new BoundedTree();
        JsonNode node = tree.value(parser, parser.currentToken());
        return tree.tooLarge ? null : node;
    }

    private JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonEOFException(parser, null, "ends inside a data point");
        }
        count(0);
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = tooLarge ? null : NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    count(name.length());
                    JsonNode child = value(parser, parser.nextToken());
                    if (!tooLarge) {
                        object.set(name, child);
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = tooLarge ? null : NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    JsonNode child = value(parser, next);
                    if (!tooLarge) {
                        array.add(child);
                    }
                }
                return array;
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                count(text.length());
                return tooLarge ? null : NODES.textNode(text);
            }
            case VALUE_NUMBER_INT -> {
                return tooLarge ? null : switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return tooLarge ? null : NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    private void count(int characters) {
        nodes++;
        chars += characters;
        if (nodes > MAX_NODES || chars > MAX_CHARS) {
            tooLarge = true;
        }
    }
}
