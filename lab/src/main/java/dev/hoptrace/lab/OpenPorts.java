package dev.hoptrace.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The destination's open TCP ports: a tiny program the lab starts inside the destination
 * namespace ({@code java -cp … dev.hoptrace.lab.OpenPorts 80 443}). It binds each port on both
 * families, prints {@value #READY} once all listen, accepts and closes connections, and exits
 * when its standard input closes, so it never outlives the lab that started it. Depends on
 * nothing but the JDK, so the class's own location is its whole class path.
 */
public final class OpenPorts {
  static final String READY = "listening";

  private OpenPorts() {}

  public static void main(String[] args) throws IOException {
    List<ServerSocketChannel> servers = new ArrayList<>();
    for (String arg : args) {
      servers.add(bind(Integer.parseInt(arg)));
    }
    for (ServerSocketChannel server : servers) {
      Thread.ofVirtual().start(() -> acceptForever(server));
    }
    System.out.println(READY);
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the lab to close our input (or die): then exit
    }
    System.exit(0);
  }

  private static ServerSocketChannel bind(int port) throws IOException {
    ServerSocketChannel server;
    try {
      server = ServerSocketChannel.open(StandardProtocolFamily.INET6); // dual stack: v4-mapped too
    } catch (UnsupportedOperationException | IOException e) {
      server = ServerSocketChannel.open(StandardProtocolFamily.INET);
    }
    server.bind(new InetSocketAddress(port), 128);
    return server;
  }

  private static void acceptForever(ServerSocketChannel server) {
    while (true) {
      try (SocketChannel connection = server.accept()) {
        // The handshake is the answer; nothing to say after it.
      } catch (IOException e) {
        return;
      }
    }
  }
}
