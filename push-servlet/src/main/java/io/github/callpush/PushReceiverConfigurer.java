package io.github.callpush;

/**
 * Configures the receiver of a {@link PushServlet} or {@link PushFilter} declared in {@code web.xml}:
 * name the implementing class in the {@code configurer} init-param. It needs a public no-argument
 * constructor and is called once, at the servlet's or filter's {@code init}, after the init-params'
 * settings are applied, so it can register listeners and override any setting.
 */
@FunctionalInterface
public interface PushReceiverConfigurer {

  /** Registers listeners and adjusts settings. */
  void configure(PushReceiver.Builder builder) throws Exception;
}
