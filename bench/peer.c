/*
 * The benchmark's peer: a single-threaded TCP server on 127.0.0.1 that echoes what it
 * receives, except on connections whose first byte is 'S' (sink), which it only drains.
 * Prints its port on stdout, then serves until stdin closes.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <signal.h>
#include <unistd.h>

#define MAX_CLIENTS 64

int main(void)
{
	struct pollfd fds[MAX_CLIENTS + 2];
	int sink[MAX_CLIENTS + 2] = {0};
	int first[MAX_CLIENTS + 2] = {0};
	struct sockaddr_in address = {0};
	socklen_t length = sizeof(address);
	static char buffer[1 << 16];
	int one = 1, count = 2;
	signal(SIGPIPE, SIG_IGN); /* a client that hangs up must not end the peer */
	int listener = socket(AF_INET, SOCK_STREAM, 0);

	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(listener, (struct sockaddr *)&address, sizeof(address)) || listen(listener, 512)) {
		perror("peer");
		return 1;
	}
	getsockname(listener, (struct sockaddr *)&address, &length);
	printf("%d\n", ntohs(address.sin_port));
	fflush(stdout);

	fds[0] = (struct pollfd){STDIN_FILENO, POLLIN, 0};
	fds[1] = (struct pollfd){listener, POLLIN, 0};
	for (;;) {
		if (poll(fds, count, -1) < 0) {
			continue;
		}
		if (fds[0].revents) {
			break; /* the benchmark closed our stdin: done */
		}
		if ((fds[1].revents & POLLIN) && count < MAX_CLIENTS + 2) {
			int client = accept(listener, NULL, NULL);
			if (client >= 0) {
				setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
				fds[count] = (struct pollfd){client, POLLIN, 0};
				sink[count] = 0;
				first[count] = 1;
				count++;
			}
		}
		for (int i = 2; i < count; i++) {
			if (!fds[i].revents) {
				continue;
			}
			ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
			if (n <= 0) {
				close(fds[i].fd);
				fds[i] = fds[count - 1];
				sink[i] = sink[count - 1];
				first[i] = first[count - 1];
				count--;
				i--;
				continue;
			}
			if (first[i]) {
				sink[i] = buffer[0] == 'S';
				first[i] = 0;
			}
			if (!sink[i]) {
				ssize_t done = 0;
				while (done < n) {
					ssize_t w = write(fds[i].fd, buffer + done, n - done);
					if (w <= 0) {
						break;
					}
					done += w;
				}
			}
		}
	}
	return 0;
}
