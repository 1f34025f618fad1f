/**
 * The full-screen view of {@code hoptrace live} (mtr's and Trippy's kind).
 *
 * <p>Two layers. {@link dev.hoptrace.cli.live.Screen} turns a {@code Frame} (the user's {@code
 * ViewState}, each target's newest snapshot, the terminal size) into screen lines and nothing
 * else: no terminal, no clock, no I/O, so every view is tested as plain text. {@link
 * dev.hoptrace.cli.live.LiveView} owns the terminal: raw mode and the alternate screen ({@code
 * TerminalSession}), keys ({@code KeyBindings} to {@code Action}s), redraws through JLine's
 * {@code Display}, and the {@link dev.hoptrace.core.live.LiveControl}s of the targets.
 */
package dev.hoptrace.cli.live;
