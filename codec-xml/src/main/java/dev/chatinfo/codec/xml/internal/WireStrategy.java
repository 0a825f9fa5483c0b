package dev.chatinfo.codec.xml.internal;

import java.util.Map;
import org.simpleframework.xml.strategy.Strategy;
import org.simpleframework.xml.strategy.Type;
import org.simpleframework.xml.strategy.Value;
import org.simpleframework.xml.stream.InputNode;
import org.simpleframework.xml.stream.NodeMap;
import org.simpleframework.xml.stream.OutputNode;

/**
 * The Simple XML {@link Strategy} of the codec's one {@code Persister}: a {@link WireDocument} is
 * read by {@link InfoSectionReader}, element by element, in wire order; nothing else is bound.
 *
 * <p>Simple XML's own strategies ({@code TreeStrategy}, and {@code RegistryStrategy} and
 * {@code AnnotationStrategy}, which call it first) take a {@code class} attribute of any element
 * as the name of a class to load and instantiate. This one reads no attribute of the root, so the
 * body can never choose a class, and unknown attributes of {@code <info>} are ignored as the wire
 * rules say. Stateless and thread-safe.
 */
public final class WireStrategy implements Strategy {

  private final InfoSectionReader reader = new InfoSectionReader();

  /** Creates the strategy. */
  public WireStrategy() {
    // nothing to configure
  }

  /**
   * Reads a {@link WireDocument} from the element of the given attributes.
   *
   * @return the document, as a resolved value; null for any other type (never asked)
   */
  @Override
  public Value read(Type type, NodeMap<InputNode> node, @SuppressWarnings("rawtypes") Map map)
      throws Exception {
    if (type.getType() != WireDocument.class) {
      return null;
    }
    return new Decoded(reader.read(node.getNode()));
  }

  /**
   * Writes nothing: the codec writes XML itself, so that every character round-trips.
   *
   * @return false, to let Simple XML go on (never asked)
   */
  @Override
  public boolean write(Type type, Object value, NodeMap<OutputNode> node,
      @SuppressWarnings("rawtypes") Map map) {
    return false;
  }

  /** A document already read: Simple XML takes it as it is (a reference value). */
  private static final class Decoded implements Value {
    private final WireDocument document;

    Decoded(WireDocument document) {
      this.document = document;
    }

    @Override
    public Object getValue() {
      return document;
    }

    /** Refused: a decoded document is final. */
    @Override
    public void setValue(Object value) {
      throw new IllegalStateException("a decoded document is final");
    }

    @Override
    public Class<?> getType() {
      return WireDocument.class;
    }

    @Override
    public int getLength() {
      return 0;
    }

    @Override
    public boolean isReference() {
      return true;
    }
  }
}
