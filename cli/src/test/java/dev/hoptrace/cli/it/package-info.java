/**
 * Integration tests: the real {@code hoptrace} jar run as a process inside a client namespace of
 * a {@link dev.hoptrace.lab.Lab} of Linux routers, as root (raw mode) and as {@code nobody}
 * (unprivileged mode), checked hop by hop against the lab's addresses and against the system's
 * own {@code traceroute}. Root only; skipped with a message otherwise, except {@code LiveViewIT},
 * which drives {@code hoptrace live} in tmux against the simulator anywhere (its lab case needs
 * root). Run by failsafe in {@code verify}, after the shaded jar is built.
 */
package dev.hoptrace.cli.it;
