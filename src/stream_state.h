// What xport keeps for each of its streams, beside PHP's own socket data.
#ifndef XPORT_STREAM_STATE_H
#define XPORT_STREAM_STATE_H

extern "C" {
#include "php.h"
#include "main/php_network.h"
}

#include <string>
#include <vector>

#include <memory>
#include <optional>

#include "address.h"
#include "connector.h"
#include "read_pacer.h"
#include "tls.h"

namespace xport {

enum class TransportKind { kTcp, kUdp };

enum class StreamRole { kUnconnected, kClient, kServer, kAccepted };

// Facts about how the stream came to be, for xport_stream_info().
struct ConnectionInfo {
	StreamRole role = StreamRole::kUnconnected;
	int family = 0;
	std::vector<AttemptRecord> attempts;
	double resolve_milliseconds = 0;
	double connect_milliseconds = 0;
};

// The reason of a failed operation, for xport_last_error().
struct OperationError {
	std::string operation; // "connect", "bind", "listen", "accept", "parse"
	std::string transport;
	std::string target;
	int error_code = 0;
	std::string message;
	std::vector<AttemptRecord> attempts;
};

// Per-stream C++ state. Lives on the C++ heap so that persistent streams may keep it
// across requests; it never holds a pointer to a stream context.
struct StreamState {
	explicit StreamState(TransportKind kind) : kind(kind) {}

	TransportKind kind;
	ConnectionInfo info;
	// Results of the last operation, kept here (not on the stack) until the C-facing code
	// has reported them, so that a longjmp out of a warning leaks nothing.
	ConnectRequest connect_request;
	ConnectOutcome connect_outcome;
	BindRequest bind_request;
	BindOutcome bind_outcome;
	AddressParse parsed;

	// TLS-capable streams (tcp:// and the TLS transports).
	bool tls_capable = false;
	bool enable_on_connect = false;      // ssl://, tls://, tlsv1.x://: TLS right after connect
	int crypto_method = 0;               // STREAM_CRYPTO_METHOD_* for enable_on_connect
	timeval connect_timeout{};           // bounds the client handshake, as in PHP
	std::optional<std::string> url_name; // the default peer and SNI name
	const char *unavailable_protocol = nullptr; // "SSLv2"/"SSLv3": refused at connect/bind
	std::string transport = "tcp";
	std::unique_ptr<TlsSession> tls;

	const char *transport_name() const { return transport.c_str(); }
	int socktype() const { return kind == TransportKind::kTcp ? SOCK_STREAM : SOCK_DGRAM; }
};

} // namespace xport

// The stream's abstract data. PHP's socket data must come first: mysqlnd reads `socket`
// from it and socket_export_stream() writes `socket`, `is_blocked` and `timeout` into it.
struct php_xport_netstream {
	php_netstream_data_t net;
	xport::StreamState *state;
	// Whether the next blocking read polls before it reads (see read_pacer.h).
	xport::ReadPacer read_pacer;
};

namespace xport {

// Replaces the request's last error (the previous one is freed).
void remember_error(OperationError *error) noexcept;

// The request's last error, or nullptr.
const OperationError *last_error() noexcept;

// The client TLS session cache of this process (this thread in ZTS), created on first use;
// nullptr when it cannot be allocated.
class SessionCache;
SessionCache *session_cache() noexcept;

// The shared SSL_CTX cache of this process (this thread in ZTS), created on first use.
class ContextCache;
ContextCache *context_cache() noexcept;

// True when the stream was made by one of xport's factories.
bool owns_stream(php_stream *stream) noexcept;

} // namespace xport

#endif
