package dev.hoptrace.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who owns which lab. Each run gets a random id and an owner file naming its process, so a new
 * run can remove the leftovers of runs that died without cleaning up while leaving labs of live
 * runs (a benchmark next to a test suite) alone. Only names with the project prefix are touched.
 */
final class LabRegistry {
  static final String PREFIX = "ht-";
  private static final Pattern LAB_NAME = Pattern.compile("ht-([a-z0-9]{5})-[a-z0-9]+");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  static final Path OWNERS = Path.of("/run/hoptrace-lab");
  static final Path NETNS_ETC = Path.of("/etc/netns");

  private LabRegistry() {}

  /** A fresh run id, recorded as owned by this process before anything is created. */
  static String claimRunId() {
    for (int attempt = 0; attempt < 100; attempt++) {
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      Path owner = OWNERS.resolve(id.toString());
      try {
        Files.createDirectories(OWNERS);
        Files.writeString(owner, ProcessHandle.current().pid() + " " + startOf(ProcessHandle.current())
            + "\n", java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return id.toString();
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another run holds this id: draw again
      } catch (IOException e) {
        throw new LabException("cannot record lab owner in " + OWNERS + ": " + e.getMessage(), e);
      }
    }
    throw new LabException("no free lab run id in " + OWNERS);
  }

  /** Forgets {@code runId}'s owner file once its lab is gone. */
  static void release(String runId) {
    try {
      Files.deleteIfExists(OWNERS.resolve(runId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run id inside a lab namespace name, or empty for names that are not ours. */
  static Optional<String> runIdOf(String namespace) {
    Matcher m = LAB_NAME.matcher(namespace);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Removes namespaces, {@code /etc/netns} entries and owner files of runs whose owner process
   * is gone. Returns the namespaces removed.
   */
  static List<String> sweepStale() {
    List<String> namespaces = Namespaces.list();
    Set<String> names = new TreeSet<>(namespaces);
    names.addAll(etcEntries());
    List<String> removed = new ArrayList<>();
    Set<String> deadRuns = new TreeSet<>();
    for (String name : names) {
      Optional<String> runId = runIdOf(name);
      if (runId.isEmpty() || ownerAlive(runId.get())) {
        continue;
      }
      deadRuns.add(runId.get());
      if (namespaces.contains(name)) {
        Namespaces.delete(List.of(name));
        removed.add(name);
      }
      NamespaceFiles.remove(name);
    }
    deadRuns.forEach(LabRegistry::release);
    ownerFiles().stream().filter(id -> !ownerAlive(id)).forEach(LabRegistry::release);
    return removed;
  }

  static boolean ownerAlive(String runId) {
    Path owner = OWNERS.resolve(runId);
    try {
      String[] fields = Files.readString(owner).strip().split(" ");
      long pid = Long.parseLong(fields[0]);
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      return handle.isPresent()
          && handle.get().isAlive()
          && startOf(handle.get()).equals(fields.length > 1 ? fields[1] : "");
    } catch (IOException | RuntimeException e) {
      return false; // no readable owner: nobody will clean this up but us
    }
  }

  private static String startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("?");
  }

  private static List<String> etcEntries() {
    if (!Files.isDirectory(NETNS_ETC)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(NETNS_ETC)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<String> ownerFiles() {
    if (!Files.isDirectory(OWNERS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(OWNERS)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
