// The php_stream_ops of xport's tcp:// and udp:// streams, and their factory.
//
// These functions are PHP's entry points into xport. They follow one rule: a frame that
// may call into the engine (warnings, user callbacks, allocation that can hit the memory
// limit) holds no object with a destructor, because any of those calls may longjmp. The
// C++ work happens in callees that finish first and leave their results in StreamState.
#include "stream_internal.h"

extern "C" {
#include "ext/standard/file.h"
#include "ext/standard/url.h"
#include "main/php_streams.h"
}

#include <cerrno>
#include <cstring>
#include <new>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "address.h"
#include "php_xport.h"
#include "xport_api.h"

using namespace xport;

namespace {

Micros timeout_from(const timeval *timeout)
{
	return timeout ? timeval_to_micros(timeout->tv_sec, timeout->tv_usec) : -1;
}

bool would_block(int error)
{
	return error == EAGAIN || error == EWOULDBLOCK;
}

zend_string *to_zend_string(const std::string &text)
{
	return zend_string_init(text.data(), text.size(), 0);
}

// --- Context options, converted as PHP converts them -----------------------------------

zval *socket_option(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "socket", name) : nullptr;
}

bool socket_option_true(php_stream *stream, const char *name)
{
	zval *value = socket_option(stream, name);

	return value && zend_is_true(value);
}

// Present and not null: PHP applies such options only when the user set them.
Toggle socket_option_toggle(php_stream *stream, const char *name)
{
	zval *value = socket_option(stream, name);

	if (!value || Z_TYPE_P(value) == IS_NULL) {
		return Toggle::kUnset;
	}
	return zend_is_true(value) ? Toggle::kOn : Toggle::kOff;
}

// The keepalive timings PHP 8.6 introduces: whole seconds or counts, at least 1.
long socket_option_count(php_stream *stream, const char *name)
{
	zval *value = socket_option(stream, name);

	if (!value || Z_TYPE_P(value) == IS_NULL) {
		return -1;
	}
	bool numeric =
		Z_TYPE_P(value) == IS_LONG ||
		(Z_TYPE_P(value) == IS_STRING && is_numeric_string(Z_STRVAL_P(value), Z_STRLEN_P(value),
														   nullptr, nullptr, false) == IS_LONG);
	zend_long number = numeric ? zval_get_long(value) : 0;
	if (!numeric || number < 1 || number > INT_MAX) {
		php_error_docref(nullptr, E_WARNING,
						 "Invalid \"%s\" socket context option: expected an integer from 1 to %d",
						 name, INT_MAX);
		return -1;
	}
	return static_cast<long>(number);
}

void read_keepalive_options(php_stream *stream, SocketOptions &options)
{
	options.so_keepalive = socket_option_toggle(stream, "so_keepalive");
	options.tcp_keepidle = socket_option_count(stream, "tcp_keepidle");
	options.tcp_keepintvl = socket_option_count(stream, "tcp_keepintvl");
	options.tcp_keepcnt = socket_option_count(stream, "tcp_keepcnt");
}

// --- Errors -------------------------------------------------------------------------

void emit_warnings(const std::vector<std::string> &warnings)
{
	for (size_t i = 0; i < warnings.size(); i++) {
		php_error_docref(nullptr, E_WARNING, "%s", warnings[i].c_str());
	}
}

OperationError *describe_failure(const StreamState &state, const char *operation,
								 const char *target, size_t target_length, int error_code,
								 const std::optional<std::string> &message) noexcept
{
	try {
		auto *error = new OperationError;
		error->operation = operation;
		error->transport = state.transport_name();
		error->target.assign(target, target_length);
		error->error_code = error_code;
		error->message = message ? *message : (error_code ? strerror(error_code) : "Unknown error");
		return error;
	} catch (...) {
		return nullptr;
	}
}

} // namespace

void xport::remember_failure(const StreamState &state, const char *operation, const char *target,
							 size_t target_length, int error_code,
							 const std::optional<std::string> &message,
							 const std::vector<AttemptRecord> *attempts) noexcept
{
	OperationError *error =
		describe_failure(state, operation, target, target_length, error_code, message);

	if (error && attempts) {
		try {
			error->attempts = *attempts;
		} catch (...) {
		}
	}
	remember_error(error);
}

