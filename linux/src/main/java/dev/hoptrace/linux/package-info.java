/**
 * The {@code Network} SPI on Linux through the Foreign Function &amp; Memory API: no JNI, no native
 * build. {@link dev.hoptrace.linux.LinuxNetwork} is the entry point; libc bindings and struct
 * layouts live in {@code dev.hoptrace.linux.ffm}.
 *
 * <h2>Socket kinds and how a probe's identity travels</h2>
 *
 * <p>A session builds the {@code WireKey} of a sent probe and of its reply the same way; the
 * engine ties them by equality.
 *
 * <table>
 *   <caption>Identity per socket kind</caption>
 *   <tr><th>Kind</th><th>Sockets</th><th>On the wire</th><th>WireKey (src, dst, seq)</th>
 *       <th>Reply recovered from</th></tr>
 *   <tr><td>UDP, unprivileged</td><td>one connected {@code SOCK_DGRAM} per probe, TTL set on
 *       it</td><td>kernel-chosen source port, the engine's destination port</td>
 *       <td>(local port, dstPort, 0)</td><td>the socket's error queue (the socket is the
 *       probe); dstPort from {@code msg_name}</td></tr>
 *   <tr><td>ICMP, unprivileged</td><td>one ping socket per session</td><td>echo id = the
 *       socket's kernel-assigned "port", echo sequence = the engine's sequence</td>
 *       <td>(0, 0, sequence)</td><td>echo reply header (normal queue) or the quoted echo
 *       header (error queue); the kernel demultiplexes by id</td></tr>
 *   <tr><td>TCP, unprivileged</td><td>one non-blocking {@code connect()} per probe,
 *       {@code TCP_SYNCNT=1}</td><td>kernel-chosen source port, the engine's destination
 *       port</td><td>(local port, dstPort, 0)</td><td>the socket: error queue (hop),
 *       {@code SO_ERROR} 0 / {@code ECONNREFUSED} (destination)</td></tr>
 *   <tr><td>UDP, raw</td><td>{@code IPPROTO_RAW} send (our IPv4 / IPv6 header), raw ICMP[v6]
 *       receive behind BPF</td><td>source port = the reserved port, destination port = the
 *       engine's; UDP checksum = sequence (0 sent as 0xffff), two payload bytes compensate
 *       (Paris trick); IPv4 ID = sequence too (an ID of 0 is replaced by the kernel)</td>
 *       <td>(reserved port, dstPort, checksum on the wire)</td><td>the quoted UDP header</td></tr>
 *   <tr><td>TCP, raw</td><td>as above, plus a raw TCP receive socket behind BPF (destination
 *       port = reserved port)</td><td>SYN from the reserved port, TCP sequence number =
 *       sequence</td><td>(reserved port, dstPort, sequence)</td><td>quoted TCP header (hops);
 *       SYN-ACK / RST acknowledgment − 1 (destination)</td></tr>
 *   <tr><td>ICMP, raw</td><td>as above</td><td>echo id = an identifier held by a ping socket (a reserved UDP port where ping sockets are not allowed), sequence =
 *       sequence</td><td>(0, 0, sequence)</td><td>echo reply header or quoted echo header</td>
 *       </tr>
 *   <tr><td>UDP, unprivileged, Paris</td><td>one {@code SOCK_DGRAM} bound for the session
 *       ({@code UdpFlowSession}), TTL set before each send</td><td>one source port, the engine's
 *       destination port; two payload bytes make the kernel's UDP checksum = sequence</td>
 *       <td>(local port, dstPort, checksum)</td><td>the checksum recomputed from the quoted
 *       payload (error queue; the kernel strips the UDP header); dstPort from {@code
 *       msg_name}</td></tr>
 * </table>
 *
 * <p>Paris ({@code SessionSpec.paris}): raw UDP and TCP probes already keep their ports; ICMP echoes
 * (raw, and ping sockets bound before the first send so the id is known) hold the engine's
 * checksum with two payload bytes; unprivileged UDP switches to the one-socket session above;
 * unprivileged TCP is refused (the kernel chooses the sequence number). See docs/paris.md.
 *
 * <p>Raw identity is the number of a port that an ordinary UDP (for TCP probes: TCP) socket holds
 * bound for the session's lifetime, so concurrently running tracers on the host never share it.
 * The BPF programs ({@code RawFilters}) accept only echo replies with that id and ICMP errors
 * whose quote carries it (protocol, source port or echo id); the receivers check again in Java
 * (identity, protocol, quoted destination) and report anything else as foreign. IPv6 also sets
 * {@code ICMP6_FILTER}. {@code AUTO} tries raw first and falls back on {@code EPERM}.
 *
 * <p>Why one socket per UDP probe rather than one shared socket: a queued ICMP error sets the
 * socket's {@code sk_err}, and the next send on that socket fails with it <em>without sending</em>
 * (linux-probing §6). A socket that sends once can never be bitten; it also keeps working when the
 * destination port is fixed ({@code -U}, port 53), because the kernel-chosen source port then
 * tells probes apart. The price is about ten syscalls per probe (≈ 15 µs) and one descriptor per
 * probe in flight, released by {@code ProbeSession.release}. The ping socket cannot be per probe
 * (the sequence would no longer be the only identity needed, and the id space is small), so it
 * drains its error queue before every send and retries a send once on a stale errno.
 *
 * <h2>Time</h2>
 *
 * <p>The session clock is {@code CLOCK_REALTIME} in nanoseconds, the clock of the kernel's software
 * timestamps. Receive times are kernel RX stamps ({@code SO_TIMESTAMPING} software, falling back to
 * {@code SO_TIMESTAMPNS}); a reply read without one gets the read time. UDP send times are the
 * kernel TX stamp (OPT_ID 0: the socket's only datagram) when the driver took it during the send
 * call, else the clock read just before {@code sendto}. Ping and TCP send times are read just
 * before the call. A TCP handshake's time comes from the kernel's own SYN → SYN-ACK sample ({@code
 * TCP_INFO.tcpi_rtt}, µs); a RST carries no readable stamp, so a refused connect is stamped when
 * epoll woke us.
 *
 * <h2>Threads</h2>
 *
 * <p>A session waits in {@code epoll_wait} directly inside {@code receive}, on the calling engine
 * thread, instead of on a separate I/O thread feeding a queue. Every socket of a session is then
 * touched by one thread only: the ping socket's drain-before-send cannot race a reader, release
 * can close a socket without handshakes, and the native buffers need no locking. Handing replies
 * across a queue would add a thread switch and buy nothing: RTTs come from kernel timestamps, so
 * when Java reads a reply does not change its RTT, and per-probe sockets each have their own
 * receive buffer, so a briefly busy engine loses nothing. The engine must be a platform thread
 * (a native call pins a virtual thread's carrier); sessions refuse virtual threads.
 *
 * <h2>Errors</h2>
 *
 * <p>Every libc call is checked; errno is captured by the call itself into per-thread memory and
 * becomes an {@code ErrnoException} naming the call, which sessions turn into a one-line {@code
 * NetworkException} (no route, permission with the sysctl to change, too many open files...).
 * Packets that cannot be decoded go to {@code ReplySink.malformed}; well-formed ones that answer
 * no probe of the session go to {@code ReplySink.foreign}.
 */
package dev.hoptrace.linux;
