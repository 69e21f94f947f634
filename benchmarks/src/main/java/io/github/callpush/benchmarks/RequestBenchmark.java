package io.github.callpush.benchmarks;

import io.github.callpush.PushReceiver;
import io.github.callpush.PushRequest;
import io.github.callpush.PushResponse;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.event.CallRecord;
import io.github.callpush.verify.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One push through the {@link PushReceiver} engine in-process, without HTTP: the request an adapter
 * builds, token verification, the typed decode, an in-memory dedup claim and completion, one listener
 * and the acknowledgement. Every invocation carries the spec's call record with a fresh {@code
 * eventUniqueId}, so none is a duplicate. Run with {@code -prof gc} ({@code benchmarks/run-alloc.sh})
 * for the bytes allocated per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RequestBenchmark {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** The call record; its {@code eventUniqueId}'s last 16 characters are rewritten in place per request. */
  private byte[] body;
  private int counterEnd;
  private long counter;
  private long handled;
  private PushReceiver receiver;

  /** Builds the receiver and checks that a first push is handled, so no failure path is measured. */
  @Setup(Level.Trial)
  public void start() {
    body = SpecSamples.read("cdr.json");
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int key = text.indexOf("\"eventUniqueId\"");
    int open = text.indexOf('"', text.indexOf(':', key));
    counterEnd = text.indexOf('"', open + 1);
    if (key < 0 || counterEnd - open - 1 < 16) {
      throw new IllegalStateException("cdr.json has no eventUniqueId of at least 16 characters");
    }
    receiver = PushReceiver.builder()
        .verifier(TokenVerifier.builder().token(LoadTarget.TOKEN).build())
        .dedupStore(InMemoryDedupStore.builder().build())
        .on("count", CallRecord.class, cdr -> handled++)
        .build();
    push();
    if (handled != 1) {
      throw new IllegalStateException("the listener did not run");
    }
  }

  /** Closes the receiver. */
  @TearDown(Level.Trial)
  public void stop() {
    receiver.close();
  }

  /** One request, as {@code PushServlet} hands it over, answered 200. */
  @Benchmark
  public PushResponse push() {
    long id = ++counter;
    for (int i = 1; i <= 16; i++, id >>>= 4) {
      body[counterEnd - i] = HEX[(int) (id & 0xF)];
    }
    PushResponse response = receiver.handle(PushRequest.builder()
        .queryString("token=" + LoadTarget.TOKEN)
        .header("Host", "127.0.0.1:8080")
        .header("Content-Type", "application/json")
        .header("Content-Length", Integer.toString(body.length))
        .body(body)
        .build());
    if (response.status() != 200) {
      throw new IllegalStateException("answered " + response.status() + ": " + response.bodyText());
    }
    return response;
  }
}
