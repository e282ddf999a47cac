package com.venuedesk.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * What the server accepts as text in a request: anything but the NUL character, which PostgreSQL cannot store in a
 * text column (it failed the insert, a 500). Refused while the body is read, so the answer is a 400 naming the field.
 */
public final class TextInput {
    private TextInput() {
    }

    /** For the server's JSON mapper. */
    public static Module module() {
        return new SimpleModule("venuedesk-text-input").addDeserializer(String.class, new NoNul());
    }

    private static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.indexOf('\0') >= 0) {
                throw ctxt.weirdStringException(text.replace("\0", "\\u0000"), String.class,
                        "text may not contain the NUL character (\\u0000)");
            }
            return text;
        }
    }
}
