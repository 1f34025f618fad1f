package dev.hoptrace.core.mda;

import java.util.List;
import java.util.StringJoiner;

/** The load-balancing shapes the multipath tests run against. */
final class Topologies {
  private Topologies() {}

  /** What a trace of a shape must get right. */
  enum Check {
    /** Every interface and edge, and no hop taken for per-packet. */
    GRAPH,
    /**
     * Every interface and edge; the per-packet flag is not looked at: the balancer's branches meet
     * at the next hop, so its edges are the same whether it spreads flows or packets, and the
     * per-packet check is not paid for there.
     */
    GRAPH_ANY_BALANCING,
    /**
     * Every interface, and the per-packet balancer's hop flagged (alone): its branches stay apart,
     * so flows cross between them and only the check tells this from meshing. Edges past such a
     * hop show where probes went (docs/mda.md), so they are not compared.
     */
    INTERFACES_AND_PER_PACKET
  }

  /** A named shape, the rows of the measurement table in docs/mda.md. */
  record Case(String name, FakeTopology topology, Check check) {
    Case(String name, FakeTopology topology) {
      this(name, topology, Check.GRAPH);
    }

    /** Stopping-rule tests that can fail: branching routers, and the per-packet recheck. */
    int tests() {
      return topology.branchingPoints() + (check == Check.INTERFACES_AND_PER_PACKET ? 1 : 0);
    }

    boolean found(MultipathResult result) {
      boolean interfaces = topology.names(result.interfaces()).equals(topology.interfaces());
      long flagged = result.hops().stream().filter(MultipathHop::perPacket).count();
      boolean edges = topology.edgeNames(result.links()).equals(topology.edges());
      return switch (check) {
        case GRAPH -> interfaces && edges && flagged == 0;
        case GRAPH_ANY_BALANCING -> interfaces && edges;
        case INTERFACES_AND_PER_PACKET -> interfaces && flagged == 1;
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static FakeTopology single() {
    return FakeTopology.of("S>A A>B B>C C>T");
  }

  /** A > {B1..Bn} > C > T. */
  static FakeTopology diamond(int width) {
    StringJoiner edges = new StringJoiner(" ", "S>A ", " C>T");
    for (int i = 1; i <= width; i++) {
      edges.add("A>B" + i).add("B" + i + ">C");
    }
    return FakeTopology.of(edges.toString());
  }

  /** Two diamonds inside a diamond: A splits to B and C, each splits in two, all meet in H. */
  static FakeTopology nested() {
    return FakeTopology.of("S>A A>B A>C B>D B>E C>F C>G D>H E>H F>H G>H H>T");
  }

  /** One branch has an extra hop, so E is seen at TTL 3 and 4 and T at 4 and 5. */
  static FakeTopology unequal() {
    return FakeTopology.of("S>A A>B A>C B>E C>X X>E E>T");
  }

  /** B and C both reach D and E: cross edges. */
  static FakeTopology meshed() {
    return FakeTopology.of("S>A A>B A>C B>D B>E C>D C>E D>F E>F F>T");
  }

  /** A spreads packets, not flows, over B and C, which meet again in D. */
  static FakeTopology perPacket() {
    return FakeTopology.of("S>A A>B A>C B>D C>D D>T").perPacket("A");
  }

  /** A spreads packets over B and C, whose paths stay apart for a hop (D, E) before F. */
  static FakeTopology perPacketApart() {
    return FakeTopology.of("S>A A>B A>C B>D C>E D>F E>F F>T").perPacket("A");
  }

  /** B forwards without answering: A reaches D directly, as far as the trace can tell. */
  static FakeTopology silentInDiamond() {
    return FakeTopology.of("S>A A>B A>C B>D C>D D>T").silent("B");
  }

  /** B1 has two next hops, B2 one: the widths under the first diamond differ. */
  static FakeTopology asymmetric() {
    return FakeTopology.of("S>A A>B1 A>B2 B1>C1 B1>C2 B2>C3 C1>D C2>D C3>D D>T");
  }

  static List<Case> all() {
    return List.of(
        new Case("single path", single()),
        new Case("2-way diamond", diamond(2)),
        new Case("4-way diamond", diamond(4)),
        new Case("8-way diamond", diamond(8)),
        new Case("nested diamond", nested()),
        new Case("unequal branches", unequal()),
        new Case("meshed diamond", meshed()),
        new Case("asymmetric widths", asymmetric()),
        new Case("per-packet, branches meet", perPacket(), Check.GRAPH_ANY_BALANCING),
        new Case("per-packet, branches apart", perPacketApart(),
            Check.INTERFACES_AND_PER_PACKET),
        new Case("silent hop in diamond", silentInDiamond()));
  }
}
