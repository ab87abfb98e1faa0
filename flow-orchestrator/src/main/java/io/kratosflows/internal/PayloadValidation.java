package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.validation.NotBlankSecret;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Checks a method payload before anything is sent. Always: that there is one. With
 * {@code KratosConfig.Builder.validateBeforeSending(true)}: the Jakarta Validation constraints the
 * payload records declare ({@code @NotNull}, {@code @NotBlank}, {@code @NotBlankSecret},
 * {@code @Pattern}, {@code @Email}, also on an {@code Optional}'s value), read once per record type.
 * By default field checks are Kratos's, so apps see its own localized messages (4000002, 4000040).
 * Violations never include the rejected values.
 */
final class PayloadValidation {

    /** One check on one record component: its name, message and test. */
    private record Rule(RecordComponent component, boolean inOptional, String message, Predicate<Object> valid) {
    }

    /** Rules per record type, read once. Package-private so tests can start from an empty cache. */
    static final ConcurrentHashMap<Class<?>, List<Rule>> RULES = new ConcurrentHashMap<>();

    private PayloadValidation() {
    }

    /**
     * {@return the payload, checked}
     *
     * @throws InvalidInputException listing every violation as {@code property: message}
     */
    static <T> T check(T payload, boolean fields) {
        if (payload == null) {
            throw new InvalidInputException("input", List.of("method: must not be null"));
        }
        if (!fields || !payload.getClass().isRecord()) {
            return payload;
        }
        List<String> violations = new ArrayList<>();
        for (Rule rule : RULES.computeIfAbsent(payload.getClass(), PayloadValidation::rules)) {
            Object value = value(rule.component(), payload);
            if (rule.inOptional()) {
                value = value instanceof Optional<?> o ? o.orElse(null) : null;
            }
            if (!rule.valid().test(value)) {
                violations.add(rule.component().getName() + ": " + rule.message());
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(null);
            throw new InvalidInputException(subject(payload.getClass()), violations);
        }
        return payload;
    }

    private static List<Rule> rules(Class<?> type) {
        List<Rule> rules = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            add(rules, c, false, c.getAnnotatedType());
            if (c.getAnnotatedType() instanceof AnnotatedParameterizedType p && c.getType() == Optional.class) {
                add(rules, c, true, p.getAnnotatedActualTypeArguments()[0]);
            }
        }
        return List.copyOf(rules);
    }

    private static void add(List<Rule> rules, RecordComponent c, boolean inOptional, AnnotatedType type) {
        // Record component annotations land on the accessor, the field or the type, depending on their targets.
        if (!inOptional && (c.isAnnotationPresent(NotNull.class) || type.isAnnotationPresent(NotNull.class))) {
            rules.add(new Rule(c, false, "must not be null", v -> v != null));
        }
        if (c.isAnnotationPresent(NotBlank.class) || type.isAnnotationPresent(NotBlank.class)) {
            rules.add(new Rule(c, inOptional, "must not be blank", v -> v instanceof CharSequence s && !s.toString().isBlank()));
        }
        if (c.isAnnotationPresent(NotBlankSecret.class) || type.isAnnotationPresent(NotBlankSecret.class)) {
            rules.add(new Rule(c, inOptional, "must not be blank", v -> v == null || !((Secret) v).isBlank()));
        }
        Pattern pattern = type.getAnnotation(Pattern.class);
        if (pattern != null) {
            java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern.regexp());
            rules.add(new Rule(c, inOptional, pattern.message(), v -> v == null || compiled.matcher(v.toString()).matches()));
        }
        if (type.isAnnotationPresent(Email.class)) {
            rules.add(new Rule(c, inOptional, "must be a well-formed email address", v -> v == null || isEmail(v.toString())));
        }
    }

    /** An address with one {@code @}, something on both sides and no white space: Kratos checks the rest. */
    static boolean isEmail(String value) {
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1 && value.chars().noneMatch(Character::isWhitespace);
    }

    private static Object value(RecordComponent c, Object payload) {
        try {
            return c.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + payload.getClass().getName(), e);
        }
    }

    private static String subject(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}
