package io.github.callpush.forward;

import java.net.URI;
import java.util.Set;

/**
 * Makes {@link PushForwarder}s from URIs of its schemes: the service a forwarding module registers in
 * {@code META-INF/services}, so that one setting ({@code forward=kafka://host:9092/topic} in web.xml,
 * {@code callpush.forward.url} in Spring) finds it on the classpath.
 */
public interface ForwarderProvider {

  /** The URI schemes it serves, in lower case, e.g. {@code kafka}, {@code amqp}, {@code amqps}. */
  Set<String> schemes();

  /**
   * A forwarder to what {@code uri} names, connected or connecting.
   *
   * @throws IllegalArgumentException when the URI lacks what the forwarder needs; the message names what, never
   *     a password
   */
  PushForwarder open(URI uri);
}
