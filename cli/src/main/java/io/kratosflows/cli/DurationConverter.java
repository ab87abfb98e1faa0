package io.kratosflows.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --timeout}: {@code 10s}, {@code 500ms}, {@code 2m}, or a plain number of seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHAPE = Pattern.compile("(\\d+)(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = SHAPE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration: use e.g. 10s, 500ms, 2m or a number of seconds");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = m.group(2) == null || m.group(2).equals("s") ? Duration.ofSeconds(amount)
                : m.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofMinutes(amount);
        if (d.isZero()) {
            throw new CommandLine.TypeConversionException("the timeout must be positive");
        }
        return d;
    }
}
