package dev.hoptrace.cli;

import java.io.Serial;

/**
 * An option value that cannot be used. The message says why and quotes the value; the parser
 * puts the option's name in front, so converters stay unaware of which option they serve.
 */
final class BadValue extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  BadValue(String reason) {
    super(reason, null, false, false);
  }
}
