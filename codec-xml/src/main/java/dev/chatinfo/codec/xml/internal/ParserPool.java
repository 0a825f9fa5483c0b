package dev.chatinfo.codec.xml.internal;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.xml.stream.XMLStreamException;
import org.simpleframework.xml.stream.EventReader;

/**
 * A few guarded JDK parsers kept for reuse between decodes. A new JDK parser costs more than
 * parsing a chat's info with it (its buffers, scanners and symbol table: about 13 KB and a
 * third of the time of a decode), so each {@link Parser} keeps its own {@link GuardedInputFactory}
 * made to reuse its parser and {@link BodyReader} document after document.
 *
 * <p>A parser is taken by one decode at a time ({@link #acquire()}) and given back
 * ({@link #release(Parser)}) only if that decode ended well, which closed its JDK parser so that
 * the JDK resets it before the next document; a parser that failed (malformed or refused input,
 * a failing stream) is dropped, never reused. The JDK's reset re-reads the same fixed hardening
 * properties, and the guard checks every document from its start, so a reused parser is as
 * guarded as a new one. At most {@link #SIZE} idle parsers are kept; when all are taken, a new one
 * is made. Thread-safe and lock-free.
 */
final class ParserPool {

  /** The most idle parsers kept: twice the processors, between 2 and 16. */
  static final int SIZE = Math.max(2, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));

  private final AtomicReferenceArray<Parser> idle = new AtomicReferenceArray<>(SIZE);

  /** Creates an empty pool; parsers are made on first use. */
  ParserPool() {
    // nothing to configure
  }

  /**
   * Takes an idle parser, or makes a new one.
   *
   * @return a parser for one document
   */
  Parser acquire() {
    for (int i = 0; i < SIZE; i++) {
      if (idle.get(i) != null) {
        Parser parser = idle.getAndSet(i, null);
        if (parser != null) {
          return parser;
        }
      }
    }
    return new Parser();
  }

  /**
   * Gives a parser back: kept if it ended its document well and there is room, else dropped.
   *
   * @param parser the parser taken with {@link #acquire()}
   */
  void release(Parser parser) {
    if (!parser.reusable) {
      return;
    }
    for (int i = 0; i < SIZE; i++) {
      if (idle.get(i) == null && idle.compareAndSet(i, null, parser)) {
        return;
      }
    }
  }

  /** One reusable guarded parser, which gives Simple XML its events. Not thread-safe. */
  static final class Parser {
    private final GuardedInputFactory factory = new GuardedInputFactory();
    private CursorEvents events;
    private boolean reusable;

    private Parser() {}

    /**
     * Starts a document.
     *
     * @param body the body
     * @return Simple XML's events of the document
     * @throws Exception if the parser cannot start
     */
    EventReader open(InputStream body) throws Exception {
      reusable = false;
      GuardedStreamReader cursor = factory.createXMLStreamReader(body);
      if (events == null || events.cursor() != cursor) {
        events = new CursorEvents(cursor);
        return events;
      }
      return events.reset();
    }

    /**
     * Ends a document read to its end without failure: the parser may be reused.
     *
     * @throws XMLStreamException if the JDK parser cannot be closed (then it is not reused)
     */
    void finish() throws XMLStreamException {
      factory.finish();
      reusable = true;
    }

    /** Ends a document that failed: the parser is not reused. */
    void abandon() {
      reusable = false;
      factory.abandon();
    }
  }
}
