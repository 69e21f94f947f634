package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a user reads when a refused setting stops a real {@link SpringApplication}: the report, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class CallpushFailureAnalyzerTest {

  @Test
  void reportsAnUnknownSettingByNameAndOriginButNotItsValue(CapturedOutput output) {
    assertThatThrownBy(() -> run("--callpush.verification.tokenz=hunter2")).isNotNull();

    assertThat(output).contains("APPLICATION FAILED TO START",
        "Unknown callpush setting: callpush.verification.tokenz (\"callpush.verification.tokenz\" from property source"
            + " \"commandLineArgs\")",
        "Correct or remove it").doesNotContain("hunter2");
  }

  @Test
  void reportsAnUnresolvedPlaceholderAndWhatToSet(CapturedOutput output) {
    assertThatThrownBy(() -> run("--callpush.verification.tokens=${CALLPUSH_TEST_UNSET}")).isNotNull();

    assertThat(output).contains("APPLICATION FAILED TO START",
        "Property callpush.verification.tokens is the unresolved placeholder ${CALLPUSH_TEST_UNSET}",
        "Set CALLPUSH_TEST_UNSET (an environment variable or property) before starting");
  }

  private static void run(String... arguments) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.run(arguments).close();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}
}
