/*
 * Target list for bulk tracing through a scenario: every address of the prefixes its nodes own
 * (docs/scenarios.md, "prefix"), or a seeded random sample, one per line.
 *
 * Run (from the repository root; no root needed, nothing is sent):
 *   bench/bulk-targets.sh [--scenario NAME|FILE.yaml] [-6] [--sample N] [--seed S] [--answering]
 *
 * --answering leaves out the prefixes whose hosts are silent or unreachable.
 */

import dev.hoptrace.scenario.OwnedPrefixes;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioTargets;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

void main(String[] args) {
  String file = "bulk-tree";
  boolean ipv6 = false;
  boolean answering = false;
  int sample = 0;
  long seed = 1;
  for (int i = 0; i < args.length; i++) {
    switch (args[i]) {
      case "--scenario" -> file = args[++i];
      case "-6" -> ipv6 = true;
      case "--sample" -> sample = Integer.parseInt(args[++i]);
      case "--seed" -> seed = Long.parseLong(args[++i]);
      case "--answering" -> answering = true;
      default -> {
        System.err.println("bulk-targets: unknown argument " + args[i]);
        System.exit(2);
      }
    }
  }
  Scenario scenario = file.endsWith(".yaml") ? ScenarioLibrary.read(Path.of(file))
      : ScenarioLibrary.load(file);
  List<InetAddress> targets = sample > 0 ? ScenarioTargets.sample(scenario, ipv6, sample, seed)
      : ScenarioTargets.all(scenario, ipv6);
  StringBuilder out = new StringBuilder();
  for (InetAddress target : targets) {
    if (answering && scenario.prefixOwner(target).orElseThrow().owned().hosts()
        != OwnedPrefixes.Hosts.ANSWER) {
      continue;
    }
    out.append(dev.hoptrace.lab.AddressText.of(target)).append('\n');
  }
  System.out.print(out);
}
