package dev.hoptrace.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A running {@link OpenPorts} inside one namespace; {@link #close()} stops it. */
final class PortListener implements AutoCloseable {
  private final Process process;

  private PortListener(Process process) {
    this.process = process;
  }

  /** Starts the listener on {@code ports} in {@code namespace} and waits until it listens. */
  static PortListener start(String namespace, Set<Integer> ports) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-cp", classPath(),
        OpenPorts.class.getName()));
    ports.forEach(p -> command.add(Integer.toString(p)));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new LabException("cannot start the TCP listener: " + e.getMessage(), e);
    }
    PortListener listener = new PortListener(process);
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
          if (line.equals(OpenPorts.READY)) {
            return "";
          }
          seen.append(line).append('\n');
        }
        return seen.toString();
      } catch (IOException e) {
        return e.toString();
      }
    }, Thread::startVirtualThread);
    try {
      String trouble = first.get(Commands.SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!trouble.isEmpty()) {
        throw new LabException("the TCP listener in " + namespace + " failed:\n" + trouble);
      }
    } catch (Exception e) {
      listener.close();
      throw e instanceof LabException le ? le
          : new LabException("the TCP listener in " + namespace + " did not start: " + e, e);
    }
    return listener;
  }

  /** Where {@link OpenPorts} was loaded from: a classes directory or the jar holding the lab. */
  private static String classPath() {
    try {
      return Path.of(OpenPorts.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new LabException("cannot tell where the lab's classes are: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // the listener exits when its input closes
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
