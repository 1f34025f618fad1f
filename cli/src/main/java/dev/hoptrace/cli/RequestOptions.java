package dev.hoptrace.cli;

import dev.hoptrace.core.TraceRequest;

/** The options every probing command shares, applied to a request and validated once. */
final class RequestOptions {
  private RequestOptions() {}

  /**
   * Sets what was given (null = the default) and builds; a value out of range becomes a usage
   * {@link UserError} naming the option.
   */
  static TraceRequest build(TraceRequest.Builder builder, Integer port, Integer packetLength,
      String interfaceName, String source) throws UserError {
    if (port != null) {
      builder.port(port);
    }
    if (packetLength != null) {
      builder.packetLength(packetLength);
    }
    if (interfaceName != null) {
      builder.interfaceName(interfaceName);
    }
    if (source != null) {
      builder.source(HostResolver.literal(source, "source address (-s)"));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
  }
}
