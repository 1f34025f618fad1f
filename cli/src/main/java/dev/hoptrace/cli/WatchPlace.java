package dev.hoptrace.cli;

import dev.hoptrace.cli.live.TargetRunner.Confinement;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.cli.scenario.ScenarioNames;
import dev.hoptrace.cli.scenario.ScenarioTarget;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.scenario.ScenarioException;
import dev.hoptrace.sim.RealTimePacing;
import dev.hoptrace.sim.SimulatedNetwork;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where continuous traces run and what their HOSTs mean: the machine's own network, or a
 * scenario's lab (threads inside its client namespace) or simulator. Closing it tears a lab down.
 */
final class WatchPlace implements AutoCloseable {

  record Target(String host, InetAddress address) {}

  private final List<Target> targets;
  private final Optional<ScenarioTarget> scenario;
  private final Network shared;
  private final HopFacts facts;

  private WatchPlace(List<Target> targets, Optional<ScenarioTarget> scenario, Network shared,
      HopFacts facts) {
    this.targets = List.copyOf(targets);
    this.scenario = scenario;
    this.shared = shared;
    this.facts = facts;
  }

  /**
   * Resolves every HOST, opens the AS and place sources, and builds the scenario's lab when asked
   * for one and allowed to (after the sources, so a wrong file builds no lab).
   *
   * @param realTime whether a simulator must keep step with the wall clock (a person watches)
   */
  static WatchPlace open(WatchCommand command, CommandContext context, boolean realTime)
      throws UserError {
    if (command.scenario == null) {
      List<Target> targets = new ArrayList<>();
      for (String host : command.hosts) {
        targets.add(new Target(host, HostResolver.resolve(host, command.ipv4, command.ipv6)));
      }
      Optional<HopNames> names = command.numeric ? Optional.empty()
          : Optional.of(Hoptrace.names(command.dnsTimeout, command.dnsServer));
      HopFacts facts = HopFactSources.of(command, names, false);
      // Rounds and direct checks open sessions until the end: raw sockets stay allowed.
      context.privileges().keepOnlyRawSockets();
      return new WatchPlace(targets, Optional.empty(), context.network().get(), facts);
    }
    ScenarioTarget planned;
    List<Target> targets = new ArrayList<>();
    try {
      planned = ScenarioTarget.prepare(command.scenario, command.hosts.getFirst(), command.ipv4,
          command.ipv6);
      for (String host : command.hosts) {
        targets.add(new Target(host, planned.destinationOf(host, command.ipv4, command.ipv6)));
      }
    } catch (ScenarioException e) {
      throw UserError.usage(e.getMessage());
    }
    Optional<HopNames> names = command.numeric ? Optional.empty()
        : Optional.of(new HopNames(new ScenarioNames(planned.scenario()), Duration.ofSeconds(1)));
    HopFacts facts = HopFactSources.of(command, names, true);
    PrintStream err = context.err();
    boolean useLab = !command.simulatorOnly && Libc.geteuid() == 0;
    ScenarioTarget target = useLab ? planned.inLab(err) : planned;
    boolean paced = target.simulated() && realTime;
    String where = paced
        ? "in the simulator, paced to the wall clock (no packet leaves this process)"
        : target.where();
    err.println("hoptrace: scenario " + target.scenario().name() + ", " + where + ": "
        + target.scenario().description());
    Network shared = paced
        ? new RealTimePacing(new SimulatedNetwork(target.scenario()))
        : target.network();
    return new WatchPlace(targets, Optional.of(target), shared, facts);
  }

  List<Target> targets() {
    return targets;
  }

  /**
   * The network for one target. Targets share it, except in a simulator run in virtual time:
   * there each gets a world of its own, as sessions of one world would move each other's clock.
   */
  Network network() {
    boolean virtualTime = scenario.isPresent() && scenario.get().simulated()
        && !(shared instanceof RealTimePacing);
    return virtualTime ? scenario.get().network() : shared;
  }

  Confinement confinement() {
    return scenario.<Confinement>map(s -> work -> s.run(work)).orElse(Confinement.NONE);
  }

  /** Names, AS numbers and places of hops, as the options asked for them. */
  HopFacts facts() {
    return facts;
  }

  @Override
  public void close() {
    scenario.ifPresent(ScenarioTarget::close);
  }
}
