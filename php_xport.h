/* xport: PHP's Internet-domain stream transports, reimplemented. */
#ifndef PHP_XPORT_H
#define PHP_XPORT_H

#include "php.h"

#define PHP_XPORT_VERSION "0.1.0"

/* The default of xport.transports: every transport name xport implements. */
#define XPORT_ALL_TRANSPORTS "tcp,udp,ssl,tls,tlsv1.0,tlsv1.1,tlsv1.2,tlsv1.3,sslv2,sslv3"

extern zend_module_entry xport_module_entry;
#define phpext_xport_ptr &xport_module_entry

/* clang-format off */
ZEND_BEGIN_MODULE_GLOBALS(xport)
	/* Comma-separated transport names xport registers (system INI). */
	char *transports;
	/* Reject addresses PHP would accept silently (bad ports, empty hosts). */
	bool strict_addresses;
	/* Put the reasons of TLS failures into $errstr and the warnings. */
	bool verbose_errors;
	/* The reason of the last failed operation in this request, owned by the C++ side. */
	void *last_error;
	/* Client TLS sessions for resumption (xport::SessionCache), created on first use. */
	void *session_cache;
	/* SSL_CTX objects shared by streams with one configuration (xport::ContextCache). */
	void *context_cache;
ZEND_END_MODULE_GLOBALS(xport)
/* clang-format on */

ZEND_EXTERN_MODULE_GLOBALS(xport)

#define XPORT_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(xport, v)

#if defined(ZTS) && defined(COMPILE_DL_XPORT)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
