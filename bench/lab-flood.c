/*
 * lab-flood: how many traceroute-like probes per second a lab's kernels forward and answer.
 *
 * Sends UDP probes (TTL 1..maxttl to every target of a list, in rounds) at a fixed offered
 * rate with sendmmsg(2), and counts the ICMP Time Exceeded and Destination Unreachable replies
 * a raw ICMP socket receives. No matching, no state: the cost is the kernels' (forwarding, ICMP
 * generation, veth), not a tracer's. Run inside the lab's client namespace (bench/compare-bulk.sh
 * does); every target must be an address of the lab.
 *
 *   cc -O2 -o lab-flood bench/lab-flood.c -lpthread
 *   lab-flood -f targets.txt -r 100000 -s 5 -m 4 [-t threads]
 *
 * With -t N, N threads each offer rate/N to their share of the targets (a veth forwards on the
 * sending CPU, so one sender is one CPU's worth of forwarding).
 * Prints one line: offered pps, sent pps, replies per second, replies per probe, unsent.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 32
#define MAX_TTL 32
#define MAX_THREADS 16

static atomic_long replies;
static atomic_int stop;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void *receive(void *arg) {
  int fd = *(int *)arg;
  struct mmsghdr msgs[BATCH];
  struct iovec iov[BATCH];
  static char buf[BATCH][1500];
  struct timeval tv = {0, 100000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  while (!atomic_load(&stop)) {
    for (int i = 0; i < BATCH; i++) {
      iov[i] = (struct iovec){buf[i], sizeof buf[i]};
      memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
      msgs[i].msg_hdr.msg_iov = &iov[i];
      msgs[i].msg_hdr.msg_iovlen = 1;
    }
    int n = recvmmsg(fd, msgs, BATCH, 0, NULL);
    for (int i = 0; i < n; i++) {
      /* An IPv4 header (IHL words) then ICMP: count Time Exceeded (11) and Unreachable (3). */
      unsigned char *p = (unsigned char *)buf[i];
      int ihl = (p[0] & 0x0f) * 4;
      if ((int)msgs[i].msg_len > ihl && (p[ihl] == 11 || p[ihl] == 3)) {
        atomic_fetch_add(&replies, 1);
      }
    }
  }
  return NULL;
}

struct sender {
  struct sockaddr_in *targets;
  size_t count;
  double rate, seconds;
  int maxttl;
  double start;
  long sent, failed;
};

