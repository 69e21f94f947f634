package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.PushListener;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushServlet;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.verify.TokenVerifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/** An application that builds its receiver and mounts the servlet itself, as the README shows; listener beans still count. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfMountedServletAppTest {

  @Value("${local.server.port}")
  int port;

  @Autowired
  List<String> rings;

  @Test
  void servesPushesAtItsOwnPathToTheListenerBeans() throws Exception {
    String eventId = Pushes.uniqueId("ring");
    assertThat(Pushes.post(port, "/own/pushes?token=t0k3n", Pushes.ring(eventId)).statusCode()).isEqualTo(200);
    assertThat(Pushes.post(port, "/own/pushes?token=t0k3n", Pushes.ring(eventId)).statusCode()).isEqualTo(200);
    assertThat(Pushes.post(port, "/own/pushes?token=wrong", Pushes.ring(eventId)).statusCode()).isEqualTo(401);
    assertThat(rings).containsExactly(eventId);
    assertThat(Pushes.post(port, "/callpush", Pushes.ring(eventId)).statusCode()).isEqualTo(404);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    PushReceiver pushReceiver() {
      return PushReceiver.builder().verifier(TokenVerifier.builder().token("t0k3n").build()).build();
    }

    @Bean
    ServletRegistrationBean<PushServlet> pushServlet(PushReceiver receiver) {
      return new ServletRegistrationBean<>(new PushServlet(receiver), "/own/pushes");
    }

    @Bean
    List<String> rings() {
      return new CopyOnWriteArrayList<>();
    }

    @Bean
    PushListener<OutboundRing> ringLog(List<String> rings) {
      return ring -> rings.add(ring.eventId());
    }
  }
}
