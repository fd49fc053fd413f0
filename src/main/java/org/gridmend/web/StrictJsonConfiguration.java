package org.gridmend.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.gridmend.core.PlainText;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as it is written, nothing guessed: a number is not a string, an enum or a boolean, a fraction is not an
 * integer, a string is not a number; content after the object and a key given twice are refused; text holds no NUL,
 * no other control character but tab and line breaks, and no half of a surrogate pair. Every such refusal is a 400
 * naming the field ({@link ApiExceptionHandler}).
 */
@Configuration
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToDisable(
                        MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .modulesToInstall(new SimpleModule("gridmend-strict-text").addDeserializer(String.class, new Text()))
                .postConfigurer(mapper -> {
                    for (LogicalType type : new LogicalType[] {
                        LogicalType.Boolean, LogicalType.Integer, LogicalType.Float, LogicalType.Enum
                    }) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Enum)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }

    /** A text that a person could have typed: refused, with the field, when it holds what no keyboard writes. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                // numbers, booleans and objects are refused (or arrays unwrapped) by Jackson's own rules
                return StringDeserializer.instance.deserialize(p, ctxt);
            }
            String text = p.getText();
            String problem = PlainText.problem(text);
            if (problem != null) {
                throw new RefusedText(p, problem);
            }
            return text;
        }
    }

    /** A text refused for what it holds; the handler names the field and says why, without echoing the text. */
    static final class RefusedText extends MismatchedInputException {

        RefusedText(JsonParser p, String reason) {
            super(p, reason, String.class);
        }

        String reason() {
            return getOriginalMessage();
        }
    }
}
