/**
 * Spring Boot auto-configuration of the push endpoint. The auto-configurations ({@link
 * io.github.callpush.spring.autoconfigure.CallpushAutoConfiguration} and the health indicator's, one
 * for Spring Boot 3 and one for Spring Boot 4, in the same jar) and {@link
 * io.github.callpush.spring.autoconfigure.CallpushProperties} are public because Spring Boot loads and
 * binds them; everything else here is package-private and not API.
 */
package io.github.callpush.spring.autoconfigure;
