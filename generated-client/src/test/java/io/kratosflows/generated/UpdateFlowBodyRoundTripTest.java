package io.kratosflows.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.generated.model.UpdateLoginFlowBody;
import io.kratosflows.generated.model.UpdateLoginFlowWithCodeMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateRecoveryFlowBody;
import io.kratosflows.generated.model.UpdateRecoveryFlowWithCodeMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowBody;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithProfileMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowBody;
import io.kratosflows.generated.model.UpdateSettingsFlowWithLookupMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithTotpMethod;
import io.kratosflows.generated.model.UpdateVerificationFlowBody;
import io.kratosflows.generated.model.UpdateVerificationFlowWithCodeMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code update*FlowBody} unions pick their variant by {@code method}, and each variant
 * writes exactly the JSON Kratos accepted when the fixtures were recorded (method written once).
 */
class UpdateFlowBodyRoundTripTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "UpdateLoginFlowBody|{\"method\":\"password\",\"identifier\":\"ada@example.org\",\"password\":\"pw-123456789\"}|UpdateLoginFlowWithPasswordMethod",
            "UpdateLoginFlowBody|{\"method\":\"code\",\"identifier\":\"ada@example.org\",\"code\":\"123456\"}|UpdateLoginFlowWithCodeMethod",
            "UpdateRegistrationFlowBody|{\"method\":\"password\",\"password\":\"pw-123456789\",\"traits\":{\"email\":\"ada@example.org\"}}|UpdateRegistrationFlowWithPasswordMethod",
            "UpdateRegistrationFlowBody|{\"method\":\"profile\",\"screen\":\"credential-selection\",\"traits\":{\"email\":\"ada@example.org\"}}|UpdateRegistrationFlowWithProfileMethod",
            "UpdateSettingsFlowBody|{\"method\":\"lookup_secret\",\"lookup_secret_regenerate\":true}|UpdateSettingsFlowWithLookupMethod",
            "UpdateSettingsFlowBody|{\"method\":\"totp\",\"totp_code\":\"123456\"}|UpdateSettingsFlowWithTotpMethod",
            "UpdateRecoveryFlowBody|{\"method\":\"code\",\"email\":\"ada@example.org\"}|UpdateRecoveryFlowWithCodeMethod",
            "UpdateVerificationFlowBody|{\"method\":\"code\",\"code\":\"123456\"}|UpdateVerificationFlowWithCodeMethod"})
    void variantIsChosenByMethodAndWritesTheSameJson(String union, String body, String variant) throws Exception {
        Class<?> unionType = Class.forName("io.kratosflows.generated.model." + union);
        JsonNode json = PLAIN.readTree(body);

        Object parsed = Fixtures.read(json, unionType);

        assertEquals(variant, parsed.getClass().getSimpleName());
        // Required properties the input lacked (csrf_token) are written as null; Kratos accepts that.
        Fixtures.assertSameJson(json, Fixtures.withoutNulls(Fixtures.write(parsed)), union);
    }

    @org.junit.jupiter.api.Test
    void builtVariantsSerializeWithTheirMethod() {
        UpdateLoginFlowBody login = new UpdateLoginFlowWithPasswordMethod()
                .method("password").identifier("ada@example.org").password("pw-123456789");
        UpdateRegistrationFlowBody registration = new UpdateRegistrationFlowWithPasswordMethod()
                .method("password").password("pw-123456789").traits(java.util.Map.of("email", "ada@example.org"));
        UpdateSettingsFlowBody settings = new UpdateSettingsFlowWithLookupMethod().method("lookup_secret").lookupSecretReveal(true);
        UpdateRecoveryFlowBody recovery = new UpdateRecoveryFlowWithCodeMethod()
                .method(UpdateRecoveryFlowWithCodeMethod.MethodEnum.CODE).email("ada@example.org");
        UpdateVerificationFlowBody verification = new UpdateVerificationFlowWithCodeMethod()
                .method(UpdateVerificationFlowWithCodeMethod.MethodEnum.CODE).code("123456");

        assertEquals("password", Fixtures.write(login).path("method").asText());
        assertEquals("password", Fixtures.write(registration).path("method").asText());
        assertEquals("lookup_secret", Fixtures.write(settings).path("method").asText());
        assertEquals("code", Fixtures.write(recovery).path("method").asText());
        assertEquals("code", Fixtures.write(verification).path("method").asText());
        assertInstanceOf(UpdateLoginFlowWithCodeMethod.class,
                Fixtures.read(PLAIN.createObjectNode().put("method", "code").put("identifier", "a"), UpdateLoginFlowBody.class));
        assertInstanceOf(UpdateRegistrationFlowWithProfileMethod.class,
                Fixtures.read(PLAIN.createObjectNode().put("method", "profile"), UpdateRegistrationFlowBody.class));
    }
}
