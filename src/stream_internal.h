// Helpers shared by the plain socket ops (stream_ops.cpp) and the TLS ops (tls_stream.cpp).
// Everything here runs on PHP's side of the line: callers hold no C++ objects with
// destructors while calling these.
#ifndef XPORT_STREAM_INTERNAL_H
#define XPORT_STREAM_INTERNAL_H

#include "stream_state.h"

extern "C" {
#include "main/php_streams.h"
}

namespace xport {

inline php_xport_netstream *netstream(php_stream *stream)
{
	return static_cast<php_xport_netstream *>(stream->abstract);
}

inline Micros stream_timeout(const php_netstream_data_t &net)
{
	return timeval_to_micros(net.timeout.tv_sec, net.timeout.tv_usec);
}

// The plain socket read and write ops, which TLS streams use until crypto is active.
ssize_t plain_read(php_stream *stream, char *buffer, size_t count) noexcept;
ssize_t plain_write(php_stream *stream, const char *buffer, size_t count) noexcept;

// Records a failed operation for xport_last_error().
void remember_failure(const StreamState &state, const char *operation, const char *target,
					  size_t target_length, int error_code,
					  const std::optional<std::string> &message,
					  const std::vector<AttemptRecord> *attempts = nullptr) noexcept;

// PHP_STREAM_OPTION_CRYPTO_API for TLS-capable streams.
int tls_crypto_option(php_stream *stream, php_stream_xport_crypto_param *param) noexcept;

// The TLS side of the stream ops, used while crypto is active.
ssize_t tls_read(php_stream *stream, char *buffer, size_t count) noexcept;
ssize_t tls_write(php_stream *stream, const char *buffer, size_t count) noexcept;
int tls_check_liveness(php_stream *stream, int value) noexcept;
void tls_add_metadata(php_stream *stream, zval *array) noexcept;
void tls_close(php_stream *stream) noexcept;
// Before a shutdown() of the writing side: sends close_notify when TLS is active.
void tls_before_shutdown(php_stream *stream, int how) noexcept;
// Moves bytes OpenSSL already decrypted into PHP's buffer so stream_select() sees them.
void tls_prepare_select(php_stream *stream) noexcept;

// After a connect: the immediate handshake of ssl://, tls:// and tlsv1.x://.
void tls_after_connect(php_stream *stream, php_stream_xport_param *xparam) noexcept;
// After an accept on a TLS listener: the server handshake; false when it failed (the
// client stream is closed then).
bool tls_after_accept(php_stream *listener, php_stream *client) noexcept;

// Adds the "tls" part of xport_stream_info().
void tls_add_info(const StreamState &state, zval *array) noexcept;

} // namespace xport

#endif