/* Sends probes to its targets, TTL 1..maxttl round after round, at its rate, in batches. */
static void *send_probes(void *arg) {
  struct sender *s = arg;
  /* One UDP socket per TTL: the TTL is the socket's, so a batch goes to one socket. */
  int udp[MAX_TTL + 1];
  for (int ttl = 1; ttl <= s->maxttl; ttl++) {
    udp[ttl] = socket(AF_INET, SOCK_DGRAM, 0);
    if (udp[ttl] < 0 || setsockopt(udp[ttl], IPPROTO_IP, IP_TTL, &ttl, sizeof ttl) < 0) {
      perror("lab-flood: UDP socket");
      exit(1);
    }
    int big = 4 << 20;
    setsockopt(udp[ttl], SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
  }
  char payload[32] = {0};
  struct mmsghdr msgs[BATCH];
  struct iovec iov = {payload, sizeof payload};
  size_t next = 0;
  int ttl = 1;
  double end = s->start + s->seconds;
  for (double t = now(); t < end; t = now()) {
    long due = (long)((t - s->start) * s->rate) - s->sent - s->failed;
    if (due <= 0) {
      struct timespec nap = {0, 20000};
      nanosleep(&nap, NULL);
      continue;
    }
    int n = due < BATCH ? (int)due : BATCH;
    for (int i = 0; i < n; i++) {
      memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
      msgs[i].msg_hdr.msg_name = &s->targets[(next + i) % s->count];
      msgs[i].msg_hdr.msg_namelen = sizeof s->targets[0];
      msgs[i].msg_hdr.msg_iov = &iov;
      msgs[i].msg_hdr.msg_iovlen = 1;
    }
    int done = sendmmsg(udp[ttl], msgs, n, 0);
    if (done < 0) {
      done = 0; /* ENOBUFS and the like: offered, not sent */
    }
    s->sent += done;
    s->failed += n - done;
    next += n;
    if (next >= s->count) {
      next = 0;
      ttl = ttl % s->maxttl + 1;
    }
  }
  for (int ttl = 1; ttl <= s->maxttl; ttl++) {
    close(udp[ttl]);
  }
  return NULL;
}

int main(int argc, char **argv) {
  const char *file = NULL;
  double rate = 10000, seconds = 5;
  int maxttl = 4, threads = 1, opt;
  while ((opt = getopt(argc, argv, "f:r:s:m:t:")) != -1) {
    switch (opt) {
      case 'f': file = optarg; break;
      case 'r': rate = atof(optarg); break;
      case 's': seconds = atof(optarg); break;
      case 'm': maxttl = atoi(optarg); break;
      case 't': threads = atoi(optarg); break;
      default: goto usage;
    }
  }
  if (!file || rate <= 0 || seconds <= 0 || maxttl < 1 || maxttl > MAX_TTL || threads < 1
      || threads > MAX_THREADS) {
  usage:
    fprintf(stderr, "usage: lab-flood -f targets.txt [-r pps] [-s seconds] [-m maxttl 1..32]"
        " [-t threads 1..16]\n");
    return 2;
  }
  FILE *in = fopen(file, "r");
  if (!in) {
    fprintf(stderr, "lab-flood: cannot read %s: %s\n", file, strerror(errno));
    return 2;
  }
  size_t count = 0, cap = 1024;
  struct sockaddr_in *targets = malloc(cap * sizeof *targets);
  char line[128];
  while (fgets(line, sizeof line, in)) {
    line[strcspn(line, "\r\n")] = 0;
    if (!*line) continue;
    if (count == cap) targets = realloc(targets, (cap *= 2) * sizeof *targets);
    struct sockaddr_in *t = &targets[count];
    memset(t, 0, sizeof *t);
    t->sin_family = AF_INET;
    t->sin_port = htons(33434);
    if (inet_pton(AF_INET, line, &t->sin_addr) != 1) {
      fprintf(stderr, "lab-flood: not an IPv4 address: %s\n", line);
      return 2;
    }
    count++;
  }
  fclose(in);
  if (count < (size_t)threads) {
    fprintf(stderr, "lab-flood: %s lists fewer targets than threads\n", file);
    return 2;
  }
  int icmp = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  if (icmp < 0) {
    perror("lab-flood: raw ICMP socket (needs root)");
    return 1;
  }
  int big = 32 << 20;
  setsockopt(icmp, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big);
  pthread_t receiver;
  pthread_create(&receiver, NULL, receive, &icmp);

  struct sender senders[MAX_THREADS];
  pthread_t ids[MAX_THREADS];
  double start = now();
  for (int i = 0; i < threads; i++) {
    size_t share = count / threads;
    senders[i] = (struct sender){targets + i * share, i == threads - 1 ? count - i * share : share,
        rate / threads, seconds, maxttl, start, 0, 0};
    pthread_create(&ids[i], NULL, send_probes, &senders[i]);
  }
  long sent = 0, failed = 0;
  for (int i = 0; i < threads; i++) {
    pthread_join(ids[i], NULL);
    sent += senders[i].sent;
    failed += senders[i].failed;
  }
  double elapsed = now() - start;
  struct timespec drain = {0, 300000000};
  nanosleep(&drain, NULL);
  atomic_store(&stop, 1);
  pthread_join(receiver, NULL);
  long got = atomic_load(&replies);
  printf("offered %.0f pps  sent %.0f pps  replies %.0f /s  replies/probe %.3f  unsent %ld\n",
      rate, sent / elapsed, got / elapsed, sent ? (double)got / sent : 0.0, failed);
  return 0;
}
