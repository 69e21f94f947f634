/**
 * The code of the test webapps, copied into their {@code WEB-INF/classes} by the deployment tests:
 * {@link io.github.callpush.deployment.webapp.RecordingConfigurer}, the {@code configurer} a user writes,
 * and {@link io.github.callpush.deployment.webapp.ApplicationServlet}, an application the push filter sits
 * in front of. Nothing here runs in the tests' own JVM.
 */
package io.github.callpush.deployment.webapp;
