package dev.hoptrace.cli.live;

import dev.hoptrace.cli.Version;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.cli.render.ProbeMethod;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.packet.AddressText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;

/**
 * The lines above the view: what is traced and how, how long and how far it has run, whether it
 * is paused or finished, and what is going wrong right now.
 */
final class Header {
  private Header() {}

  static List<AttributedString> lines(TargetFrame target, int width) {
    LiveSnapshot snapshot = target.snapshot();
    TraceRequest request = snapshot.request();
    List<AttributedString> lines = new ArrayList<>();

    String address = AddressText.of(request.destination());
    Line what = new Line().add("hoptrace " + Version.NUMBER + "  ", Styles.DIM)
        .add(target.label(), Styles.TITLE);
    if (!target.label().equals(address)) {
      what.add(" (" + address + ")");
    }
    Line progress = new Line().add("round " + snapshot.rounds() + "  " + elapsed(target.elapsedNanos()));
    lines.add(Line.spread(what.build(), progress.build(), width));

    SessionInfo session = snapshot.session();
    StringBuilder how = new StringBuilder(ProbeMethod.text(request, true));
    // Found once before the first round (--mtu); each hop's F=NUM says where it dropped.
    snapshot.pathMtu().ifPresent(mtu -> how.append(", path MTU ").append(mtu.pathMtu()));
    how.append(", ").append(session.mode().name().toLowerCase(Locale.ROOT)).append(": ")
        .append(session.description());
    if (!session.limitation().isEmpty()) {
      how.append("; ").append(session.limitation());
    }
    Line state = new Line();
    if (target.failure().isPresent()) {
      state.add(" FAILED ", Styles.ALERT.inverse());
    } else if (snapshot.finished()) {
      state.add(" finished ", Styles.TITLE.inverse());
    } else if (target.paused()) {
      state.add(" PAUSED ", Styles.PAUSED);
    }
    lines.add(Line.spread(new Line().add(how.toString(), Styles.DIM).build(), state.build(), width));

    snapshot.problem().ifPresent(p -> lines.add(new Line().add("! " + p, Styles.ALERT).build()));
    target.failure().ifPresent(f -> lines.add(new Line().add("failed: " + f, Styles.ALERT).build()));
    return lines;
  }

  /** "1:02:03", or "2:03" under an hour. */
  static String elapsed(long nanos) {
    long seconds = Math.max(0, nanos) / 1_000_000_000L;
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
