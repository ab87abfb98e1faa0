package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.verification.VerificationMethod;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jakarta.validation.constraints.NotBlank;

/** The cheap pre-send check: off by default, and when on it reads the payload annotations as Jakarta Validation does. */
class PayloadValidationTest {

    private static final Validator JAKARTA = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final List<Object> PAYLOADS = List.of(
            new LoginMethod.Password(" ", Secret.of("")),
            new LoginMethod.Password("ada@example.org", Secret.of("pw")),
            new LoginMethod.Code("", Optional.of(Secret.of(" ")), false),
            LoginMethod.Code.request("ada@example.org"),
            new LoginMethod.Totp(Secret.of("")),
            new LoginMethod.LookupSecret(Secret.of("abcd")),
            new LoginMethod.IdentifierFirst("\t"),
            new LoginMethod.Passkey(""),
            LoginMethod.Oidc.provider(""),
            new RecoveryMethod.Code(Optional.of("not-an-address"), Optional.empty()),
            new RecoveryMethod.Code(Optional.of(" "), Optional.empty()),
            RecoveryMethod.Code.request("ada@example.org"),
            RecoveryMethod.Code.submit(Secret.of("")),
            new VerificationMethod.Code(Optional.of("a@b@c"), Optional.empty()),
            VerificationMethod.Code.submit(Secret.of("123456")),
            new RegistrationMethod.Password(Traits.email("ada@example.org"), Secret.of("")),
            new SettingsMethod.Password(Secret.of(" ")));

    /** Rules are read once per type: each test reads them anew, so a changed rule reader shows. */
    @BeforeEach
    void readRulesAnew() {
        PayloadValidation.RULES.clear();
    }

    @Test
    void withoutFieldChecksOnlyAMissingPayloadIsRefused() {
        var e = assertThrows(InvalidInputException.class, () -> PayloadValidation.check(null, false));
        assertEquals(List.of("method: must not be null"), e.violations());

        Object blank = new LoginMethod.Password(" ", Secret.of(""));
        assertSame(blank, PayloadValidation.check(blank, false));
    }

    @Test
    void fieldChecksFindWhatJakartaValidationFinds() {
        for (Object payload : PAYLOADS) {
            Set<String> expected = JAKARTA.validate(payload).stream()
                    .map(v -> v.getPropertyPath().toString().replaceAll("\\..*", "")).collect(Collectors.toSet());
            Set<String> ours;
            try {
                PayloadValidation.check(payload, true);
                ours = Set.of();
            } catch (InvalidInputException e) {
                ours = e.violations().stream().map(v -> v.substring(0, v.indexOf(':'))).collect(Collectors.toSet());
            }
            assertEquals(expected, ours, payload.getClass().getName());
        }
    }

    @Test
    void violationsNameFieldsNeverValues() {
        var e = assertThrows(InvalidInputException.class,
                () -> PayloadValidation.check(new LoginMethod.Code("", Optional.of(Secret.of(" ")), false), true));

        assertEquals(List.of("code: must not be blank", "identifier: must not be blank"), e.violations());
        assertTrue(e.getMessage().startsWith("Invalid LoginMethod.Code"), e.getMessage());
    }

    @Test
    void anAddressNeedsOneAtAndNoSpaces() {
        assertTrue(PayloadValidation.isEmail("ada@example.org"));
        assertFalse(PayloadValidation.isEmail("ada@"));
        assertFalse(PayloadValidation.isEmail("@example.org"));
        assertFalse(PayloadValidation.isEmail("a@b@c"));
        assertFalse(PayloadValidation.isEmail("ada @example.org"));
    }

    @Test
    void aValidPayloadIsReturnedAsItIs() {
        Object valid = new LoginMethod.Password("ada@example.org", Secret.of("pw"));
        Object notARecord = "not a record";

        assertSame(valid, PayloadValidation.check(valid, true));
        assertSame(notARecord, PayloadValidation.check(notARecord, true));
    }

    @Test
    void eachConstraintHasItsMessage() {
        var missing = assertThrows(InvalidInputException.class, () -> PayloadValidation.check(new LoginMethod.Password("ada", null), true));
        var badAddress = assertThrows(InvalidInputException.class, () -> PayloadValidation.check(RecoveryMethod.Code.request(" "), true));
        var blankPasskey = assertThrows(InvalidInputException.class,
                () -> PayloadValidation.check(SettingsMethod.Passkey.remove(" "), true));

        assertEquals(List.of("password: must not be null"), missing.violations());
        assertEquals(List.of("email: must be a well-formed email address", "email: must not be blank"), badAddress.violations());
        assertEquals(List.of("remove: must not be blank"), blankPasskey.violations());
        assertSame(SettingsMethod.Passkey.add("{}").getClass(), PayloadValidation.check(SettingsMethod.Passkey.add("{}"), true).getClass());
    }

    @Test
    void callsCheckWithTheirViewsSwitch() {
        Object blank = new LoginMethod.Password(" ", Secret.of("pw"));

        assertSame(blank, FakeCalls.OFFLINE.check(blank));
        assertThrows(InvalidInputException.class, () -> FakeCalls.OFFLINE_VALIDATING.check(blank));
        assertThrows(InvalidInputException.class, () -> FakeCalls.OFFLINE.check(null));
    }

    @Test
    void aTopLevelRecordIsNamedByItself() {
        var e = assertThrows(InvalidInputException.class, () -> PayloadValidation.check(new Nickname(" "), true));

        assertEquals("Invalid Nickname: value: must not be blank", e.getMessage());
    }
}

/** A payload record that is not nested in another type. */
record Nickname(@NotBlank String value) {
}
