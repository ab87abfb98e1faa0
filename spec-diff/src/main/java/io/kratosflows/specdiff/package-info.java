/**
 * The Kratos upgrade report: what changes between two Kratos OpenAPI specs, classified by what
 * kratos-flows uses.
 *
 * <p>{@link io.kratosflows.specdiff.SpecDiff#compare} reads two specs ({@link io.kratosflows.specdiff.KratosSpec}),
 * lets openapi-diff compare them and classifies every structural change ({@link io.kratosflows.specdiff.Change})
 * against the project's own description of the Kratos API ({@code openapi/kratos-public-api.yaml}): it
 * {@linkplain io.kratosflows.specdiff.Classification#BREAKS breaks kratos-flows},
 * {@linkplain io.kratosflows.specdiff.Classification#NEEDS_ATTENTION needs attention}, is
 * {@linkplain io.kratosflows.specdiff.Classification#ADDITIVE additive}, or
 * {@linkplain io.kratosflows.specdiff.Classification#UNAFFECTED does not affect kratos-flows}. The
 * {@link io.kratosflows.specdiff.UpgradeReport} renders as Markdown or JSON, sorted so that it can be committed.
 */
package io.kratosflows.specdiff;
