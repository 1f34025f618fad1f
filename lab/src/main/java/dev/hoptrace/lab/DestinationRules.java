package dev.hoptrace.lab;

import dev.hoptrace.scenario.DestinationBehaviour;
import dev.hoptrace.scenario.DestinationBehaviour.TcpAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the destination answers, per protocol. A plain Linux host already answers UDP with Port
 * Unreachable, echo requests with echo replies and SYNs to closed ports with RST; the rules
 * only take answers away (drop) or change them (reject admin-prohibited). Open TCP ports are a
 * real listener ({@link OpenPorts}); when every port is open the listener takes one port and
 * nft redirects the others to it.
 */
final class DestinationRules {
  private DestinationRules() {}

  static List<String> parts(DestinationBehaviour answers) {
    List<String> rules = new ArrayList<>();
    switch (answers.udp()) {
      case PORT_UNREACHABLE -> { }
      case SILENT -> rules.add("meta l4proto udp drop");
      case ADMIN_PROHIBITED -> rules.add("meta l4proto udp reject with icmpx type admin-prohibited");
    }
    if (!answers.icmp()) {
      rules.add("icmp type echo-request drop");
      rules.add("icmpv6 type echo-request drop");
    }
    Set<Integer> silent = ports(answers, TcpAnswer.SILENT);
    if (answers.tcpDefault() == TcpAnswer.SILENT) {
      Set<Integer> answering = new TreeSet<>(ports(answers, TcpAnswer.OPEN));
      answering.addAll(ports(answers, TcpAnswer.REFUSED));
      if (!answering.isEmpty()) {
        rules.add("tcp dport " + set(answering) + " accept");
      }
      rules.add("meta l4proto tcp drop");
    } else if (!silent.isEmpty()) {
      rules.add("tcp dport " + set(silent) + " drop");
    }
    List<String> parts = new ArrayList<>();
    if (!rules.isEmpty()) {
      parts.add(NodeRules.chain("answers", "type filter hook input priority 0; policy accept;",
          rules));
    }
    if (answers.tcpDefault() == TcpAnswer.OPEN) {
      Set<Integer> excepted = new TreeSet<>(answers.tcpPorts().keySet());
      String match = excepted.isEmpty() ? "meta l4proto tcp" : "tcp dport != " + set(excepted);
      parts.add(NodeRules.chain("every_port_open",
          "type nat hook prerouting priority dstnat; policy accept;",
          List.of(match + " redirect to :" + catchAllPort(answers))));
    }
    return parts;
  }

  /** The ports the listener must bind: the open ones, or the catch-all port when all are open. */
  static Set<Integer> listenerPorts(DestinationBehaviour answers) {
    if (answers.tcpDefault() == TcpAnswer.OPEN) {
      return Set.of(catchAllPort(answers));
    }
    return ports(answers, TcpAnswer.OPEN);
  }

  /** A port no exception names, so that it can stand in for every open port. */
  static int catchAllPort(DestinationBehaviour answers) {
    int port = 9; // discard: any unnamed port would do
    while (answers.tcpPorts().containsKey(port)) {
      port++;
    }
    return port;
  }

  private static Set<Integer> ports(DestinationBehaviour answers, TcpAnswer answer) {
    Set<Integer> ports = new TreeSet<>();
    answers.tcpPorts().forEach((port, a) -> {
      if (a == answer) {
        ports.add(port);
      }
    });
    return ports;
  }

  private static String set(Set<Integer> ports) {
    return "{ " + String.join(", ", ports.stream().map(String::valueOf).toList()) + " }";
  }
}
