package dev.hoptrace.cli.bulk;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output file a bulk run appends to and resumes from: the destinations of its complete lines
 * (hoptrace JSON or RIPE Atlas results) are done; a last line cut short by a crash is removed, so
 * that the file stays valid JSON Lines and that destination is traced again.
 */
public final class ResumeFile {
  private static final Pattern DESTINATION =
      Pattern.compile("\"(?:dst_addr|address)\":\"([0-9A-Fa-f.:]+)\"");

  private ResumeFile() {}

  /**
   * The destinations already in {@code file} (none when it does not exist), after cutting off an
   * incomplete last line.
   *
   * @throws IOException when the file cannot be read or a complete line names no destination
   */
  public static Set<InetAddress> done(Path file) throws IOException {
    Set<InetAddress> done = new HashSet<>();
    if (!Files.exists(file)) {
      return done;
    }
    truncatePartialLine(file);
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      Matcher m = DESTINATION.matcher(line);
      if (!m.find()) {
        throw new IOException(file + " line " + number + " is not a hoptrace bulk result"
            + " (no destination address): resume only from a file a bulk run wrote");
      }
      done.add(InetAddress.getByName(m.group(1)));
    }
    return done;
  }

  private static void truncatePartialLine(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long end = f.length();
      long keep = end;
      // Walk back to the last newline; bounded by the file's length.
      while (keep > 0) {
        f.seek(keep - 1);
        if (f.read() == '\n') {
          break;
        }
        keep--;
      }
      if (keep < end) {
        f.setLength(keep);
      }
    }
  }
}
