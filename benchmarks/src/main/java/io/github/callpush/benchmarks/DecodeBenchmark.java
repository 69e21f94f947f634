package io.github.callpush.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.UnknownEvent;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The typed decode of a push, {@link PushDecoder#decode(byte[])}, side by side with the bare JSON
 * parse it starts with, a plain {@code new ObjectMapper().readTree(bytes)}, on the same bytes of each
 * of the platform's samples. The goal (issue 18) is a typed decode of {@code cdr.json} in at most the time
 * and the bytes of its {@code readTree}. Run with {@code benchmarks/run-decode.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {

  /** Every valid sample of the spec; {@code run-decode.sh} passes the directory's current list instead. */
  @Param({
    "cdr.json",
    "call-status-talking.json",
    "call-status-wrapup.json",
    "dialout-hangup.json",
    "dialout-ring.json",
    "incoming-ring-section.json",
    "link.json",
    "login.json",
    "logout.json",
    "media-failreason.json"
  })
  public String sample;

  private byte[] body;
  private PushDecoder decoder;
  private ObjectMapper mapper;

  /** Loads the sample and checks both sides read it, so neither measures a failure path. */
  @Setup(Level.Trial)
  public void load() throws IOException {
    body = SpecSamples.read(sample);
    decoder = PushDecoder.defaults();
    mapper = new ObjectMapper();
    PushEvent event = decoder.decode(body);
    if (event instanceof UnknownEvent) {
      throw new IllegalStateException(sample + " decodes to an UnknownEvent: it would not measure a typed decode");
    }
    JsonNode tree = mapper.readTree(body);
    if (tree == null || !tree.isObject()) {
      throw new IllegalStateException(sample + " is not a JSON object");
    }
  }

  /** Bytes to a typed event: parse under limits, classify, read every field. */
  @Benchmark
  public void decode(Blackhole blackhole) {
    blackhole.consume(decoder.decode(body));
  }

  /** Bytes to a Jackson tree with a default mapper: the floor the decode builds on. */
  @Benchmark
  public void readTree(Blackhole blackhole) throws IOException {
    blackhole.consume(mapper.readTree(body));
  }
}