namespace {

// --- Address parsing ------------------------------------------------------------------

// Parses the operation's address into state.parsed; false when it is unusable.
bool parse_address(StreamState &state, const char *text, size_t length) noexcept
{
	try {
		state.parsed = parse_host_port(std::string_view(text, length), XPORT_G(strict_addresses));
	} catch (...) {
		state.parsed = AddressParse{AddressError::kTooLong, {}, "Out of memory"};
	}
	return state.parsed.error == AddressError::kNone;
}

void report_parse_failure(StreamState &state, php_stream_xport_param *xparam, const char *operation)
{
	// PHP sets the null-byte text even when the caller did not ask for one.
	if (xparam->want_errortext || state.parsed.error == AddressError::kNullByte) {
		xparam->outputs.error_text = to_zend_string(state.parsed.message);
	}
	remember_failure(state, operation, xparam->inputs.name, xparam->inputs.namelen, 0,
					 state.parsed.message);
}

// sslv2:// and sslv3:// exist so that their users get a reason instead of "Unable to find
// the socket transport"; they fail before any socket is made.
bool refuse_unavailable_protocol(StreamState &state, php_stream_xport_param *xparam,
								 const char *operation)
{
	if (!state.unavailable_protocol) {
		return false;
	}
	xparam->outputs.error_code = EPROTONOSUPPORT;
	if (xparam->want_errortext) {
		xparam->outputs.error_text = strpprintf(
			0,
			"%s is not available in the OpenSSL library xport is linked with (%s); use tls:// "
			"for any TLS version it supports",
			state.unavailable_protocol, OpenSSL_version(OPENSSL_VERSION));
	}
	remember_failure(state, operation, xparam->inputs.name, xparam->inputs.namelen, EPROTONOSUPPORT,
					 std::string(state.unavailable_protocol) + " is not available in this OpenSSL");
	return true;
}

// --- CONNECT --------------------------------------------------------------------------

bool prepare_connect(StreamState &state, const timeval *timeout, bool asynchronous) noexcept
{
	try {
		ConnectRequest &request = state.connect_request;
		request.host = state.parsed.value.host;
		request.port = effective_port(state.parsed.value.port);
		request.socktype = state.socktype();
		request.asynchronous = asynchronous;
		request.timeout = timeout_from(timeout);
		request.bindto.reset();
		return true;
	} catch (...) {
		return false;
	}
}

// bindto is parsed like any address; PHP drops it silently when that fails.
void set_bindto(StreamState &state, const char *text, size_t length) noexcept
{
	try {
		AddressParse parsed = parse_host_port(std::string_view(text, length), false);
		if (parsed.error == AddressError::kNone) {
			state.connect_request.bindto =
				LocalBinding{parsed.value.host, effective_port(parsed.value.port)};
		}
	} catch (...) {
		state.connect_request.bindto.reset();
	}
}

void run_connect(StreamState &state) noexcept
{
	try {
		state.connect_outcome = connect_to_host(state.connect_request);
		state.info.role = StreamRole::kClient;
		state.info.attempts = state.connect_outcome.attempts;
		state.info.resolve_milliseconds = state.connect_outcome.resolve_milliseconds;
		state.info.connect_milliseconds = state.connect_outcome.connect_milliseconds;
		state.info.family = state.connect_outcome.peer.ss_family;
	} catch (...) {
		state.connect_outcome = ConnectOutcome();
		state.connect_outcome.error_code = ENOMEM;
		state.connect_outcome.error_text = strerror(ENOMEM);
	}
}

void remember_connect_failure(const StreamState &state,
							  const php_stream_xport_param *xparam) noexcept
{
	OperationError *error =
		describe_failure(state, "connect", xparam->inputs.name, xparam->inputs.namelen,
						 state.connect_outcome.error_code, state.connect_outcome.error_text);
	if (error) {
		try {
			error->attempts = state.connect_outcome.attempts;
		} catch (...) {
		}
	}
	remember_error(error);
}

int op_connect(php_stream *stream, php_xport_netstream *data, php_stream_xport_param *xparam)
{
	StreamState &state = *data->state;
	bool asynchronous = xparam->op == php_stream_xport_param::STREAM_XPORT_OP_CONNECT_ASYNC;

	if (refuse_unavailable_protocol(state, xparam, "connect")) {
		return -1;
	}
	if (!parse_address(state, xparam->inputs.name, xparam->inputs.namelen)) {
		report_parse_failure(state, xparam, "connect");
		return -1;
	}
	if (!prepare_connect(state, xparam->inputs.timeout, asynchronous)) {
		return -1;
	}

	zval *bindto = socket_option(stream, "bindto");
	if (bindto) {
		if (Z_TYPE_P(bindto) != IS_STRING) {
			if (xparam->want_errortext) {
				xparam->outputs.error_text =
					zend_string_init(ZEND_STRL("local_addr context option is not a string."), 0);
			}
			remember_failure(state, "connect", xparam->inputs.name, xparam->inputs.namelen, 0,
							 std::string("local_addr context option is not a string."));
			return -1;
		}
		set_bindto(state, Z_STRVAL_P(bindto), Z_STRLEN_P(bindto));
	}
	SocketOptions &options = state.connect_request.options;
	options = SocketOptions();
	if (state.kind == TransportKind::kUdp) {
		options.so_broadcast = socket_option_true(stream, "so_broadcast");
	} else {
		options.tcp_nodelay = socket_option_true(stream, "tcp_nodelay");
		read_keepalive_options(stream, options);
	}

	run_connect(state);

	ConnectOutcome &outcome = state.connect_outcome;
	emit_warnings(outcome.warnings);
	xparam->outputs.error_code = outcome.error_code;
	if (!outcome.fd.valid()) {
		if (xparam->want_errortext && outcome.error_text) {
			xparam->outputs.error_text = to_zend_string(*outcome.error_text);
		}
		remember_connect_failure(state, xparam);
		return -1;
	}
	data->net.socket = outcome.fd.release();
	return outcome.in_progress ? 1 : 0;
}

// --- BIND / LISTEN / ACCEPT -----------------------------------------------------------

void run_bind(StreamState &state) noexcept
{
	try {
		state.bind_request.host = state.parsed.value.host;
		state.bind_request.port = effective_port(state.parsed.value.port);
		state.bind_request.socktype = state.socktype();
		state.bind_outcome = bind_to_local(state.bind_request);
		state.info.role = StreamRole::kServer;
		state.info.family = state.bind_outcome.family;
	} catch (...) {
		state.bind_outcome = BindOutcome();
		state.bind_outcome.error_code = ENOMEM;
		state.bind_outcome.error_text = strerror(ENOMEM);
	}
}

int op_bind(php_stream *stream, php_xport_netstream *data, php_stream_xport_param *xparam)
{
	StreamState &state = *data->state;

	if (refuse_unavailable_protocol(state, xparam, "bind")) {
		return -1;
	}

	if (!parse_address(state, xparam->inputs.name, xparam->inputs.namelen)) {
		report_parse_failure(state, xparam, "bind");
		return -1;
	}

	SocketOptions &options = state.bind_request.options;
	options = SocketOptions();
	options.ipv6_v6only = socket_option_toggle(stream, "ipv6_v6only");
	options.so_reuseport = socket_option_true(stream, "so_reuseport");
	options.so_reuseaddr = socket_option_toggle(stream, "so_reuseaddr");
	if (state.kind == TransportKind::kUdp) {
		options.so_broadcast = socket_option_true(stream, "so_broadcast");
	} else {
		read_keepalive_options(stream, options);
	}

	run_bind(state);

	BindOutcome &outcome = state.bind_outcome;
	emit_warnings(outcome.warnings);
	if (!outcome.fd.valid()) {
		// PHP reports no error code for a failed bind; xport_last_error() has it.
		if (xparam->want_errortext && outcome.error_text) {
			xparam->outputs.error_text = to_zend_string(*outcome.error_text);
		}
		remember_failure(state, "bind", xparam->inputs.name, xparam->inputs.namelen,
						 outcome.error_code, outcome.error_text);
		return -1;
	}
	data->net.socket = outcome.fd.release();
	return 0;
}

int op_listen(php_xport_netstream *data, php_stream_xport_param *xparam)
{
	if (listen(data->net.socket, xparam->inputs.backlog) == 0) {
		return 0;
	}
	int error = errno;
	const BindRequest &bound = data->state->bind_request;
	remember_failure(*data->state, "listen", bound.host.data(), bound.host.size(), error,
					 std::nullopt);
	return -1;
}

StreamState *new_state(TransportKind kind) noexcept
{
	return new (std::nothrow) StreamState(kind);
}

void note_accepted(StreamState &state, int family) noexcept
{
	state.info.role = StreamRole::kAccepted;
	state.info.family = family;
}

void fill_address_outputs(php_stream_xport_param *xparam, const sockaddr_storage &address,
						  socklen_t length, bool want_text, bool want_address);

// The accepted socket as plain data: the C++ owner is gone before PHP hears of it.
struct AcceptedSocket {
	int fd;
	int error;
	sockaddr_storage peer;
	socklen_t peer_length;
};

AcceptedSocket accept_socket(int listener, Micros timeout, const SocketOptions &options) noexcept
{
	AcceptOutcome outcome = accept_connection(listener, timeout, options);

	return {outcome.fd.release(), outcome.error_code, outcome.peer, outcome.peer_length};
}

int op_accept(php_stream *stream, php_xport_netstream *data, php_stream_xport_param *xparam)
{
	SocketOptions options;
	options.tcp_nodelay = socket_option_true(stream, "tcp_nodelay");
	read_keepalive_options(stream, options);

	xparam->outputs.client = nullptr;
	AcceptedSocket accepted =
		accept_socket(data->net.socket, timeout_from(xparam->inputs.timeout), options);
	int client_fd = accepted.fd;
	int error = accepted.error;
	const sockaddr_storage &peer = accepted.peer;
	socklen_t peer_length = accepted.peer_length;

	xparam->outputs.error_code = error;
	if (xparam->want_errortext) {
		// PHP fills the text even on success ("Success"), and TLS accept paths print it.
		xparam->outputs.error_text = zend_string_init(strerror(error), strlen(strerror(error)), 0);
	}
	if (client_fd < 0) {
		remember_failure(*data->state, "accept", "", 0, error, std::nullopt);
		return -1;
	}
	fill_address_outputs(xparam, peer, peer_length, xparam->want_textaddr, xparam->want_addr);

	StreamState *client_state = new_state(data->state->kind);
	if (!client_state) {
		close(client_fd);
		return -1;
	}
	note_accepted(*client_state, peer.ss_family);
	auto *client = static_cast<php_xport_netstream *>(emalloc(sizeof(php_xport_netstream)));
	client->net = data->net;
	client->net.socket = client_fd;
	client->net.is_blocked = 1;
	client->net.timeout_event = 0;
	client->state = client_state;
	client->read_pacer = ReadPacer();

	client_state->tls_capable = data->state->tls_capable;
	client_state->transport = data->state->transport;
	client_state->connect_timeout = data->state->connect_timeout;
	xparam->outputs.client = php_stream_alloc_rel(stream->ops, client, nullptr, "r+");
	if (!xparam->outputs.client) {
		return -1;
	}
	if (stream->ctx) {
		xparam->outputs.client->ctx = stream->ctx;
		GC_ADDREF(stream->ctx);
	}
	if (client_state->tls_capable && !tls_after_accept(stream, xparam->outputs.client)) {
		xparam->outputs.client = nullptr;
		return -1;
	}
	return 0;
}

// --- Names, send, receive, shutdown -------------------------------------------------------

void fill_address_outputs(php_stream_xport_param *xparam, const sockaddr_storage &address,
						  socklen_t length, bool want_text, bool want_address)
{
	if (want_address) {
		xparam->outputs.addr = static_cast<sockaddr *>(emalloc(length));
		memcpy(xparam->outputs.addr, &address, length);
		xparam->outputs.addrlen = length;
	}
	if (want_text) {
		char text[INET6_ADDRSTRLEN + 16];
		size_t written = 0;
		try {
			std::string formatted =
				format_socket_address(reinterpret_cast<const sockaddr *>(&address), length);
			written = formatted.copy(text, sizeof text - 1);
		} catch (...) {
		}
		if (written > 0) {
			xparam->outputs.textaddr = zend_string_init(text, written, 0);
		}
	}
}

int op_get_name(php_xport_netstream *data, php_stream_xport_param *xparam, bool peer)
{
	sockaddr_storage address;
	socklen_t length = sizeof address;
	int result =
		peer ? getpeername(data->net.socket, reinterpret_cast<sockaddr *>(&address), &length)
			 : getsockname(data->net.socket, reinterpret_cast<sockaddr *>(&address), &length);

	if (result != 0) {
		return -1;
	}
	fill_address_outputs(xparam, address, length, xparam->want_textaddr, xparam->want_addr);
	return 0;
}

int op_send(php_xport_netstream *data, php_stream_xport_param *xparam)
{
	int flags = MSG_NOSIGNAL | ((xparam->inputs.flags & STREAM_OOB) ? MSG_OOB : 0);
	ssize_t sent = xparam->inputs.addr
					   ? sendto(data->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags,
								xparam->inputs.addr, xparam->inputs.addrlen)
					   : send(data->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags);

	if (sent < 0) {
		php_error_docref(nullptr, E_WARNING, "%s\n", strerror(errno));
		return -1;
	}
	return static_cast<int>(sent);
}

int op_recv(php_xport_netstream *data, php_stream_xport_param *xparam)
{
	int flags = ((xparam->inputs.flags & STREAM_OOB) ? MSG_OOB : 0) |
				((xparam->inputs.flags & STREAM_PEEK) ? MSG_PEEK : 0);
	bool want_text = xparam->want_textaddr;
	bool want_address = xparam->want_addr;

	if (!want_text && !want_address) {
		ssize_t received = recv(data->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags);
		return received < 0 ? -1 : static_cast<int>(received);
	}

	sockaddr_storage from;
	socklen_t length = sizeof from;
	ssize_t received = recvfrom(data->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags,
								reinterpret_cast<sockaddr *>(&from), &length);
	if (length > 0 && received >= 0) {
		fill_address_outputs(xparam, from, length, want_text, want_address);
	} else if (want_text) {
		xparam->outputs.textaddr = ZSTR_EMPTY_ALLOC();
	}
	return received < 0 ? -1 : static_cast<int>(received);
}

int op_shutdown(php_stream *stream, php_xport_netstream *data, php_stream_xport_param *xparam)
{
	static const int how[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};

	tls_before_shutdown(stream, how[xparam->how % 3]);
	return shutdown(data->net.socket, how[xparam->how % 3]);
}

int handle_xport_op(php_stream *stream, php_xport_netstream *data, php_stream_xport_param *xparam)
{
	using Param = php_stream_xport_param;

	switch (xparam->op) {
		case Param::STREAM_XPORT_OP_CONNECT:
		case Param::STREAM_XPORT_OP_CONNECT_ASYNC:
			xparam->outputs.returncode = op_connect(stream, data, xparam);
			if (data->state->tls_capable) {
				tls_after_connect(stream, xparam);
			}
			return xparam->outputs.returncode;
		case Param::STREAM_XPORT_OP_BIND:
			return op_bind(stream, data, xparam);
		case Param::STREAM_XPORT_OP_LISTEN:
			return op_listen(data, xparam);
		case Param::STREAM_XPORT_OP_ACCEPT:
			return op_accept(stream, data, xparam);
		case Param::STREAM_XPORT_OP_GET_NAME:
			return op_get_name(data, xparam, false);
		case Param::STREAM_XPORT_OP_GET_PEER_NAME:
			return op_get_name(data, xparam, true);
		case Param::STREAM_XPORT_OP_SEND:
			return op_send(data, xparam);
		case Param::STREAM_XPORT_OP_RECV:
			return op_recv(data, xparam);
		case Param::STREAM_XPORT_OP_SHUTDOWN:
			return op_shutdown(stream, data, xparam);
	}
	return -1;
}

// --- Stream options ---------------------------------------------------------------------

int check_liveness(php_stream *stream, php_netstream_data_t &net, int value)
{
	if (net.socket == -1) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}

