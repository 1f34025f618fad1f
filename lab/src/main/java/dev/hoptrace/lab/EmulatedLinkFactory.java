package dev.hoptrace.lab;

import dev.hoptrace.scenario.Scenario;
import java.util.Optional;

/**
 * Builds what the kernel cannot: links with delay or jitter (no {@code netem} assumed on the
 * host), and routers that report MPLS labels, whose Time Exceeded messages must be crafted. The
 * lab hands it exactly the {@link EmulatedPath}s it needs (a link, or a run of links through
 * MPLS routers, which get no namespace) and builds every other link as a veth pair. {@link
 * TunLinkFactory} builds them with the TUN link emulator, and is the lab's default.
 *
 * <p>An emulated path owns all of its properties (delay, jitter, loss, MTU, and the crafted
 * replies of its MPLS routers); the lab adds addresses, routes and nft rules on the interfaces
 * at its ends exactly as on a veth, so the rest of the scenario is unchanged.
 */
public interface EmulatedLinkFactory {

  /** Builds nothing: every scenario that needs emulation is refused, saying what needs it. */
  EmulatedLinkFactory NONE = new EmulatedLinkFactory() {
    @Override
    public Optional<String> refusal(Scenario scenario, EmulatedPath path) {
      return Optional.of(EmulatedLinks.why(scenario, path) + " needs the link emulator");
    }

    @Override
    public EmulatedLink create(Scenario scenario, EmulatedPath path, String namespaceA,
        String namespaceB) {
      throw new LabException(refusal(scenario, path).orElseThrow());
    }
  };

  /**
   * Why this factory cannot build {@code path} of {@code scenario}, or empty when it can. Asked
   * for every path before anything is created.
   */
  Optional<String> refusal(Scenario scenario, EmulatedPath path);

  /**
   * Creates {@code path}: afterwards an interface named {@link EmulatedPath#interfaceA()} exists
   * in {@code namespaceA} (node {@code path.endA()}) and one named {@link
   * EmulatedPath#interfaceB()} in {@code namespaceB}, up, with their links' MTU and no
   * addresses; the path's routers answer from their address plan addresses. Leaves nothing
   * behind when it fails.
   */
  EmulatedLink create(Scenario scenario, EmulatedPath path, String namespaceA,
      String namespaceB);

  /** A running emulated path; closed at lab teardown, before its namespaces are deleted. */
  interface EmulatedLink extends AutoCloseable {
    @Override
    void close();
  }
}
