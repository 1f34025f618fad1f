package dev.hoptrace.cli;

import dev.hoptrace.core.net.Network;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What a command may use, injected so tests can run it without a kernel or a terminal.
 *
 * @param network opened only when a command sends probes, so a wrong command line opens nothing
 * @param out results, help and version
 * @param err messages
 * @param privileges given up once a command no longer needs them
 */
record CommandContext(Supplier<Network> network, PrintStream out, PrintStream err,
    Privileges privileges) {}