	// PHP 8.2 skips the poll for a plain feof() (value 0), except on listening sockets.
	bool poll_first = value != 0 || (stream->flags & PHP_STREAM_FLAG_NO_IO);
	if (poll_first) {
		Micros wait = value == -1 ? (net.timeout.tv_sec == -1
										 ? timeval_to_micros(FG(default_socket_timeout), 0)
										 : stream_timeout(net))
								  : timeval_to_micros(value, 0);
		if (wait_for(net.socket, POLLIN | POLLPRI, wait) <= 0) {
			return PHP_STREAM_OPTION_RETURN_OK;
		}
	}

	char byte;
	ssize_t peeked = recv(net.socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	bool dead = peeked == 0 || (peeked < 0 && !would_block(errno) && errno != EMSGSIZE);
	return dead ? PHP_STREAM_OPTION_RETURN_ERR : PHP_STREAM_OPTION_RETURN_OK;
}

int set_blocking(php_netstream_data_t &net, int value)
{
	int previous = net.is_blocked;

	if (!set_non_blocking(net.socket, !value)) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	net.is_blocked = value;
	return previous;
}

void add_metadata(php_stream *stream, const php_netstream_data_t &net, zval *array)
{
	add_assoc_bool(array, "timed_out", net.timeout_event);
	add_assoc_bool(array, "blocked", net.is_blocked);
	add_assoc_bool(array, "eof", stream->eof);
}

// --- The ops themselves -------------------------------------------------------------------

} // namespace

