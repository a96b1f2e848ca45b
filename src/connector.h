// Opening client and server sockets: connect with Happy Eyeballs, bind, accept.
//
// Nothing here talks to PHP. Each call returns everything PHP will be told (error text
// and code, warnings in the order PHP would print them) for the stream layer to report.
#ifndef XPORT_CONNECTOR_H
#define XPORT_CONNECTOR_H

#include <optional>
#include <string>
#include <vector>

#include "happy_eyeballs.h"
#include "resolver.h"
#include "socket.h"

namespace xport {

// One connect attempt to one resolved address, for xport_stream_info() and errors.
struct AttemptRecord {
	std::string address; // "127.0.0.1:80", "[::1]:80"
	int family = 0;
	int error = 0;          // 0 when this attempt won; errno otherwise
	bool abandoned = false; // still pending when another attempt won or time ran out
	bool pending = false;   // an asynchronous connect still in progress
	double milliseconds = 0;
};

// The `bindto` socket option, parsed.
struct LocalBinding {
	std::string host;
	unsigned short port = 0;
};

struct ConnectRequest {
	std::string host;
	unsigned short port = 0;
	int socktype = SOCK_STREAM;
	bool asynchronous = false;
	Micros timeout = -1; // negative: no deadline
	std::optional<LocalBinding> bindto;
	SocketOptions options;
};

struct ConnectOutcome {
	Fd fd;
	bool in_progress = false; // asynchronous connect still pending
	int error_code = 0;
	std::optional<std::string> error_text; // PHP's $errstr; nullopt means "Unknown error"
	std::vector<std::string> warnings;     // E_WARNING texts, in order
	std::vector<AttemptRecord> attempts;
	bool resolution_failed = false;
	double resolve_milliseconds = 0;
	double connect_milliseconds = 0;
	sockaddr_storage peer{};
	socklen_t peer_length = 0;
};

// Resolves and connects, racing addresses as RFC 8305 describes when there are several.
ConnectOutcome connect_to_host(const ConnectRequest &request);

struct BindRequest {
	std::string host;
	unsigned short port = 0;
	int socktype = SOCK_STREAM;
	SocketOptions options;
};

struct BindOutcome {
	Fd fd;
	int error_code = 0;
	std::optional<std::string> error_text;
	std::vector<std::string> warnings;
	int family = 0;
};

// Resolves and binds to the first address that accepts the bind, as PHP does.
BindOutcome bind_to_local(const BindRequest &request);

struct AcceptOutcome {
	Fd fd;
	int error_code = 0;
	sockaddr_storage peer{};
	socklen_t peer_length = 0;
};

// Waits up to `timeout` (-1: forever) for a connection on `listener` and accepts it.
AcceptOutcome accept_connection(int listener, Micros timeout, const SocketOptions &options);

// A one-line summary of every attempt, for $errstr when several addresses failed.
std::string describe_attempts(const std::vector<AttemptRecord> &attempts);

} // namespace xport

#endif
