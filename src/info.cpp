// xport_stream_info() and xport_last_error(): what xport knows that PHP's meta data lacks.
#include "stream_internal.h"

#include <openssl/crypto.h>
#include <sys/socket.h>

#include "address.h"
#include "xport_api.h"

using namespace xport;

namespace {

const char *family_name(int family)
{
	switch (family) {
		case AF_INET:
			return "ipv4";
		case AF_INET6:
			return "ipv6";
		default:
			return nullptr;
	}
}

const char *role_name(StreamRole role)
{
	switch (role) {
		case StreamRole::kClient:
			return "client";
		case StreamRole::kServer:
			return "server";
		case StreamRole::kAccepted:
			return "accepted";
		default:
			return "unconnected";
	}
}

// A socket name as text in a caller's buffer (no allocation that PHP could see fail).
size_t socket_name(int fd, bool peer, char *buffer, size_t size) noexcept
{
	sockaddr_storage address;
	socklen_t length = sizeof address;
	auto *generic = reinterpret_cast<sockaddr *>(&address);

	if (fd < 0 || (peer ? getpeername(fd, generic, &length) : getsockname(fd, generic, &length))) {
		return 0;
	}
	try {
		return format_socket_address(generic, length).copy(buffer, size - 1);
	} catch (...) {
		return 0;
	}
}

void add_socket_name(zval *array, const char *key, int fd, bool peer)
{
	char text[INET6_ADDRSTRLEN + 16];
	size_t length = socket_name(fd, peer, text, sizeof text);

	if (length > 0) {
		add_assoc_stringl(array, key, text, length);
	} else {
		add_assoc_null(array, key);
	}
}

void add_family(zval *array, int family)
{
	const char *name = family_name(family);

	if (name) {
		add_assoc_string(array, "family", name);
	} else {
		add_assoc_null(array, "family");
	}
}

void add_attempts(zval *array, const std::vector<AttemptRecord> &attempts)
{
	zval list;

	array_init_size(&list, static_cast<uint32_t>(attempts.size()));
	for (size_t i = 0; i < attempts.size(); i++) {
		const AttemptRecord &attempt = attempts[i];
		zval entry;
		array_init(&entry);
		add_assoc_stringl(&entry, "address", attempt.address.data(), attempt.address.size());
		add_family(&entry, attempt.family);
		add_assoc_string(&entry, "result",
						 attempt.abandoned ? "abandoned"
						 : attempt.pending
							 ? "in progress"
							 : (attempt.error ? strerror(attempt.error) : "connected"));
		add_assoc_long(&entry, "errno", attempt.error);
		add_assoc_double(&entry, "ms", attempt.milliseconds);
		add_next_index_zval(&list, &entry);
	}
	add_assoc_zval(array, "attempts", &list);
}

} // namespace

extern "C" void php_xport_stream_info(php_stream *stream, zval *return_value) noexcept
{
	if (!owns_stream(stream)) {
		RETURN_FALSE;
	}
	auto *data = static_cast<php_xport_netstream *>(stream->abstract);
	const StreamState &state = *data->state;

	array_init(return_value);
	add_assoc_string(return_value, "transport", state.transport_name());
	add_assoc_string(return_value, "role", role_name(state.info.role));
	add_family(return_value, state.info.family);
	add_socket_name(return_value, "local_address", data->net.socket, false);
	add_socket_name(return_value, "peer_address", data->net.socket, true);
	add_assoc_double(return_value, "resolve_ms", state.info.resolve_milliseconds);
	add_assoc_double(return_value, "connect_ms", state.info.connect_milliseconds);
	add_attempts(return_value, state.info.attempts);
	if (state.tls_capable) {
		tls_add_info(state, return_value);
	}
}

extern "C" void php_xport_last_error(zval *return_value) noexcept
{
	const OperationError *error = last_error();

	if (!error) {
		RETURN_NULL();
	}
	array_init(return_value);
	add_assoc_stringl(return_value, "operation", error->operation.data(), error->operation.size());
	add_assoc_stringl(return_value, "transport", error->transport.data(), error->transport.size());
	add_assoc_stringl(return_value, "target", error->target.data(), error->target.size());
	add_assoc_long(return_value, "errno", error->error_code);
	add_assoc_stringl(return_value, "message", error->message.data(), error->message.size());
	add_attempts(return_value, error->attempts);
}

extern "C" const char *php_xport_openssl_version(void) noexcept
{
	return OpenSSL_version(OPENSSL_VERSION);
}
