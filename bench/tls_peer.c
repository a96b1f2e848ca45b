/*
 * The benchmark's TLS peer: a blocking OpenSSL server on 127.0.0.1 that serves one connection
 * at a time (the benchmark's clients never overlap), echoing what it reads unless the first
 * byte is 'S' (sink). One SSL_CTX for all connections, so clients that offer a session resume.
 * Usage: tls_peer CERT_AND_KEY_PEM. Prints its port, then serves until killed.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <signal.h>
#include <unistd.h>

static void serve(SSL_CTX *ctx, int client)
{
	static char buffer[1 << 16];
	SSL *ssl = SSL_new(ctx);
	int sink = -1;

	SSL_set_fd(ssl, client);
	if (SSL_accept(ssl) == 1) {
		for (;;) {
			int n = SSL_read(ssl, buffer, sizeof(buffer));
			if (n <= 0) {
				break;
			}
			if (sink < 0) {
				sink = buffer[0] == 'S';
			}
			if (!sink && SSL_write(ssl, buffer, n) <= 0) {
				break;
			}
		}
		SSL_shutdown(ssl);
	}
	ERR_clear_error();
	SSL_free(ssl);
	close(client);
}

int main(int argc, char **argv)
{
	struct sockaddr_in address = {0};
	socklen_t length = sizeof(address);
	int one = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: tls_peer CERT_AND_KEY_PEM\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN); /* a client that hangs up must not end the peer */
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	if (SSL_CTX_use_certificate_chain_file(ctx, argv[1]) != 1 ||
		SSL_CTX_use_PrivateKey_file(ctx, argv[1], SSL_FILETYPE_PEM) != 1) {
		ERR_print_errors_fp(stderr);
		return 1;
	}
	SSL_CTX_set_session_id_context(ctx, (const unsigned char *)"bench", 5);

	int listener = socket(AF_INET, SOCK_STREAM, 0);
	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(listener, (struct sockaddr *)&address, sizeof(address)) || listen(listener, 512)) {
		perror("tls_peer");
		return 1;
	}
	getsockname(listener, (struct sockaddr *)&address, &length);
	printf("%d\n", ntohs(address.sin_port));
	fflush(stdout);
	for (;;) {
		int client = accept(listener, NULL, NULL);
		if (client >= 0) {
			setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
			serve(ctx, client);
		}
	}
}
