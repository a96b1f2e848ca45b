/*
 * The benchmark's plain C/OpenSSL client: the TLS workloads of bench.php (its tls mode),
 * with one SSL_CTX (trust store loaded once) and a full handshake per connection, on blocking
 * sockets.
 * Usage: tls_client PORT CA_PEM CONNECTS ROUND_TRIPS BULK_BYTES; prints "name seconds" lines.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
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

static SSL *open_tls(SSL_CTX *ctx, int port)
{
	struct sockaddr_in address = {0};
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	SSL *ssl;

	address.sin_family = AF_INET;
	address.sin_port = htons(port);
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&address, sizeof(address)) != 0) {
		perror("connect");
		exit(1);
	}
	ssl = SSL_new(ctx);
	SSL_set_fd(ssl, fd);
	SSL_set_tlsext_host_name(ssl, "localhost");
	SSL_set1_host(ssl, "localhost");
	if (SSL_connect(ssl) != 1) {
		ERR_print_errors_fp(stderr);
		exit(1);
	}
	return ssl;
}

static void close_tls(SSL *ssl)
{
	int fd = SSL_get_fd(ssl);
	SSL_shutdown(ssl);
	SSL_free(ssl);
	close(fd);
}

static void read_exactly(SSL *ssl, char *buffer, int size)
{
	for (int done = 0; done < size;) {
		int n = SSL_read(ssl, buffer + done, size - done);
		if (n <= 0) {
			fprintf(stderr, "tls_client: short read\n");
			exit(1);
		}
		done += n;
	}
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: tls_client PORT CA_PEM CONNECTS ROUND_TRIPS BULK_BYTES\n");
		return 2;
	}
	int port = atoi(argv[1]);
	long connects = atol(argv[3]), trips = atol(argv[4]), bulk = atol(argv[5]);
	static char block[1 << 16];
	char message[64], reply[64];
	double start;
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	SSL_CTX_load_verify_locations(ctx, argv[2], NULL);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);

	start = now();
	for (long i = 0; i < connects; i++) {
		SSL *ssl = open_tls(ctx, port);
		SSL_write(ssl, "ping", 4);
		read_exactly(ssl, reply, 4);
		close_tls(ssl);
	}
	printf("tls_connect %.6f\n", now() - start);

	SSL *ssl = open_tls(ctx, port);
	memset(message, 'x', sizeof(message));
	start = now();
	for (long i = 0; i < trips; i++) {
		SSL_write(ssl, message, sizeof(message));
		read_exactly(ssl, reply, sizeof(reply));
	}
	printf("tls_round_trip %.6f\n", now() - start);
	close_tls(ssl);

	ssl = open_tls(ctx, port);
	memset(block, 'S', sizeof(block));
	start = now();
	for (long sent = 0; sent < bulk;) {
		int n = SSL_write(ssl, block, sizeof(block));
		if (n <= 0) {
			fprintf(stderr, "tls_client: write failed\n");
			return 1;
		}
		sent += n;
	}
	printf("tls_bulk_send %.6f\n", now() - start);
	close_tls(ssl);
	SSL_CTX_free(ctx);
	return 0;
}
