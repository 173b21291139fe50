package org.opencrm.accountlifecycle.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/** Jackson's own reading of a JSON string, then {@link StorableText}'s rule. */
class StorableStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null && !StorableText.isStorable(text)) {
            throw new UnstorableTextException(parser);
        }
        return text;
    }

    /** Carries no value: the text it refused is not fit to be echoed. */
    static final class UnstorableTextException extends InvalidFormatException {

        UnstorableTextException(JsonParser parser) {
            super(parser, StorableText.RULE, null, String.class);
        }
    }
}
