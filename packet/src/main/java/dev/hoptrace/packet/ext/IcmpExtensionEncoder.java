package dev.hoptrace.packet.ext;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.Wire;
import java.io.ByteArrayOutputStream;

/**
 * Builds an RFC 4884 extension structure with its checksum: one MPLS label stack object (RFC
 * 4950) if there are labels, then one RFC 5837 object per interface, then the other objects.
 */
public final class IcmpExtensionEncoder {
  private IcmpExtensionEncoder() {}

  public static byte[] encode(IcmpExtensions extensions) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) (IcmpExtensionDecoder.VERSION << 4), 0, 0, 0});
    if (!extensions.mplsLabels().isEmpty()) {
      byte[] stack = new byte[4 * extensions.mplsLabels().size()];
      int i = 0;
      for (MplsLabelStackEntry e : extensions.mplsLabels()) {
        Wire.put32(stack, i, entry(e));
        i += 4;
      }
      writeObject(out, IcmpExtensionDecoder.CLASS_MPLS,
          IcmpExtensionDecoder.CTYPE_MPLS_INCOMING_STACK, stack);
    }
    for (InterfaceInformation info : extensions.interfaces()) {
      writeObject(out, IcmpExtensionDecoder.CLASS_INTERFACE_INFORMATION,
          InterfaceInformationCodec.cType(info), InterfaceInformationCodec.payload(info));
    }
    for (ExtensionObject o : extensions.others()) {
      writeObject(out, o.classNum(), o.cType(), o.payload());
    }
    byte[] structure = out.toByteArray();
    Wire.put16(structure, 2, Checksum.of(structure, 0, structure.length));
    return structure;
  }

  private static long entry(MplsLabelStackEntry e) {
    check("label", e.label(), 0xfffff);
    check("traffic class", e.trafficClass(), 7);
    check("TTL", e.ttl(), 0xff);
    return (long) e.label() << 12 | e.trafficClass() << 9 | (e.bottomOfStack() ? 0x100 : 0)
        | e.ttl();
  }

  private static void writeObject(ByteArrayOutputStream out, int classNum, int cType,
      byte[] payload) {
    check("class-num", classNum, 0xff);
    check("C-Type", cType, 0xff);
    check("object length", 4 + payload.length, 0xffff);
    byte[] header = new byte[4];
    Wire.put16(header, 0, 4 + payload.length);
    Wire.put8(header, 2, classNum);
    Wire.put8(header, 3, cType);
    out.writeBytes(header);
    out.writeBytes(payload);
  }

  private static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " " + value + " outside 0.." + max);
    }
  }
}
