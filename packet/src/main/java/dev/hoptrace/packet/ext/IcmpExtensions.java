package dev.hoptrace.packet.ext;

import java.util.List;

/**
 * The decoded RFC 4884 extension structure of an ICMP error.
 *
 * @param mplsLabels MPLS label stack (RFC 4950), outermost first
 * @param interfaces RFC 5837 interface information objects
 * @param others objects of any other class, undecoded
 */
public record IcmpExtensions(
    List<MplsLabelStackEntry> mplsLabels,
    List<InterfaceInformation> interfaces,
    List<ExtensionObject> others) {

  /** No extensions. */
  public static final IcmpExtensions NONE = new IcmpExtensions(List.of(), List.of(), List.of());

  public IcmpExtensions {
    mplsLabels = List.copyOf(mplsLabels);
    interfaces = List.copyOf(interfaces);
    others = List.copyOf(others);
  }

  public boolean isEmpty() {
    return mplsLabels.isEmpty() && interfaces.isEmpty() && others.isEmpty();
  }
}
