package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one link emulator builds: a single scenario link, or a run of links through routers that
 * report MPLS labels, which have no namespace of their own and live inside the emulator as
 * router hops. From end A (a node with a namespace) over {@code links.get(0)}, router {@code
 * routers.get(0)}, {@code links.get(1)}, … to end B.
 *
 * @param endA the node at the start of the first link
 * @param endB the node at the end of the last link
 * @param links in order from {@code endA}; one more than {@code routers}
 * @param routers the emulated routers between consecutive links
 */
public record EmulatedPath(String endA, String endB, List<Link> links, List<String> routers) {

  public EmulatedPath {
    Objects.requireNonNull(endA, "endA");
    Objects.requireNonNull(endB, "endB");
    links = List.copyOf(links);
    routers = List.copyOf(routers);
    if (links.size() != routers.size() + 1) {
      throw new IllegalArgumentException(links.size() + " links around " + routers.size()
          + " routers");
    }
  }

  /** The interface in {@code endA}'s namespace: named after the first link. */
  public String interfaceA() {
    return Node.interfaceName(links.getFirst().index());
  }

  /** The interface in {@code endB}'s namespace: named after the last link. */
  public String interfaceB() {
    return Node.interfaceName(links.getLast().index());
  }

  /** Every node from end A to end B, e.g. {@code [pe1, p1, p2, pe2]}. */
  public List<String> nodes() {
    List<String> nodes = new ArrayList<>(List.of(endA));
    nodes.addAll(routers);
    nodes.add(endB);
    return nodes;
  }

  @Override
  public String toString() {
    return "link " + String.join(" -- ", nodes());
  }
}
