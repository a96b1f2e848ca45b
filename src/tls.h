// TLS on xport's tcp streams: the per-stream session and the OpenSSL work that involves no
// PHP. The parts that read stream contexts and report to PHP live in tls_stream.cpp.
#ifndef XPORT_TLS_H
#define XPORT_TLS_H

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openssl_types.h"
#include "tls_policy.h"

namespace xport {

// Server-side limiter for client-initiated renegotiation, with PHP's arithmetic.
struct RenegotiationBucket {
	long limit = 2;
	long window = 300;
	long previous_handshake = 0;
	float tokens = 0;
	bool tripped = false;      // over the limit since the stream last looked
	bool should_close = false; // the stream shuts down at its next read
};

// How the last OpenSSL call ended, decided with SSL_get_error right after it.
struct SslOutcome {
	bool retry = false;       // wait for the socket and call again
	bool want_write = false;  // the wait is for writability
	bool eagain = false;      // PHP's errno == EAGAIN after its error handler
	bool eof = false;         // the peer closed
	bool reset = false;       // a system call failed (connection reset and the like)
	std::string warning;      // PHP's warning text, empty when PHP prints none
	unsigned long reason = 0; // first OpenSSL error code, for diagnostics
};

// Everything one TLS-capable stream needs once crypto has been set up.
struct TlsSession {
	SslCtxPtr context;
	SslPtr ssl;
	std::vector<std::pair<std::string, SslCtxPtr>> sni_contexts;
	std::string server_alpn; // wire format, servers only
	std::string passphrase;
	bool has_passphrase = false;
	bool allow_self_signed = false;
	unsigned long verify_depth = 9;
	bool is_client = true;
	bool active = false;
	bool state_set = false;
	// While TLS is active the socket stays O_NONBLOCK and "blocking" is PHP's view only:
	// this saves the four fcntl() calls per read or write that switching would cost.
	bool fd_non_blocking = false;
	std::optional<RenegotiationBucket> renegotiation;

	// Diagnostics for xport_stream_info() and xport_last_error().
	std::string sni_sent;
	double handshake_milliseconds = 0;
	bool truncated = false;
	bool close_notify_received = false;
	long verify_result = 0;
	std::string failure_stage;
	std::string failure_reason;
	// The $errno class of the failure: ETIMEDOUT, ECONNRESET, EKEYREJECTED or EPROTO.
	int failure_errno = 0;
	// The first bytes the peer sent during the handshake, to recognise plaintext servers.
	std::string first_bytes;

	// Client session resumption: the cache key (empty when not cached), and a session
	// that arrived before the peer was verified, stored once it is.
	std::string cache_key;
	SslSessionPtr pending_session;

	// The shared SSL_CTX: its cache key, and what its cold build had to say.
	std::string context_key;
	bool key_mismatch = false;
	bool context_uncacheable = false; // a CA file read through PHP's streams

	// Scratch space for results handed to the C-facing code.
	std::string message;
	SubjectAltNames sans;
	CommonName common_name;
};

// Creates the SSL_CTX for a client or server with PHP's option defaults; nullptr on failure.
SSL_CTX *new_context(TlsSession &session, bool is_client) noexcept;

// SSL_CTX_load_verify_locations; false (queue cleared) when it fails.
bool load_verify_locations(SSL_CTX *context, const char *cafile, const char *capath) noexcept;

// Adds every PEM certificate of `pem` to the context's store; returns how many were added.
long add_pem_certificates(SSL_CTX *context, const std::string &pem) noexcept;

// Turns on peer verification with PHP's callback (allow_self_signed, verify_depth).
void require_peer_verification(SSL_CTX *context) noexcept;

// The passphrase callback, reading TlsSession::passphrase.
void use_passphrase(SSL_CTX *context, TlsSession &session) noexcept;

// Server ALPN selection from TlsSession::server_alpn.
void use_server_alpn(SSL_CTX *context, TlsSession &session) noexcept;

// Server SNI: picks the first sni_contexts entry whose pattern matches the name.
void use_server_sni(SSL_CTX *context, TlsSession &session) noexcept;

// Servers sharing a context resume each other's sessions under one id context.
void set_session_id_context(SSL_CTX *context, const std::string &key) noexcept;

// Client contexts hand new sessions to xport's cache instead of OpenSSL's.
void use_client_session_cache(SSL_CTX *context) noexcept;

// Offers a cached session for the key, if any.
void offer_cached_session(TlsSession &session) noexcept;

// Stores the session that arrived before verification, now that the peer passed.
void commit_pending_session(TlsSession &session) noexcept;

// Counts handshakes for the renegotiation limiter.
void watch_renegotiation(SSL *ssl) noexcept;

// A context holding only a certificate chain and key, for one SNI name; nullptr on failure
// (then session.message says which file failed).
SslCtxPtr new_sni_context(TlsSession &session, const std::string &cert,
						  const std::string &key) noexcept;

// Records the first bytes the peer sends on the SSL's socket, and whether it sent close_notify.
void record_first_bytes(SSL *ssl, TlsSession &session) noexcept;
void watch_alerts(SSL *ssl) noexcept;

// Loads DH parameters from a PEM file: 0 on success, 1 when the file cannot be opened,
// 2 when it holds no parameters, 3 when OpenSSL refuses them.
int load_dh_parameters(SSL_CTX *context, const char *path) noexcept;

// Classifies the result `ret` of SSL_connect/accept/read/write/peek like PHP's error handler.
// `handshake` makes WANT_* retry even on non-blocking streams (the caller decides).
SslOutcome classify(SSL *ssl, int ret, int saved_errno, bool handshake, bool blocking) noexcept;

// Fills session.sans and session.common_name from the peer certificate.
void read_certificate_names(TlsSession &session, X509 *peer) noexcept;

// Lower-case hex digest of the certificate; nullopt when the algorithm is unknown.
std::optional<std::string> certificate_digest(X509 *certificate, const char *algorithm) noexcept;

// A sentence for a plaintext greeting seen instead of a TLS record, or empty.
std::string plaintext_hint(const std::string &first_bytes) noexcept;

// Fill session.failure_reason with a sentence a user can act on.
void describe_verify_failure(TlsSession &session, long verify_result) noexcept;
void describe_name_mismatch(TlsSession &session, const char *expected) noexcept;
void describe_handshake_failure(TlsSession &session, const SslOutcome &outcome) noexcept;

// "TLSv1.3", "TLSv1.2", … as PHP names protocols in stream meta data.
const char *protocol_name(const SSL *ssl) noexcept;

} // namespace xport

#endif
