/*
 * The benchmark's plain C client: the same three workloads as bench.php, on blocking
 * sockets with poll()-based timeouts like PHP's, to show what the kernel alone costs.
 * Usage: client PORT CONNECTS ROUND_TRIPS BULK_BYTES; prints three lines "name seconds".
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int open_connection(int port)
{
	struct sockaddr_in address = {0};
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	address.sin_family = AF_INET;
	address.sin_port = htons(port);
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&address, sizeof(address)) != 0) {
		perror("connect");
		exit(1);
	}
	return fd;
}

static void read_exactly(int fd, char *buffer, size_t size)
{
	size_t done = 0;
	while (done < size) {
		struct pollfd entry = {fd, POLLIN, 0};
		poll(&entry, 1, 60000);
		ssize_t n = recv(fd, buffer + done, size - done, MSG_DONTWAIT);
		if (n <= 0) {
			perror("recv");
			exit(1);
		}
		done += n;
	}
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: client PORT CONNECTS ROUND_TRIPS BULK_BYTES\n");
		return 2;
	}
	int port = atoi(argv[1]);
	long connects = atol(argv[2]), trips = atol(argv[3]), bulk = atol(argv[4]);
	char message[64], reply[64];
	static char block[1 << 16];
	double start;

	memset(message, 'x', sizeof(message));
	start = now();
	for (long i = 0; i < connects; i++) {
		int fd = open_connection(port);
		send(fd, "ping", 4, MSG_NOSIGNAL);
		read_exactly(fd, reply, 4);
		close(fd);
	}
	printf("connect %.6f\n", now() - start);

	int fd = open_connection(port);
	start = now();
	for (long i = 0; i < trips; i++) {
		send(fd, message, sizeof(message), MSG_NOSIGNAL);
		read_exactly(fd, reply, sizeof(reply));
	}
	printf("round_trip %.6f\n", now() - start);
	close(fd);

	fd = open_connection(port);
	memset(block, 'S', sizeof(block));
	start = now();
	for (long sent = 0; sent < bulk;) {
		ssize_t n = send(fd, block, sizeof(block), MSG_NOSIGNAL);
		if (n <= 0) {
			perror("send");
			return 1;
		}
		sent += n;
	}
	printf("bulk_send %.6f\n", now() - start);
	close(fd);
	return 0;
}
