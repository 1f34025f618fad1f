package dev.hoptrace.packet;

/**
 * Where the transport header of an IP packet starts, and whether it is there at all.
 *
 * @param protocol the transport protocol, or for {@link Status#TRUNCATED} the next header that
 *     could not be read past
 * @param offset where that header starts, from the start of the buffer
 * @param status whether the header can be read at {@code offset}
 */
public record TransportLocation(int protocol, int offset, Status status) {

  /** Whether a transport header follows. */
  public enum Status {
    /** The transport header starts at the offset (it may still be cut short). */
    PRESENT,
    /** The packet is a fragment other than the first: it carries no transport header. */
    NOT_FIRST_FRAGMENT,
    /** The bytes ended inside an IPv6 extension header. */
    TRUNCATED
  }

  public boolean isPresent() {
    return status == Status.PRESENT;
  }
}
