package dev.hoptrace.cli.render;

import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.InterfaceInformation;

/** The JSON members of path anatomy, shared by the trace and the report (docs/json.md). */
public final class AnatomyJson {
  private AnatomyJson() {}

  /**
   * {@code "anatomy": {"nat": {"translatedSource"} | null, "tos": {"from", "to", "dscp"} | null,
   * "quotedTtl": n | null, "returnHops": n | null}}.
   */
  public static void anatomy(JsonWriter json, HopAnatomy a) {
    json.name("anatomy").beginObject();
    json.name("nat");
    if (a.nat().isPresent()) {
      json.beginObject().name("translatedSource")
          .value(a.nat().get().translatedSource().map(AddressText::of).orElse(null)).endObject();
    } else {
      json.nullValue();
    }
    json.name("tos");
    if (a.tos().isPresent()) {
      HopAnatomy.TosChange t = a.tos().get();
      json.beginObject().name("from").value(t.from()).name("to").value(t.to())
          .name("dscp").value(t.dscp()).endObject();
    } else {
      json.nullValue();
    }
    json.name("quotedTtl");
    if (a.quotedTtl().isPresent()) {
      json.value(a.quotedTtl().getAsInt());
    } else {
      json.nullValue();
    }
    json.name("returnHops");
    if (a.returnHops().isPresent()) {
      json.value(a.returnHops().getAsInt());
    } else {
      json.nullValue();
    }
    json.endObject();
  }

  /** {@code "interfaces": [{"role", "ifIndex", "address", "name", "mtu"}]}, nulls where absent. */
  public static void interfaces(JsonWriter json, IcmpExtensions extensions) {
    json.name("interfaces").beginArray();
    for (InterfaceInformation info : extensions.interfaces()) {
      json.beginObject().name("role").value(InterfaceText.role(info.role()));
      json.name("ifIndex");
      if (info.ifIndex().isPresent()) {
        json.value(info.ifIndex().getAsInt());
      } else {
        json.nullValue();
      }
      json.name("address").value(info.address().map(AddressText::of).orElse(null));
      json.name("name").value(info.name().orElse(null));
      json.name("mtu");
      if (info.mtu().isPresent()) {
        json.value(info.mtu().getAsInt());
      } else {
        json.nullValue();
      }
      json.endObject();
    }
    json.endArray();
  }
}
