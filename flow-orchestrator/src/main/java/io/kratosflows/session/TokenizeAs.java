package io.kratosflows.session;

import java.util.Objects;

/**
 * Asks whoami to also return the session as a signed JWT ({@code GET /sessions/whoami?tokenize_as=<template>}),
 * for calling services that trust Kratos's signing key instead of calling Kratos. The template is
 * configured on the server: {@code session.whoami.tokenizer.templates.<name>} with a JWKS (the
 * signing key), an optional claims mapper (Jsonnet) and a time to live. An unknown template is
 * HTTP 400 "Unable to find tokenizer template" ({@code KratosErrorException}).
 *
 * @param template the template name
 */
public record TokenizeAs(String template) {

    /** Rejects null and blank names. */
    public TokenizeAs {
        Objects.requireNonNull(template, "template == null");
        if (template.isBlank()) {
            throw new IllegalArgumentException("a tokenizer template name cannot be blank");
        }
    }

    /** {@return the request for this template} */
    public static TokenizeAs template(String template) {
        return new TokenizeAs(template);
    }
}
