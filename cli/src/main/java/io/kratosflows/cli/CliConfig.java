package io.kratosflows.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The configuration file with named profiles of Kratos URLs, and the default token file.
 *
 * <p>The file is {@code $KRATOS_FLOWS_CONFIG}, else {@code $XDG_CONFIG_HOME/kratos-flows/config.properties},
 * else {@code ~/.config/kratos-flows/config.properties}; it is optional. It is a Java properties
 * file: {@code kratos-url}, {@code admin-url}, {@code timeout} and {@code token-file} for the
 * default profile, {@code NAME.kratos-url} (and so on) for the profile {@code NAME}, and
 * {@code profile=NAME} for the profile used when none is named. The profile is {@code --profile},
 * else {@code $KRATOS_FLOWS_PROFILE}, else that key, else {@code default}. Each value is taken from
 * the option, else the environment, else the profile, else the built-in default.
 *
 * <p>A profile's session token lives in its {@code token-file}, else in
 * {@code $XDG_STATE_HOME/kratos-flows/tokens/NAME} (default {@code ~/.local/state/...}).
 */
final class CliConfig {

    static final String ENV_CONFIG = "KRATOS_FLOWS_CONFIG";
    static final String ENV_PROFILE = "KRATOS_FLOWS_PROFILE";
    static final String DEFAULT_PROFILE = "default";
    static final String KRATOS_URL = "kratos-url";
    static final String ADMIN_URL = "admin-url";
    static final String TIMEOUT = "timeout";
    static final String TOKEN_FILE = "token-file";
    private static final List<String> KEYS = List.of(KRATOS_URL, ADMIN_URL, TIMEOUT, TOKEN_FILE);
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * The chosen profile's values.
     *
     * @param name   the profile's name
     * @param values its keys and values (only those the file sets)
     * @param file   the file they come from, when there is one
     */
    record Profile(String name, Map<String, String> values, Optional<Path> file) {
        Profile {
            values = Map.copyOf(values);
        }

        Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
        }

        /** Where a value came from, for messages: {@code kratos-url of profile 'staging' (FILE)}. */
        String where(String key) {
            return key + " of profile '" + name + "'" + file.map(f -> " (" + f + ")").orElse("");
        }
    }

    private CliConfig() {
    }

    /** The configuration file's path, whether or not it exists; empty without a home folder. */
    static Optional<Path> file(Terminal terminal) {
        return terminal.env(ENV_CONFIG).map(Path::of)
                .or(() -> baseDir(terminal, "XDG_CONFIG_HOME", ".config")
                        .map(d -> d.resolve("kratos-flows").resolve("config.properties")));
    }

    /** The default token file of a profile; empty without a home folder. */
    static Optional<Path> defaultTokenFile(Terminal terminal, String profile) {
        return baseDir(terminal, "XDG_STATE_HOME", ".local/state")
                .map(d -> d.resolve("kratos-flows").resolve("tokens").resolve(profile));
    }

    private static Optional<Path> baseDir(Terminal terminal, String xdgVariable, String underHome) {
        return terminal.env(xdgVariable).map(Path::of).filter(Path::isAbsolute)
                .or(() -> terminal.env("HOME").map(h -> Path.of(h, underHome)));
    }

    /**
     * Reads the file and picks the profile: {@code flag}, else {@code $KRATOS_FLOWS_PROFILE}, else
     * the file's {@code profile} key, else {@code default}.
     *
     * @throws CliException (invalid input) for an unreadable file, an unknown key, or a named profile the file lacks
     */
    static Profile load(Terminal terminal, Optional<String> flag) {
        Optional<Path> file = file(terminal);
        Properties properties = file.flatMap(CliConfig::read).orElseGet(Properties::new);
        Map<String, Map<String, String>> profiles = profiles(properties, file);
        Optional<String> named = flag.map(String::strip).filter(p -> !p.isEmpty())
                .or(() -> terminal.env(ENV_PROFILE))
                .or(() -> Optional.ofNullable(properties.getProperty("profile")).map(String::strip).filter(p -> !p.isEmpty()));
        String name = named.orElse(DEFAULT_PROFILE);
        if (!PROFILE_NAME.matcher(name).matches()) {
            throw CliException.invalidInput("profile '" + name + "': a profile name is letters, digits, '-' and '_'");
        }
        Map<String, String> values = profiles.get(name);
        if (values == null && !name.equals(DEFAULT_PROFILE)) {
            String where = file.map(f -> Files.exists(f) ? f + " (profiles: " + String.join(", ", new TreeSet<>(profiles.keySet())) + ")"
                    : f + ", which does not exist").orElse("no configuration file (no home folder)");
            throw CliException.invalidInput("no profile '" + name + "' in " + where);
        }
        Path base = file.map(Path::toAbsolutePath).map(Path::getParent).orElse(Path.of(""));
        Map<String, String> resolved = new LinkedHashMap<>(values == null ? Map.of() : values);
        resolved.computeIfPresent(TOKEN_FILE, (k, v) -> tokenPath(terminal, base, v.strip()).toString());
        return new Profile(name, resolved, file.filter(Files::exists));
    }

    private static Optional<Properties> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(properties);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.invalidInput("cannot read the configuration file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** Keys by profile: {@code kratos-url} is the default profile's, {@code staging.kratos-url} staging's. */
    private static Map<String, Map<String, String>> profiles(Properties properties, Optional<Path> file) {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals("profile")) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String profile = dot < 0 ? DEFAULT_PROFILE : key.substring(0, dot);
            String name = key.substring(dot + 1);
            if (!KEYS.contains(name) || !PROFILE_NAME.matcher(profile).matches()) {
                throw CliException.invalidInput("unknown key '" + key + "' in " + file.map(Path::toString).orElse("the configuration")
                        + " (keys: " + String.join(", ", KEYS) + ", each optionally prefixed by 'PROFILE.', and 'profile')");
            }
            profiles.computeIfAbsent(profile, p -> new LinkedHashMap<>()).put(name, properties.getProperty(key));
        }
        return profiles;
    }

    private static Path tokenPath(Terminal terminal, Path base, String value) {
        if (value.equals("~") || value.startsWith("~/")) {
            Optional<String> home = terminal.env("HOME");
            if (home.isPresent()) {
                return Path.of(home.get(), value.substring(1).replaceFirst("^/", ""));
            }
        }
        return base.resolve(value); // relative to the configuration file's folder, absolute as it is
    }
}
