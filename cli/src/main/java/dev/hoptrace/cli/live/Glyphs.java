package dev.hoptrace.cli.live;

/**
 * The characters the view draws with beyond plain ASCII text: block elements and arrows on a
 * UTF-8 terminal, ASCII stand-ins elsewhere (a Latin-1 console would show block characters as
 * mojibake).
 */
enum Glyphs {
  // The chart's axes avoid the light box-drawing set (│ ─ └ ...): JLine sends those through the
  // terminal's alternate character set, which many UTF-8 setups show as "x" and "q".
  UNICODE("▁▂▃▄▅▆▇█", '×', "…", "↑", "↓", "·░▒▓█", "▕", "▔", " ", "⏎"),
  ASCII("_.,-=+*#", 'x', "~", "^", "v", ".:+*#", "|", "-", "+", "Enter");

  private final String levels;
  private final char lost;
  private final String ellipsis;
  private final String up;
  private final String down;
  private final String lossShades;
  private final String vertical;
  private final String horizontal;
  private final String corner;
  private final String enter;

  Glyphs(String levels, char lost, String ellipsis, String up, String down, String lossShades,
      String vertical, String horizontal, String corner, String enter) {
    this.levels = levels;
    this.lost = lost;
    this.ellipsis = ellipsis;
    this.up = up;
    this.down = down;
    this.lossShades = lossShades;
    this.vertical = vertical;
    this.horizontal = horizontal;
    this.corner = corner;
    this.enter = enter;
  }

  /** Eight bar heights, lowest first. */
  char level(int i) {
    return levels.charAt(i);
  }

  int levels() {
    return levels.length();
  }

  /** A lost sample in a sparkline or chart. */
  char lost() {
    return lost;
  }

  String ellipsis() {
    return ellipsis;
  }

  String up() {
    return up;
  }

  String down() {
    return down;
  }

  /** Loss strip shades: none lost, then rising shares, then all lost. */
  char lossShade(int i) {
    return lossShades.charAt(i);
  }

  int lossShades() {
    return lossShades.length();
  }

  String vertical() {
    return vertical;
  }

  String horizontal() {
    return horizontal;
  }

  String corner() {
    return corner;
  }

  String enter() {
    return enter;
  }
}
