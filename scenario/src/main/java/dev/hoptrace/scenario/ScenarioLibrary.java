package dev.hoptrace.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The scenarios that ship with hoptrace (listed by {@code hoptrace demo --list}), and files. */
public final class ScenarioLibrary {
  private static final String DIR = "/dev/hoptrace/scenario/library/";

  private ScenarioLibrary() {}

  /** Names of the built-in scenarios, in the order the index lists them. */
  public static List<String> names() {
    return resource("index.txt").lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  /** A built-in scenario by name. */
  public static Scenario load(String name) {
    if (!names().contains(name)) {
      throw new ScenarioException("no built-in scenario '" + name + "'; hoptrace demo --list shows them");
    }
    return ScenarioReader.read(resource(name + ".yaml"), name + ".yaml");
  }

  /** A scenario file of the user's. */
  public static Scenario read(Path file) {
    String text;
    try {
      if (Files.size(file) > 1 << 20) {
        throw new ScenarioException(file + ": larger than 1 MiB; a scenario file is a few lines");
      }
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage());
    }
    return ScenarioReader.read(text, file.toString());
  }

  private static String resource(String file) {
    try (InputStream in = ScenarioLibrary.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("scenario library is missing " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
