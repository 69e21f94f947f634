/**
 * Spring Boot auto-configuration of the push endpoint, one per concern so that each can be excluded: the
 * endpoint ({@link io.github.callpush.spring.autoconfigure.CallpushAutoConfiguration}), its metrics ({@link
 * io.github.callpush.spring.autoconfigure.CallpushMetricsAutoConfiguration}) and its health indicator (one for
 * Spring Boot 3 and one for Spring Boot 4, in the same jar). They and {@link
 * io.github.callpush.spring.autoconfigure.CallpushProperties} are public because Spring Boot loads and binds
 * them; everything else here is package-private and not API.
 */
package io.github.callpush.spring.autoconfigure;
