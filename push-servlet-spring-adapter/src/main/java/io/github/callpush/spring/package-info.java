/**
 * Spring Boot support: {@link io.github.callpush.spring.PushEventListener} methods, and the
 * auto-configuration in {@code io.github.callpush.spring.autoconfigure} that mounts the endpoint from
 * {@code callpush.*} properties and registers every listener bean.
 */
package io.github.callpush.spring;
