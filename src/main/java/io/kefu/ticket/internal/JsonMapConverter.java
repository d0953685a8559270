package io.kefu.ticket.internal;

import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Custom fields as JSON text; the column is jsonb (the entity casts on write). */
@Converter
class JsonMapConverter implements AttributeConverter<Map<String, Object>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(Map<String, Object> value) {
        return JSON.writeValueAsString(value == null ? Map.of() : value);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String text) {
        return text == null ? Map.of() : JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }
}
