package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** What stopped a test context's start. */
final class StartFailures {

  private StartFailures() {}

  /** The innermost {@link InvalidProperty} the start failed with; fails the test when it did not fail so. */
  static InvalidProperty invalidProperty(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    InvalidProperty invalid = null;
    for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
      invalid = cause instanceof InvalidProperty found ? found : invalid;
    }
    assertThat(invalid).as("an InvalidProperty in " + context.getStartupFailure()).isNotNull();
    return invalid;
  }
}
