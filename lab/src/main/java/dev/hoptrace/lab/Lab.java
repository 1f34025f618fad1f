package dev.hoptrace.lab;

import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A running lab: a {@link Scenario} built as network namespaces, one per node, joined by veth
 * pairs or link emulators, which also hold the routers that report MPLS labels (see {@link
 * ScenarioSetup}). Programs run inside a node with {@link #exec}; {@link
 * #close()} removes everything, and a shutdown hook does the same if the JVM exits first
 * (Ctrl-C, a crashed test run).
 *
 * <p>The client routes only the lab ranges (198.18.0.0/15, 2001:db8::/32) into the lab and has
 * no other interface, so nothing run there can reach the host's network.
 */
public final class Lab implements AutoCloseable {
  /** Names the client's hosts file gives the destination (both families) and routers. */
  public static final String DOMAIN = "hoptrace.test";

  private final String runId;
  private volatile Scenario scenario;
  private final HopPlan hopPlan;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<AutoCloseable> owned = new ArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;

  private Lab(String runId, Scenario scenario) {
    this.runId = runId;
    this.scenario = scenario;
    this.hopPlan = new HopPlan(scenario);
    // An MPLS router lives inside a link emulator between its neighbours: no namespace.
    scenario.nodes().values().stream()
        .filter(n -> !EmulatedLinks.isEmulatedRouter(scenario, n.name()))
        .forEach(n -> nodes.put(n.name(), new Node(LabRegistry.PREFIX + runId + "-" + n.name(),
            n.name(), Node.roleOf(n))));
    this.shutdownHook = new Thread(this::teardown, "hoptrace-lab-" + runId + "-teardown");
  }

  /**
   * Builds {@code scenario} with the kernel and, for delay, jitter and MPLS routers, the TUN
   * link emulator; see {@link #start(Scenario, LabOptions)}.
   */
  public static Lab start(Scenario scenario) {
    return start(scenario, LabOptions.DEFAULT);
  }

  /**
   * Builds {@code scenario}: refuses up front what it cannot build (see {@link #refusals}) and
   * without root, sweeps stale labs of dead runs, claims a run id, then creates namespaces,
   * links, addresses, routes, sysctls, rules and listeners. Fails with a {@link LabException}
   * (after removing whatever it made) when any step fails.
   */
  public static Lab start(Scenario scenario, LabOptions options) {
    Objects.requireNonNull(scenario, "scenario");
    List<String> refusals = refusals(scenario, options.emulator());
    if (!refusals.isEmpty()) {
      throw new LabException("cannot build scenario " + scenario.name() + ": "
          + String.join("; ", refusals));
    }
    requireRoot();
    LabRegistry.sweepStale();
    Lab lab = new Lab(LabRegistry.claimRunId(), scenario);
    Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
    try {
      new ScenarioSetup(lab).build(options.emulator(), options.pingGroupOpen());
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  /** What in {@code scenario} {@code emulator} cannot build, one line each; empty when all. */
  public static List<String> refusals(Scenario scenario, EmulatedLinkFactory emulator) {
    return EmulatedLinks.refusals(scenario, emulator);
  }

  private static void requireRoot() {
    ExecResult id = Commands.run(List.of("id", "-u"), Commands.SETUP_TIMEOUT);
    if (!id.succeeded() || !id.stdout().strip().equals("0")) {
      throw new LabException("a lab needs root: only uid 0 can make network namespaces, veths "
          + "and nftables rules (this process runs as uid " + id.stdout().strip() + ")");
    }
  }

  /** The id shared by this lab's namespace names, {@code ht-<runId>-…}. */
  public String runId() {
    return runId;
  }

  /** The scenario as it runs now (behaviours changed by {@link #setBehaviour} included). */
  public Scenario scenario() {
    return scenario;
  }

  /** The hops a trace through this lab should show. */
  public HopPlan hopPlan() {
    return hopPlan;
  }

  /** The address families the scenario carries. */
  public List<IpFamily> families() {
    List<IpFamily> families = new ArrayList<>();
    if (scenario.family().ipv4()) {
      families.add(IpFamily.IPV4);
    }
    if (scenario.family().ipv6()) {
      families.add(IpFamily.IPV6);
    }
    return families;
  }

  public Node client() {
    return node(scenario.client().name());
  }

  public Node destination() {
    return node(scenario.destination().name());
  }

  /** The node named {@code name} in the scenario; MPLS routers have none (no namespace). */
  public Node node(String name) {
    Node node = nodes.get(name);
    if (node == null && scenario.nodes().containsKey(name)) {
      throw new IllegalArgumentException("router " + name + " of " + scenario.name()
          + " reports MPLS labels: it is a hop inside a link emulator, with no namespace");
    }
    if (node == null) {
      throw new IllegalArgumentException("no node '" + name + "' in " + scenario.name());
    }
    return node;
  }

  /** Routers with a namespace in scenario order (MPLS routers have none). */
  public List<Node> routers() {
    return nodes.values().stream().filter(n -> n.role() == Node.Role.ROUTER).toList();
  }

  /** The router at hop {@code k} (1-based) of a path with one router per hop. */
  public Node router(int k) {
    Set<String> at = k >= 1 && k < hopPlan.destinationTtl() ? hopPlan.nodes(k) : Set.of();
    if (at.size() != 1) {
      throw new IllegalArgumentException("no single router at hop " + k + " of " + scenario.name());
    }
    return node(at.iterator().next());
  }

  /** Every node with a namespace in scenario order. */
  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /** The destination's address, the target of every trace. */
  public InetAddress destinationAddress(IpFamily family) {
    return AddressPlan.destination(scenario, carried(family) == IpFamily.IPV6);
  }

  /** The client's own address on its only link. */
  public InetAddress clientAddress(IpFamily family) {
    return AddressPlan.client(scenario, carried(family) == IpFamily.IPV6);
  }

  /** The TTL at which probes reach the destination. */
  public int destinationTtl() {
    return hopPlan.destinationTtl();
  }

  /** The address hop {@code ttl} answers from, on a path without balancing there. */
  public InetAddress hopAddress(int ttl, IpFamily family) {
    Set<InetAddress> addresses = hopPlan.addresses(ttl, carried(family));
    if (addresses.size() != 1) {
      throw new IllegalArgumentException("hop " + ttl + " of " + scenario.name()
          + " may answer from any of " + addresses);
    }
    return addresses.iterator().next();
  }

  /** Every hop's address in order, routers first, destination last (single paths only). */
  public List<InetAddress> pathAddresses(IpFamily family) {
    List<InetAddress> hops = new ArrayList<>();
    for (int ttl = 1; ttl <= destinationTtl(); ttl++) {
      hops.add(hopAddress(ttl, family));
    }
    return hops;
  }

  /** The destination's name in the client's hosts file (both families). */
  public String destinationName() {
    return "dst." + DOMAIN;
  }

  /** Runs {@code command} inside {@code node}'s namespace as root. */
  public ExecResult exec(Node node, Duration timeout, String... command) {
    return exec(node, Arrays.asList(command), "", timeout, null);
  }

  /**
   * Runs {@code command} inside {@code node}'s namespace with {@code stdin} as input, starting
   * in {@code workingDirectory} (null: the current one), killed at {@code timeout}.
   */
  public ExecResult exec(Node node, List<String> command, String stdin, Duration timeout,
      Path workingDirectory) {
    checkOpen();
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", node.namespace()));
    full.addAll(command);
    return Commands.run(full, stdin, timeout, workingDirectory);
  }

  /** Replaces router {@code k}'s rules (see {@link #router(int)}) with {@code behaviour}'s. */
  public void setBehaviour(int k, RouterBehaviour behaviour) {
    setBehaviour(router(k).name(), behaviour.scenarioBehaviour());
  }

  /**
   * Gives router {@code name} new ICMP, NAT and filter behaviour while the lab runs. What the
   * build itself made (reply-from addresses, per-packet tables, MPLS) cannot change.
   */
  public void setBehaviour(String name, dev.hoptrace.scenario.RouterBehaviour behaviour) {
    checkOpen();
    Node node = node(name); // first: an MPLS router has no namespace to change
    scenario = new BehaviourChange(scenario).apply(name, behaviour);
    applyRules(node);
  }

  /**
   * Opens the client's {@code net.ipv4.ping_group_range} to every group, or closes it to the
   * kernel default {@code "1 0"} (which also gates ICMPv6 ping sockets).
   */
  public void setPingGroupOpen(boolean open) {
    checkOpen();
    exec(client(), Commands.SETUP_TIMEOUT, "sysctl", "-q", "-w",
        "net.ipv4.ping_group_range=" + (open ? "0 2147483647" : "1 0")).orThrow();
  }

  /** Installs nftables rules in {@code node}: a whole ruleset script for {@code nft -f -}. */
  public void nft(Node node, String script) {
    checkOpen();
    exec(node, List.of("nft", "-f", "-"), script, Commands.SETUP_TIMEOUT, null).orThrow();
  }

  /** Installs {@code node}'s rules as the scenario says now (nothing when it needs none). */
  void applyRules(Node node) {
    String script = NodeRules.script(scenario, node.name(), new ScenarioRoutes(scenario));
    nft(node, script);
  }

  /** Closes {@code resource} (an emulated link, a listener) at teardown, before the namespaces go. */
  synchronized void own(AutoCloseable resource) {
    owned.add(resource);
  }

  /** Removes every namespace, process and file of this lab. Safe to call more than once. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook is running or has run
    }
    teardown();
  }

  private void teardown() {
    List<AutoCloseable> resources;
    synchronized (this) {
      resources = new ArrayList<>(owned.reversed());
      owned.clear();
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // keep tearing down: the namespaces must go whatever one resource did
      }
    }
    List<String> names = nodes.values().stream().map(Node::namespace).toList();
    List<String> present = Namespaces.list().stream().filter(names::contains).toList();
    if (!present.isEmpty()) {
      Namespaces.delete(present);
    }
    names.forEach(NamespaceFiles::remove);
    LabRegistry.release(runId);
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("lab " + runId + " is closed");
    }
  }

  private IpFamily carried(IpFamily family) {
    if (!families().contains(family)) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " carries no "
          + family);
    }
    return family;
  }

  @Override
  public String toString() {
    return "Lab " + runId + " (" + scenario.name() + "): " + String.join(" ", nodes.values()
        .stream().map(Node::namespace).toList());
  }
}