ssize_t xport::plain_write(php_stream *stream, const char *buffer, size_t count) noexcept
{
	php_netstream_data_t &net = netstream(stream)->net;

	if (net.socket == -1) {
		return 0;
	}

	bool timed = net.timeout.tv_sec >= 0;
	int flags = MSG_NOSIGNAL | (net.is_blocked && timed ? MSG_DONTWAIT : 0);
	ssize_t written;
	int error;
	for (;;) {
		written = send(net.socket, buffer, count, flags);
		error = errno;
		if (written > 0 || !would_block(error) || !net.is_blocked) {
			break;
		}
		// As in PHP, timed_out describes the last wait: a new wait clears it.
		net.timeout_event = 0;
		int ready = wait_for(net.socket, POLLOUT, stream_timeout(net));
		if (ready == 0) {
			net.timeout_event = 1;
			break;
		}
		if (ready < 0) {
			error = errno;
			break;
		}
	}

	if (written > 0) {
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), written, 0);
		return written;
	}
	if (written < 0 && would_block(error) && !net.is_blocked) {
		return 0; // not an error for a non-blocking stream
	}
	if (!(stream->flags & PHP_STREAM_FLAG_SUPPRESS_ERRORS)) {
		php_error_docref(nullptr, E_NOTICE,
						 "Send of " ZEND_LONG_FMT " bytes failed with errno=%d %s",
						 static_cast<zend_long>(count), error, strerror(error));
	}
	return written;
}

