/* The C++ side of xport as the C module entry (xport.c) sees it. */
#ifndef XPORT_API_H
#define XPORT_API_H

#include "php.h"
#include "main/php_streams.h"

#ifdef __cplusplus
#define XPORT_NOEXCEPT noexcept
extern "C" {
#else
#define XPORT_NOEXCEPT
#endif

/* Transport names xport implements completely, in registration order. */
extern const char *const php_xport_transport_names[];
extern const size_t php_xport_transport_count;

/* The factory for a transport name, or NULL when xport does not implement it. */
php_stream_transport_factory php_xport_factory_for(const char *name) XPORT_NOEXCEPT;

/* Fills return_value with xport_stream_info()'s answer for a stream. */
void php_xport_stream_info(php_stream *stream, zval *return_value) XPORT_NOEXCEPT;

/* Fills return_value with xport_last_error()'s answer. */
void php_xport_last_error(zval *return_value) XPORT_NOEXCEPT;

/* Forgets the last error; called at request end. */
void php_xport_clear_last_error(void) XPORT_NOEXCEPT;

/* Frees the TLS session cache held in module globals; called when the globals go away. */
void php_xport_free_session_cache(void *cache) XPORT_NOEXCEPT;

/* Frees the SSL_CTX cache held in module globals. */
void php_xport_free_context_cache(void *cache) XPORT_NOEXCEPT;

/* The OpenSSL version xport was linked with, for phpinfo(). */
const char *php_xport_openssl_version(void) XPORT_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
