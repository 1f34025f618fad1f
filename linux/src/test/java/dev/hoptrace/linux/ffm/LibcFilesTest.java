package dev.hoptrace.linux.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LibcFilesTest {

  @Test
  void ifreqHasTheKernelsLayout() {
    LayoutAssertions.check();
    assertThat(IfReq.LAYOUT.byteSize()).isEqualTo(40);
    assertThat(IfReq.FLAGS).isEqualTo(16);
    assertThat(PollFd.LAYOUT.byteSize()).isEqualTo(8);
  }

  @Test
  void missingFileIsEnoentNamingOpen() {
    assertThatThrownBy(() -> LibcFiles.open("/nonexistent/hoptrace", LinuxConstants.O_RDONLY))
        .isInstanceOfSatisfying(ErrnoException.class, e -> {
          assertThat(e.call()).isEqualTo("open");
          assertThat(e.errnoName()).isEqualTo("ENOENT");
        });
  }

  @Test
  void variadicIoctlReachesTheKernel() {
    // Bad descriptor: the kernel's answer proves the variadic call was made correctly enough to
    // get there; a wrong calling convention would crash or return garbage.
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment ifr = IfReq.of(arena, "", LinuxConstants.IFF_TUN);
      assertThatThrownBy(() -> LibcFiles.ioctl(-1, LinuxConstants.TUNSETIFF, ifr))
          .isInstanceOfSatisfying(ErrnoException.class,
              e -> assertThat(e.errno()).isEqualTo(LinuxConstants.EBADF));
    }
  }

  @Test
  void readWriteAndPollOnDevNull() throws Exception {
    int fd = LibcFiles.open("/dev/null", LinuxConstants.O_RDWR | LinuxConstants.O_CLOEXEC);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = arena.allocate(64);
      assertThat(LibcFiles.write(fd, buffer, 64)).isEqualTo(64);
      assertThat(LibcFiles.read(fd, buffer, 64)).isZero(); // end of file
      MemorySegment fds = arena.allocate(PollFd.LAYOUT, 1);
      PollFd.set(fds, 0, fd, LinuxConstants.POLLIN);
      MemorySegment timeout = arena.allocate(Timespec.LAYOUT);
      Timespec.set(timeout, 1_000_000);
      assertThat(LibcFiles.ppoll(fds, 1, timeout)).isEqualTo(1);
      assertThat(PollFd.revents(fds, 0) & LinuxConstants.POLLIN).isNotZero();
    } finally {
      Libc.close(fd);
    }
  }

  @Test
  void tunsetiffCreatesANamedLayer3Device() throws Exception {
    if (Libc.geteuid() != 0 || !Files.exists(Path.of("/dev/net/tun"))) {
      Assumptions.abort("SKIPPED: creating a TUN device needs root and /dev/net/tun");
    }
    int fd = LibcFiles.open("/dev/net/tun", LinuxConstants.O_RDWR | LinuxConstants.O_CLOEXEC);
    try (Arena arena = Arena.ofConfined()) {
      String name = "htlt" + ProcessHandle.current().pid() % 100_000;
      MemorySegment ifr =
          IfReq.of(arena, name, (short) (LinuxConstants.IFF_TUN | LinuxConstants.IFF_NO_PI));
      LibcFiles.ioctl(fd, LinuxConstants.TUNSETIFF, ifr);
      assertThat(IfReq.name(ifr)).isEqualTo(name);
      assertThat(Path.of("/sys/class/net", name)).exists();
    } finally {
      Libc.close(fd);
    }
  }
}