ssize_t xport::plain_read(php_stream *stream, char *buffer, size_t count) noexcept
{
	php_xport_netstream *data = netstream(stream);
	php_netstream_data_t &net = data->net;

	if (net.socket == -1) {
		return -1;
	}
	// PHP clears timed_out whenever a blocking read starts, data waiting or not.
	if (net.is_blocked) {
		net.timeout_event = 0;
	}

	ReadPacer &pacer = data->read_pacer;
	bool poll_first = net.is_blocked && pacer.poll_first();
	ssize_t received = -1;
	int error = EAGAIN;
	if (!poll_first) {
		received = recv(net.socket, buffer, count, MSG_DONTWAIT);
		error = errno;
		if (net.is_blocked) {
			received < 0 && would_block(error) ? pacer.nothing_was_waiting()
											   : pacer.data_was_waiting();
		}
	}
	if (received < 0 && would_block(error) && net.is_blocked) {
		int ready = wait_for(net.socket, POLLIN | POLLPRI, stream_timeout(net));
		if (ready == 0) {
			net.timeout_event = 1;
			return -1;
		}
		received = recv(net.socket, buffer, count, MSG_DONTWAIT);
		error = errno;
		if (received >= 0) {
			pacer.read_after_poll(static_cast<size_t>(received), count);
		}
	}

	if (received < 0) {
		if (would_block(error)) {
			return 0;
		}
		stream->eof = 1;
		return received;
	}
	if (received == 0) {
		stream->eof = 1;
		return 0;
	}
	php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), received, 0);
	return received;
}

