/**
 * Spring Boot auto-configuration of the push endpoint. {@link
 * io.github.callpush.spring.autoconfigure.CallpushAutoConfiguration} and {@link
 * io.github.callpush.spring.autoconfigure.CallpushProperties} are public because Spring Boot loads and
 * binds them; everything else here is package-private and not API.
 */
package io.github.callpush.spring.autoconfigure;
