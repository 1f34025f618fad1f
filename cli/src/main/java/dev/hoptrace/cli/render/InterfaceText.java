package dev.hoptrace.cli.render;

import dev.hoptrace.packet.AddressText;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.InterfaceInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * RFC 5837 interface information in the two notations hoptrace prints, beside the MPLS forms of
 * {@link MplsText}. Interface names come from the network and are cleaned of control characters.
 */
public final class InterfaceText {
  private InterfaceText() {}

  /** The views' and the report's form: {@code [IF incoming: ge-0/0/1 #3 10.0.0.1 MTU 1500]}. */
  public static String bracket(InterfaceInformation info) {
    StringBuilder text = new StringBuilder("[IF ").append(role(info.role())).append(':');
    info.name().ifPresent(n -> text.append(' ').append(clean(n)));
    info.ifIndex().ifPresent(i -> text.append(" #").append(i));
    info.address().ifPresent(a -> text.append(' ').append(AddressText.of(a)));
    info.mtu().ifPresent(m -> text.append(" MTU ").append(m));
    return text.append(']').toString();
  }

  /**
   * {@code -e}'s form, one per object, traceroute-style key=value pairs:
   * {@code IF:in,name=ge-0/0/1,index=3,addr=10.0.0.1,mtu=1500}; empty without objects.
   */
  public static List<String> traceroute(IcmpExtensions extensions) {
    List<String> all = new ArrayList<>();
    for (InterfaceInformation info : extensions.interfaces()) {
      StringJoiner text = new StringJoiner(",", "IF:" + shortRole(info.role()) + ",", "");
      info.name().ifPresent(n -> text.add("name=" + clean(n)));
      info.ifIndex().ifPresent(i -> text.add("index=" + i));
      info.address().ifPresent(a -> text.add("addr=" + AddressText.of(a)));
      info.mtu().ifPresent(m -> text.add("mtu=" + m));
      all.add(text.toString());
    }
    return all;
  }

  /** The role's word (RFC 5837 §4.1), as JSON and CSV name it. */
  public static String role(int role) {
    return switch (role) {
      case 0 -> "incoming";
      case 1 -> "sub-IP";
      case 2 -> "outgoing";
      case 3 -> "next hop";
      default -> "role " + role;
    };
  }

  private static String shortRole(int role) {
    return switch (role) {
      case 0 -> "in";
      case 1 -> "sub";
      case 2 -> "out";
      case 3 -> "nh";
      default -> "r" + role;
    };
  }

  /** Control characters and the separators of the notations become '?'. */
  static String clean(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(c -> out.appendCodePoint(
        Character.isISOControl(c) || c == ',' || c == '>' || c == ']' ? '?' : c));
    return out.toString();
  }
}