namespace {

int xport_op_close(php_stream *stream, int close_handle) noexcept
{
	php_xport_netstream *data = netstream(stream);

	if (!data) {
		return 0;
	}
	if (close_handle) {
		tls_close(stream);
		if (data->net.socket != -1) {
			close(data->net.socket);
			data->net.socket = -1;
		}
	}
	delete data->state;
	pefree(data, php_stream_is_persistent(stream));
	return 0;
}

int xport_op_flush(php_stream *) noexcept
{
	return 0;
}

bool crypto_active(php_xport_netstream *data)
{
	return data->state && data->state->tls && data->state->tls->active;
}

int xport_op_cast(php_stream *stream, int castas, void **ret) noexcept
{
	php_xport_netstream *data = netstream(stream);

	switch (castas) {
		case PHP_STREAM_AS_STDIO:
			if (crypto_active(data)) {
				return FAILURE; // the fd carries ciphertext
			}
			if (ret) {
				*reinterpret_cast<FILE **>(ret) = fdopen(data->net.socket, stream->mode);
				return *ret ? SUCCESS : FAILURE;
			}
			return SUCCESS;
		case PHP_STREAM_AS_FD_FOR_SELECT:
			if (ret) {
				tls_prepare_select(stream);
				*reinterpret_cast<php_socket_t *>(ret) = data->net.socket;
			}
			return SUCCESS;
		case PHP_STREAM_AS_FD:
		case PHP_STREAM_AS_SOCKETD:
			if (crypto_active(data)) {
				return FAILURE;
			}
			if (ret) {
				*reinterpret_cast<php_socket_t *>(ret) = data->net.socket;
			}
			return SUCCESS;
		default:
			return FAILURE;
	}
}

int xport_op_stat(php_stream *stream, php_stream_statbuf *ssb) noexcept
{
	return zend_fstat(netstream(stream)->net.socket, &ssb->sb);
}

int xport_op_set_option(php_stream *stream, int option, int value, void *ptrparam) noexcept
{
	php_xport_netstream *data = netstream(stream);

	if (!data) {
		return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
	php_netstream_data_t &net = data->net;

	switch (option) {
		case PHP_STREAM_OPTION_CHECK_LIVENESS:
			return crypto_active(data) ? tls_check_liveness(stream, value)
									   : check_liveness(stream, net, value);
		case PHP_STREAM_OPTION_BLOCKING:
			if (crypto_active(data) && data->state->tls->fd_non_blocking) {
				// The socket stays non-blocking under TLS; only PHP's view changes.
				int previous = net.is_blocked;
				net.is_blocked = value;
				return previous;
			}
			return set_blocking(net, value);
		case PHP_STREAM_OPTION_READ_TIMEOUT:
			net.timeout = *static_cast<timeval *>(ptrparam);
			net.timeout_event = 0;
			return PHP_STREAM_OPTION_RETURN_OK;
		case PHP_STREAM_OPTION_META_DATA_API:
			// PHP's TLS streams put "crypto" first, while TLS is active.
			tls_add_metadata(stream, static_cast<zval *>(ptrparam));
			add_metadata(stream, net, static_cast<zval *>(ptrparam));
			return PHP_STREAM_OPTION_RETURN_OK;
		case PHP_STREAM_OPTION_CRYPTO_API:
			if (!data->state || !data->state->tls_capable) {
				return PHP_STREAM_OPTION_RETURN_NOTIMPL;
			}
			return tls_crypto_option(stream,
									 static_cast<php_stream_xport_crypto_param *>(ptrparam));
		case PHP_STREAM_OPTION_XPORT_API: {
			auto *xparam = static_cast<php_stream_xport_param *>(ptrparam);
			if (!data->state) {
				return PHP_STREAM_OPTION_RETURN_NOTIMPL;
			}
			xparam->outputs.returncode = handle_xport_op(stream, data, xparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		}
		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
}

// ext/openssl labels every tcp:// and TLS stream "tcp_socket/ssl"; scripts and tests compare it.
const php_stream_ops php_xport_tcp_ops = {
	tls_write, tls_read,      xport_op_close, xport_op_flush,      "tcp_socket/ssl",
	nullptr,   xport_op_cast, xport_op_stat,  xport_op_set_option,
};

const php_stream_ops php_xport_udp_ops = {
	plain_write, plain_read,    xport_op_close, xport_op_flush,      "udp_socket",
	nullptr,     xport_op_cast, xport_op_stat,  xport_op_set_option,
};

// What a transport name means for a new stream.
struct TransportTraits {
	const char *name;
	TransportKind kind;
	bool enable_on_connect;
	int fixed_method;        // 0: from the context's crypto_method, else TLS 1.0-1.3
	const char *unavailable; // a protocol this OpenSSL lacks
};

const TransportTraits kTransports[] = {
	{"tcp", TransportKind::kTcp, false, 0, nullptr},
	{"udp", TransportKind::kUdp, false, 0, nullptr},
	{"ssl", TransportKind::kTcp, true, 0, nullptr},
	{"tls", TransportKind::kTcp, true, 0, nullptr},
	{"tlsv1.0", TransportKind::kTcp, true, kCryptoTls10 | kCryptoClient, nullptr},
	{"tlsv1.1", TransportKind::kTcp, true, kCryptoTls11 | kCryptoClient, nullptr},
	{"tlsv1.2", TransportKind::kTcp, true, kCryptoTls12 | kCryptoClient, nullptr},
	{"tlsv1.3", TransportKind::kTcp, true, kCryptoTls13 | kCryptoClient, nullptr},
	{"sslv2", TransportKind::kTcp, true, kCryptoSslv2 | kCryptoClient, "SSLv2"},
	// TODO: sslv3:// is refused even where OpenSSL is built with SSLv3; serving it there (only
	// with an explicit security_level of 0) needs such a build to test against.
	{"sslv3", TransportKind::kTcp, true, kCryptoSslv3 | kCryptoClient, "SSLv3"},
};

const TransportTraits *traits_for(const char *name, size_t length)
{
	for (const TransportTraits &traits : kTransports) {
		if (strlen(traits.name) == length && strncmp(traits.name, name, length) == 0) {
			return &traits;
		}
	}
	return nullptr;
}

// ssl:// and tls:// take the context's crypto_method (as a client method), as PHP does.
int crypto_method_for(const TransportTraits &traits, php_stream_context *context)
{
	if (traits.fixed_method) {
		return traits.fixed_method;
	}
	zval *method =
		context ? php_stream_context_get_option(context, "ssl", "crypto_method") : nullptr;
	return method ? static_cast<int>(zval_get_long(method)) | kCryptoClient
				  : kCryptoTlsAny | kCryptoClient;
}

// The default peer and SNI name: the URL's host without trailing dots, or the bare address
// of a bracketed IPv6 target (which PHP's URL parser does not see as a host).
void set_url_name(StreamState &state, const char *resource, size_t length) noexcept
{
	try {
		AddressParse parsed = parse_host_port(std::string_view(resource, length), false);
		if (parsed.error != AddressError::kNone) {
			return;
		}
		std::string host = parsed.value.host;
		while (!host.empty() && host.back() == '.') {
			host.pop_back();
		}
		if (!host.empty()) {
			state.url_name = host;
		}
	} catch (...) {
	}
}

bool set_transport(StreamState &state, const TransportTraits &traits) noexcept
{
	try {
		state.transport = traits.name;
		return true;
	} catch (...) {
		return false;
	}
}

php_stream *xport_socket_factory(const char *proto, size_t protolen, const char *resource,
								 size_t resource_length, const char *persistent_id, int, int,
								 struct timeval *timeout,
								 php_stream_context *context STREAMS_DC) noexcept
{
	const TransportTraits *traits = traits_for(proto, protolen);
	bool persistent = persistent_id != nullptr;

	if (!traits) {
		return nullptr;
	}
	StreamState *state = new_state(traits->kind);
	if (!state || !set_transport(*state, *traits)) {
		delete state;
		return nullptr;
	}
	state->tls_capable = traits->kind == TransportKind::kTcp;
	state->enable_on_connect = traits->enable_on_connect;
	state->unavailable_protocol = traits->unavailable;
	if (timeout) {
		state->connect_timeout = *timeout;
	}
	if (traits->enable_on_connect) {
		state->crypto_method = crypto_method_for(*traits, context);
	}
	// tcp:// streams need the name too: STARTTLS checks the peer against it.
	if (state->tls_capable && resource) {
		set_url_name(*state, resource, resource_length);
	}

	auto *data =
		static_cast<php_xport_netstream *>(pecalloc(1, sizeof(php_xport_netstream), persistent));
	data->net.is_blocked = 1;
	data->net.timeout.tv_sec = FG(default_socket_timeout);
	data->net.timeout.tv_usec = 0;
	data->net.socket = -1;
	data->state = state;

	// The factory only allocates: PHP's stream layer connects or binds through set_option.
	php_stream *stream = php_stream_alloc_rel(
		traits->kind == TransportKind::kUdp ? &php_xport_udp_ops : &php_xport_tcp_ops, data,
		persistent_id, "r+");
	if (!stream) {
		delete state;
		pefree(data, persistent);
	}
	return stream;
}

} // namespace

extern "C" {

const char *const php_xport_transport_names[] = {
	"tcp", "udp", "ssl", "tls", "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3", "sslv2", "sslv3"};
const size_t php_xport_transport_count =
	sizeof php_xport_transport_names / sizeof php_xport_transport_names[0];

php_stream_transport_factory php_xport_factory_for(const char *name) noexcept
{
	return traits_for(name, strlen(name)) ? xport_socket_factory : nullptr;
}

} // extern "C"

bool xport::owns_stream(php_stream *stream) noexcept
{
	return stream->ops == &php_xport_tcp_ops || stream->ops == &php_xport_udp_ops;
}
