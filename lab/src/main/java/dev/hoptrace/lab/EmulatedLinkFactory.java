package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import java.util.Optional;

/**
 * Builds the links the kernel cannot: ones with delay or jitter (no {@code netem} assumed on
 * the host), and the links of routers that report MPLS labels, whose Time Exceeded messages
 * must be crafted. The link emulator ({@code dev.hoptrace.lab.emulator}) implements it; the lab
 * asks it for exactly the links {@link EmulatedLinks#needsEmulator} names and builds every
 * other link as a veth pair.
 *
 * <p>An emulated link owns all of its properties (delay, jitter, loss, MTU, and the crafted
 * replies of the MPLS routers at its ends); the lab adds addresses, routes and nft rules on the
 * interfaces it creates exactly as on a veth, so the rest of the scenario is unchanged.
 */
public interface EmulatedLinkFactory {

  /** Builds nothing: every scenario that needs emulation is refused, saying what needs it. */
  EmulatedLinkFactory NONE = new EmulatedLinkFactory() {
    @Override
    public Optional<String> refusal(Scenario scenario, Link link) {
      return Optional.of(EmulatedLinks.why(scenario, link) + " needs the link emulator");
    }

    @Override
    public EmulatedLink create(Scenario scenario, Link link, String namespaceA,
        String namespaceB) {
      throw new LabException(refusal(scenario, link).orElseThrow());
    }
  };

  /**
   * Why this factory cannot build {@code link} of {@code scenario}, or empty when it can. Asked
   * for every link that needs emulation before anything is created.
   */
  Optional<String> refusal(Scenario scenario, Link link);

  /**
   * Creates {@code link}: afterwards an interface named {@link Node#interfaceName(int)
   * Node.interfaceName(link.index())} exists in {@code namespaceA} (end {@code link.a()}) and in
   * {@code namespaceB} (end {@code link.b()}), up, with the link's MTU and no addresses.
   */
  EmulatedLink create(Scenario scenario, Link link, String namespaceA, String namespaceB);

  /** A running emulated link; closed at lab teardown, before its namespaces are deleted. */
  interface EmulatedLink extends AutoCloseable {
    @Override
    void close();
  }
}
