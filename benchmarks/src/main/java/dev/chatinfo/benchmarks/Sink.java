package dev.chatinfo.benchmarks;

import java.io.ByteArrayOutputStream;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Where the encode benchmarks write: one buffer per thread, emptied before each write. */
@State(Scope.Thread)
public class Sink {

  /** The buffer. */
  public final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

  /**
   * The buffer, emptied.
   *
   * @return the buffer
   */
  public ByteArrayOutputStream empty() {
    out.reset();
    return out;
  }
}
