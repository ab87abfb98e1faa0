package io.kratosflows.testkit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kratos release version such as {@code v26.2.0}, as reported by {@code GET /admin/version} on
 * the admin API or by {@code kratos version}.
 *
 * <p>Kratos numbered its releases v1.0 … v1.3 and then switched to year-based numbers (v25.4,
 * v26.2); {@link #isLegacyLine()} tells the two apart because their configuration schemas differ.
 *
 * @param text  the version as Kratos printed it, for example {@code v26.2.0}
 * @param major the first number ({@code 26})
 * @param minor the second number ({@code 2})
 * @param patch the third number ({@code 0})
 */
public record KratosVersion(String text, int major, int minor, int patch)
        implements Comparable<KratosVersion> {

    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern CLI_LINE = Pattern.compile("(?m)^\\s*Version:\\s*(\\S+)\\s*$");

    /** First major of the year-based line; everything below is the v1.x line. */
    private static final int FIRST_YEAR_BASED_MAJOR = 25;

    /** Validates the components. */
    public KratosVersion {
        Objects.requireNonNull(text, "text");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version component in " + text);
        }
    }

    /**
     * Parses a version such as {@code v26.2.0}, {@code 1.3.1} or {@code v26.2.0-pre.1} (the
     * pre-release suffix is kept in {@link #text()} only).
     *
     * @throws IllegalArgumentException when the text holds no {@code major.minor.patch}
     */
    public static KratosVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        Matcher m = SEMVER.matcher(trimmed);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("not a Kratos version: '" + trimmed + "'");
        }
        return new KratosVersion(trimmed, Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * Reads the version from the output of {@code kratos version}, which has a line
     * {@code Version: v26.2.0}. Empty when there is no such line or it is not a release number
     * (a development build prints, for example, {@code master}).
     */
    public static Optional<KratosVersion> fromCliOutput(String output) {
        Matcher m = CLI_LINE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(m.group(1)));
        } catch (IllegalArgumentException notARelease) {
            return Optional.empty();
        }
    }

    /** True for the v1.x releases, whose configuration lacks keys the year-based line added. */
    public boolean isLegacyLine() {
        return major < FIRST_YEAR_BASED_MAJOR;
    }

    /** True when this version is the same as or newer than {@code major.minor}. */
    public boolean isAtLeast(int major, int minor) {
        return this.major != major ? this.major > major : this.minor >= minor;
    }

    @Override
    public int compareTo(KratosVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    /** The version as Kratos printed it, for example {@code v26.2.0}. */
    @Override
    public String toString() {
        return text;
    }
}
