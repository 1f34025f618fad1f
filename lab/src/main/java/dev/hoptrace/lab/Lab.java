package dev.hoptrace.lab;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A running lab: network namespaces joined by veth pairs, built from a {@link LinearPath}.
 * Programs run inside a node with {@link #exec}; {@link #close()} removes everything, and a
 * shutdown hook does the same if the JVM exits first (Ctrl-C, a crashed test run).
 *
 * <p>The client routes only the lab ranges (198.18.0.0/15, 2001:db8::/32) into the lab and has
 * no other interface, so nothing run there can reach the host's network.
 */
public final class Lab implements AutoCloseable {
  /** Names the client's hosts file gives the destination (both families) and routers. */
  public static final String DOMAIN = "hoptrace.test";

  private final String runId;
  private final LinearPath plan;
  private final Node client;
  private final List<Node> routers;
  private final Node destination;
  private final Thread shutdownHook;
  private boolean closed;

  private Lab(String runId, LinearPath plan) {
    this.runId = runId;
    this.plan = plan;
    String prefix = LabRegistry.PREFIX + runId + "-";
    this.client = new Node(prefix + "c", Node.Role.CLIENT, 0);
    List<Node> rs = new ArrayList<>();
    for (int k = 1; k <= plan.routers(); k++) {
      rs.add(new Node(prefix + "r" + k, Node.Role.ROUTER, k));
    }
    this.routers = List.copyOf(rs);
    this.destination = new Node(prefix + "d", Node.Role.DESTINATION, plan.routers() + 1);
    this.shutdownHook = new Thread(this::teardown, "hoptrace-lab-" + runId + "-teardown");
  }

  /**
   * Builds {@code plan}: sweeps stale labs of dead runs, claims a run id, then creates
   * namespaces, links, addresses, routes, sysctls and rules. Fails with a {@link LabException}
   * (after removing whatever it made) when any step fails, e.g. when not root.
   */
  static Lab start(LinearPath plan) {
    Objects.requireNonNull(plan, "plan");
    requireRoot();
    LabRegistry.sweepStale();
    Lab lab = new Lab(LabRegistry.claimRunId(), plan);
    Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
    try {
      new LinearPathSetup(lab).build();
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
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

  /** The plan this lab was built from. */
  public LinearPath plan() {
    return plan;
  }

  public Node client() {
    return client;
  }

  public Node destination() {
    return destination;
  }

  /** Routers in path order. */
  public List<Node> routers() {
    return routers;
  }

  /** Router {@code k}, 1-based. */
  public Node router(int k) {
    if (k < 1 || k > routers.size()) {
      throw new IllegalArgumentException("no router " + k + " in a lab of " + routers.size());
    }
    return routers.get(k - 1);
  }

  /** Client, routers and destination in path order. */
  public List<Node> nodes() {
    List<Node> all = new ArrayList<>();
    all.add(client);
    all.addAll(routers);
    all.add(destination);
    return all;
  }

  /** The destination's address, the target of every trace. */
  public InetAddress destinationAddress(IpFamily family) {
    return AddressPlan.address(plan.links(), AddressPlan.Side.FAR, family);
  }

  /** The client's own address on its only link. */
  public InetAddress clientAddress(IpFamily family) {
    return AddressPlan.address(1, AddressPlan.Side.NEAR, family);
  }

  /**
   * The address hop {@code ttl} answers from: router {@code ttl}'s client-facing interface, or
   * the destination for {@code ttl} = routers + 1.
   */
  public InetAddress hopAddress(int ttl, IpFamily family) {
    if (ttl < 1 || ttl > plan.links()) {
      throw new IllegalArgumentException("no hop " + ttl + " on a path of " + plan.links());
    }
    return AddressPlan.address(ttl, AddressPlan.Side.FAR, family);
  }

  /** Every hop's address in order, routers first, destination last. */
  public List<InetAddress> pathAddresses(IpFamily family) {
    List<InetAddress> hops = new ArrayList<>();
    for (int ttl = 1; ttl <= plan.links(); ttl++) {
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

  /** Replaces router {@code k}'s rules with {@code behaviour}'s, while the lab runs. */
  public void setBehaviour(int k, RouterBehaviour behaviour) {
    checkOpen();
    applyRules(router(k), behaviour);
  }

  /**
   * Opens the client's {@code net.ipv4.ping_group_range} to every group, or closes it to the
   * kernel default {@code "1 0"} (which also gates ICMPv6 ping sockets).
   */
  public void setPingGroupOpen(boolean open) {
    checkOpen();
    exec(client, Commands.SETUP_TIMEOUT, "sysctl", "-q", "-w",
        "net.ipv4.ping_group_range=" + (open ? "0 2147483647" : "1 0")).orThrow();
  }

  /** Installs nftables rules in {@code node}: a whole ruleset script for {@code nft -f -}. */
  public void nft(Node node, String script) {
    checkOpen();
    exec(node, List.of("nft", "-f", "-"), script, Commands.SETUP_TIMEOUT, null).orThrow();
  }

  void applyRules(Node router, RouterBehaviour behaviour) {
    exec(router, List.of("nft", "-f", "-"),
        NftRules.script(behaviour, destinationAddress(IpFamily.IPV4),
            destinationAddress(IpFamily.IPV6)),
        Commands.SETUP_TIMEOUT, null).orThrow();
  }

  /** Removes every namespace and file of this lab. Safe to call more than once. */
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
    List<String> names = nodes().stream().map(Node::namespace).toList();
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

  @Override
  public String toString() {
    return "Lab " + runId + ": " + String.join(" — ", nodes().stream().map(Node::namespace)
        .toList());
  }
}
