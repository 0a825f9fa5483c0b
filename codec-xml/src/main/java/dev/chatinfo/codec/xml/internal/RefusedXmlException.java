package dev.chatinfo.codec.xml.internal;

import javax.xml.stream.XMLStreamException;

/**
 * The parser met something this codec refuses before it could do harm: a DOCTYPE, an entity
 * reference, nesting deeper than allowed, a text or value longer than allowed. The message says
 * what and where (line and column), and never quotes more than a short excerpt of the input.
 */
final class RefusedXmlException extends XMLStreamException {

  private static final long serialVersionUID = 1L;

  /**
   * A refusal.
   *
   * @param message what was refused and where
   */
  RefusedXmlException(String message) {
    super(message);
  }
}
