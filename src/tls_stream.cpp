// TLS on PHP's side: reading the `ssl` context options when PHP reads them, the handshake and
// I/O loops, and every warning, in PHP's words and order.
//
// As in stream_ops.cpp, no frame here that may call into the engine holds an object with a
// destructor; C++ work (tls.cpp) finishes first and leaves its results in the TlsSession.
#include "stream_internal.h"

extern "C" {
#include "ext/standard/file.h"
#include "ext/standard/url.h"
#include "main/php_network.h"
#include "main/php_open_temporary_file.h"
#include "Zend/zend_interfaces.h"
}

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <new>
#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>

#include "context_cache.h"
#include "php_xport.h"

namespace xport {

namespace {

// ext/openssl's default cipher list for streams (Debian builds PHP without the system list).
const char kDefaultCiphers[] =
	"ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:"
	"ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:"
	"DHE-DSS-AES128-GCM-SHA256:kEDH+AESGCM:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:"
	"ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384:"
	"ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA:"
	"DHE-DSS-AES128-SHA256:DHE-RSA-AES256-SHA256:DHE-DSS-AES256-SHA:DHE-RSA-AES256-SHA:"
	"AES128-GCM-SHA256:AES256-GCM-SHA384:AES128:AES256:HIGH:!SSLv2:!aNULL:!eNULL:!EXPORT:!DES:"
	"!MD5:!RC4:!ADH";

constexpr int kFailure = -1;

void prepare_session_cache(php_stream *stream, php_xport_netstream *data, TlsSession &session,
						   int method);

// --- Context options, converted as ext/openssl converts them ---------------------------------

zval *ssl_option(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : nullptr;
}

// Present, and a string after PHP's in-place conversion.
zval *ssl_string_option(php_stream *stream, const char *name)
{
	zval *value = ssl_option(stream, name);

	return value && try_convert_to_string(value) ? value : nullptr;
}

bool ssl_option_true(php_stream *stream, const char *name)
{
	zval *value = ssl_option(stream, name);

	return value && zend_is_true(value);
}

// Absent or true: the options PHP turns on unless told otherwise.
bool ssl_option_default_on(php_stream *stream, const char *name)
{
	zval *value = ssl_option(stream, name);

	return !value || zend_is_true(value);
}

bool ssl_option_false(php_stream *stream, const char *name)
{
	zval *value = ssl_option(stream, name);

	return value && !zend_is_true(value);
}

const char *ini_path(const char *name, size_t length)
{
	const char *value = zend_ini_string(const_cast<char *>(name), length, 0);

	return value && *value ? value : nullptr;
}

// ext/openssl's path check: resolves the path, refuses NUL bytes, honours open_basedir.
bool check_path(const char *path, size_t length, char *resolved, const char *option,
				bool from_array = false)
{
	const char *problem = nullptr;

	if (length == 0) {
		resolved[0] = '\0';
		return true;
	}
	if (strlen(path) != length) {
		problem = "must not contain any null bytes";
	} else if (!expand_filepath(path, resolved)) {
		problem = "must be a valid file path";
	}
	if (problem) {
		php_error_docref(nullptr, E_WARNING, "Path for %s %s %s", option,
						 from_array ? "array item" : "option", problem);
		return false;
	}
	return php_check_open_basedir(resolved) == 0;
}

// --- Session bookkeeping -----------------------------------------------------------------------

TlsSession *new_session(StreamState &state) noexcept
{
	state.tls.reset(new (std::nothrow) TlsSession);
	return state.tls.get();
}

void discard_session(StreamState &state) noexcept
{
	state.tls.reset();
}

bool set_string(std::string &target, const char *text, size_t length) noexcept
{
	try {
		target.assign(text, length);
		return true;
	} catch (...) {
		return false;
	}
}

// --- Setup: building the SSL_CTX and SSL in ext/openssl's order --------------------------------

// Reads a CA file through PHP's streams when OpenSSL cannot open it (e.g. a phar:// path).
bool load_stream_cafile(SSL_CTX *context, const char *cafile, TlsSession &session)
{
	php_stream *file = php_stream_open_wrapper(const_cast<char *>(cafile), "rb", 0, nullptr);

	if (!file) {
		zend_error(E_WARNING, "failed loading cafile stream: `%s'", cafile);
		return false;
	}
	if (file->wrapper && file->wrapper->is_url) {
		php_stream_close(file);
		zend_error(E_WARNING, "remote cafile streams are disabled for security purposes");
		return false;
	}
	// The wrapper's contents have no file identity to key a shared context on.
	session.context_uncacheable = true;
	zend_string *contents = php_stream_copy_to_mem(file, PHP_STREAM_COPY_ALL, 0);
	php_stream_close(file);

	long added = 0;
	if (contents) {
		if (set_string(session.message, ZSTR_VAL(contents), ZSTR_LEN(contents))) {
			added = add_pem_certificates(context, session.message);
		}
		zend_string_release(contents);
	}
	if (added == 0) {
		zend_error(E_WARNING, "no valid certs found cafile stream: `%s'", cafile);
		return false;
	}
	return true;
}

bool enable_peer_verification(php_stream *stream, SSL_CTX *context, TlsSession &session)
{
	zval *cafile_option = ssl_string_option(stream, "cafile");
	zval *capath_option = ssl_string_option(stream, "capath");
	const char *cafile = cafile_option ? Z_STRVAL_P(cafile_option) : nullptr;
	const char *capath = capath_option ? Z_STRVAL_P(capath_option) : nullptr;

	if (!cafile) {
		cafile = ini_path(ZEND_STRL("openssl.cafile"));
	} else if (!session.is_client) {
		// Servers announce the names of the CAs they accept.
		STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(cafile);
		if (!names) {
			zend_error(E_WARNING, "SSL: failed loading CA names from cafile");
			return false;
		}
		SSL_CTX_set_client_CA_list(context, names);
	}
	if (!capath) {
		capath = ini_path(ZEND_STRL("openssl.capath"));
	}

	if (cafile || capath) {
		if (!load_verify_locations(context, cafile, capath) && cafile &&
			!load_stream_cafile(context, cafile, session)) {
			return false;
		}
	} else if (session.is_client && !SSL_CTX_set_default_verify_paths(context)) {
		php_error_docref(nullptr, E_WARNING,
						 "Unable to set default verify locations and no CA settings specified");
		return false;
	}

	require_peer_verification(context);
	session.allow_self_signed = ssl_option_true(stream, "allow_self_signed");
	zval *depth = ssl_option(stream, "verify_depth");
	session.verify_depth = depth ? static_cast<unsigned long>(zval_get_long(depth)) : 9;
	return true;
}

bool set_local_certificate(php_stream *stream, SSL_CTX *context, bool &mismatch_noted)
{
	zval *certificate = ssl_string_option(stream, "local_cert");
	char resolved[MAXPATHLEN];

	if (!certificate) {
		return true;
	}
	const char *certificate_path = Z_STRVAL_P(certificate);
	if (!check_path(certificate_path, Z_STRLEN_P(certificate), resolved,
					"local_cert in ssl stream context")) {
		php_error_docref(nullptr, E_WARNING, "Unable to get real path of certificate file `%s'",
						 certificate_path);
		return false;
	}
	if (SSL_CTX_use_certificate_chain_file(context, resolved) != 1) {
		php_error_docref(nullptr, E_WARNING,
						 "Unable to set local cert chain file `%s'; Check that your cafile/capath "
						 "settings include details of your certificate and its issuer",
						 certificate_path);
		return false;
	}

	// Without local_pk, the key is read from the certificate file.
	zval *key = ssl_string_option(stream, "local_pk");
	if (key &&
		!check_path(Z_STRVAL_P(key), Z_STRLEN_P(key), resolved, "local_pk in ssl stream context")) {
		php_error_docref(nullptr, E_WARNING, "Unable to get real path of private key file `%s'",
						 Z_STRVAL_P(key));
		return false;
	}
	if (SSL_CTX_use_PrivateKey_file(context, resolved, SSL_FILETYPE_PEM) != 1) {
		php_error_docref(nullptr, E_WARNING, "Unable to set private key file `%s'", resolved);
		return false;
	}
	if (!SSL_CTX_check_private_key(context)) {
		php_error_docref(nullptr, E_WARNING, "Private key does not match certificate!");
		mismatch_noted = true;
	}
	return true;
}

bool set_server_options(php_stream *stream, SSL_CTX *context)
{
	uint64_t options = SSL_CTX_get_options(context);

	if (ssl_option(stream, "rsa_key_size")) {
		php_error_docref(nullptr, E_WARNING, "rsa_key_size context option has been removed");
	}
	zval *dh_param = ssl_option(stream, "dh_param");
	if (dh_param) {
		if (!try_convert_to_string(dh_param)) {
			return false;
		}
		switch (load_dh_parameters(context, Z_STRVAL_P(dh_param))) {
			case 1:
				php_error_docref(nullptr, E_WARNING, "Invalid dh_param");
				return false;
			case 2:
				php_error_docref(nullptr, E_WARNING, "Failed reading DH params");
				return false;
			case 3:
				php_error_docref(nullptr, E_WARNING, "Failed assigning DH params");
				return false;
		}
	}
	if (ssl_option_default_on(stream, "single_dh_use")) {
		options |= SSL_OP_SINGLE_DH_USE;
	}
	if (ssl_option_default_on(stream, "honor_cipher_order")) {
		options |= SSL_OP_CIPHER_SERVER_PREFERENCE;
	}
	SSL_CTX_set_options(context, options);
	return true;
}

// Cache keys (see "Shared contexts" below).
void append_key(std::string &key, const char *text, size_t length) noexcept;
void append_key_text(std::string &key, const char *text);
void append_key_value(std::string &key, zval *value, int depth);
void append_file_identity(std::string &key, const char *path);

// The context of one SNI_server_certs entry, shared like the main context: keyed on both
// files' paths and identities, so a renewed certificate gets a new one, and a failed build
// is never kept.
SslCtxPtr obtain_sni_context(TlsSession &session, const char *cert, const char *key)
{
	std::string cache_key;
	append_key_text(cache_key, "sni");
	append_key_text(cache_key, cert);
	append_file_identity(cache_key, cert);
	append_key_text(cache_key, key);
	append_file_identity(cache_key, key);

	ContextCache *cache = context_cache();
	ContextCache::Notes notes;
	if (cache && !cache_key.empty()) {
		if (SSL_CTX *shared = cache->find(cache_key, notes)) {
			return SslCtxPtr(shared);
		}
	}
	SslCtxPtr context = new_sni_context(session, cert, key);
	if (context && cache && !cache_key.empty()) {
		cache->put(cache_key, context.get(), notes);
	}
	return context;
}

bool add_sni_entry(TlsSession &session, zend_string *name, const char *cert, const char *key)
{
	bool added = false;

	try {
		SslCtxPtr context = obtain_sni_context(session, cert, key);
		if (context) {
			session.sni_contexts.emplace_back(std::string(ZSTR_VAL(name), ZSTR_LEN(name)),
											  std::move(context));
			added = true;
		}
	} catch (...) {
		session.message = "Out of memory";
	}
	if (!added) {
		php_error_docref(nullptr, E_WARNING, "%s", session.message.c_str());
	}
	return added;
}

// One file of an SNI_server_certs array entry ('local_cert' or 'local_pk'), path-checked.
bool resolve_sni_file(zval *entry, const char *field, const char *option, const char *failure,
					  char *resolved)
{
	zval *value = zend_hash_str_find(Z_ARRVAL_P(entry), field, strlen(field));

	if (!value) {
		php_error_docref(nullptr, E_WARNING, "%s not present in the array", field);
		return false;
	}
	zend_string *path = zval_try_get_string(value);
	if (!path) {
		return false;
	}
	bool found = check_path(ZSTR_VAL(path), ZSTR_LEN(path), resolved, option);
	if (!found) {
		php_error_docref(nullptr, E_WARNING, failure, ZSTR_VAL(path));
	}
	zend_string_release(path);
	return found;
}

// One SNI_server_certs entry: a path to a PEM holding both, or ['local_cert', 'local_pk'].
bool add_sni_certificate(TlsSession &session, zend_string *name, zval *entry)
{
	char cert_path[MAXPATHLEN], key_path[MAXPATHLEN];

	if (Z_TYPE_P(entry) != IS_ARRAY) {
		if (Z_TYPE_P(entry) != IS_STRING ||
			!check_path(Z_STRVAL_P(entry), Z_STRLEN_P(entry), cert_path,
						"SNI_server_certs in ssl stream context")) {
			php_error_docref(nullptr, E_WARNING,
							 "Failed setting local cert chain file `%s'; file not found",
							 Z_TYPE_P(entry) == IS_STRING ? Z_STRVAL_P(entry) : "");
			return false;
		}
		return add_sni_entry(session, name, cert_path, cert_path);
	}

	return resolve_sni_file(
			   entry, "local_cert", "SNI_server_certs local_cert in ssl stream context",
			   "Failed setting local cert chain file `%s'; could not open file", cert_path) &&
		   resolve_sni_file(entry, "local_pk", "SNI_server_certs local_pk in ssl stream context",
							"Failed setting local private key file `%s';  could not open file",
							key_path) &&
		   add_sni_entry(session, name, cert_path, key_path);
}

bool enable_server_sni(php_stream *stream, TlsSession &session)
{
	if (ssl_option_false(stream, "SNI_enabled")) {
		return true;
	}
	zval *certs = ssl_option(stream, "SNI_server_certs");
	if (!certs) {
		return true;
	}
	if (Z_TYPE_P(certs) != IS_ARRAY) {
		php_error_docref(nullptr, E_WARNING,
						 "SNI_server_certs requires an array mapping host names to cert paths");
		return false;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(certs)) == 0) {
		php_error_docref(nullptr, E_WARNING, "SNI_server_certs host cert array must not be empty");
		return false;
	}

	zend_string *name;
	zval *entry;
	ZEND_HASH_FOREACH_STR_KEY_VAL (Z_ARRVAL_P(certs), name, entry) {
		if (!name) {
			php_error_docref(nullptr, E_WARNING,
							 "SNI_server_certs array requires string host name keys");
			return false;
		}
		if (!add_sni_certificate(session, name, entry)) {
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();

	use_server_sni(session.context.get(), session);
	return true;
}

void init_renegotiation_limit(php_stream *stream, TlsSession &session)
{
	zval *value = ssl_option(stream, "reneg_limit");
	long limit = value ? static_cast<long>(zval_get_long(value)) : 2;

	if (limit < 0) {
		return; // no limit
	}
	value = ssl_option(stream, "reneg_window");
	long window = value ? static_cast<long>(zval_get_long(value)) : 300;
	session.renegotiation.emplace();
	session.renegotiation->limit = limit;
	session.renegotiation->window = window;
	watch_renegotiation(session.ssl.get());
}

void copy_session_from(php_stream *other, SSL *ssl)
{
	StreamState *state = owns_stream(other) ? netstream(other)->state : nullptr;

	if (!state || !state->tls_capable) {
		php_error_docref(nullptr, E_WARNING,
						 "Supplied session stream must be an SSL enabled stream");
	} else if (!state->tls || !state->tls->ssl) {
		php_error_docref(nullptr, E_WARNING, "Supplied SSL session stream is not initialized");
	} else {
		SSL_copy_session_id(ssl, state->tls->ssl.get());
	}
}

// Client ALPN offer or server ALPN selection; false (with PHP's warning) for a bad list.
bool set_alpn(php_stream *stream, SSL_CTX *context, TlsSession &session)
{
	zval *protocols = ssl_string_option(stream, "alpn_protocols");
	bool parsed = false;

	if (!protocols) {
		return true;
	}
	try {
		std::optional<std::string> wire = alpn_wire_format(Z_STRVAL_P(protocols));
		if (wire) {
			session.server_alpn = *wire;
			parsed = true;
		}
	} catch (...) {
	}
	if (!parsed) {
		php_error_docref(nullptr, E_WARNING,
						 "Failed parsing comma-separated TLS ALPN protocol string");
		return false;
	}
	if (session.is_client) {
		SSL_CTX_set_alpn_protos(context,
								reinterpret_cast<const unsigned char *>(session.server_alpn.data()),
								static_cast<unsigned int>(session.server_alpn.size()));
	} else {
		use_server_alpn(context, session);
	}
	return true;
}

bool set_ciphers_and_level(php_stream *stream, SSL_CTX *context)
{
	zval *ciphers = ssl_string_option(stream, "ciphers");

	if (SSL_CTX_set_cipher_list(context, ciphers ? Z_STRVAL_P(ciphers) : kDefaultCiphers) != 1) {
		ERR_clear_error();
		// ext/openssl fails silently here; saying which option is wrong costs nothing.
		php_error_docref(nullptr, E_WARNING,
						 "Invalid \"ciphers\" ssl context option: OpenSSL accepts none of \"%s\"",
						 ciphers ? Z_STRVAL_P(ciphers) : kDefaultCiphers);
		return false;
	}
	// TLS 1.3 suites and key exchange groups: options PHP 8.2 does not have.
	zval *suites = ssl_string_option(stream, "ciphersuites");
	if (suites && SSL_CTX_set_ciphersuites(context, Z_STRVAL_P(suites)) != 1) {
		ERR_clear_error();
		php_error_docref(
			nullptr, E_WARNING,
			"Invalid \"ciphersuites\" ssl context option: OpenSSL accepts none of \"%s\"",
			Z_STRVAL_P(suites));
		return false;
	}
	zval *groups = ssl_string_option(stream, "groups");
	if (groups && SSL_CTX_set1_groups_list(context, Z_STRVAL_P(groups)) != 1) {
		ERR_clear_error();
		php_error_docref(nullptr, E_WARNING,
						 "Invalid \"groups\" ssl context option: OpenSSL does not know \"%s\"",
						 Z_STRVAL_P(groups));
		return false;
	}
	zval *level = ssl_option(stream, "security_level");
	if (level) {
		zend_long value = zval_get_long(level);
		if (value < 0 || value > 5) {
			php_error_docref(nullptr, E_WARNING, "Security level must be between 0 and 5");
		}
		SSL_CTX_set_security_level(context, static_cast<int>(value));
	}
	return true;
}

uint64_t context_options(php_stream *stream)
{
	uint64_t options = SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS;

	if (ssl_option_true(stream, "no_ticket")) {
		options |= SSL_OP_NO_TICKET;
	}
	// A peer closing without close_notify is an ordinary end of stream, as in PHP 8.1+.
	options |= SSL_OP_IGNORE_UNEXPECTED_EOF;
	if (ssl_option_default_on(stream, "disable_compression")) {
		options |= SSL_OP_NO_COMPRESSION;
	}
	return options;
}

// Builds the SSL_CTX in ext/openssl's order, so that the first failure and its warning are
// the same as PHP's.
bool build_context(php_stream *stream, TlsSession &session, int method_flags)
{
	SSL_CTX *context = new_context(session, session.is_client);

	if (!context) {
		php_error_docref(nullptr, E_WARNING, "SSL context creation failure");
		return false;
	}
	zval *value = ssl_option(stream, "min_proto_version");
	long min_proto = value ? static_cast<long>(zval_get_long(value)) : 0;
	value = ssl_option(stream, "max_proto_version");
	long max_proto = value ? static_cast<long>(zval_get_long(value)) : 0;
	VersionRange range = version_range(method_flags, min_proto, max_proto);
	uint64_t options = context_options(stream);

	if (ssl_option_false(stream, "verify_peer")) {
		SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
	} else if (!enable_peer_verification(stream, context, session)) {
		return false;
	}
	zval *passphrase = ssl_string_option(stream, "passphrase");
	if (passphrase) {
		session.has_passphrase =
			set_string(session.passphrase, Z_STRVAL_P(passphrase), Z_STRLEN_P(passphrase));
		use_passphrase(context, session);
	}
	if (!set_ciphers_and_level(stream, context) || !set_alpn(stream, context, session) ||
		!set_local_certificate(stream, context, session.key_mismatch)) {
		return false;
	}
	SSL_CTX_set_options(context, options);
	SSL_CTX_set_min_proto_version(context, range.min_version);
	SSL_CTX_set_max_proto_version(context, range.max_version);
	return session.is_client || !PHP_STREAM_CONTEXT(stream) || set_server_options(stream, context);
}

// --- Shared contexts ----------------------------------------------------------------------------

// Every option that goes into the SSL_CTX, and the identity of every file it reads.
const char *const kContextKeyOptions[] = {
	"verify_peer",
	"cafile",
	"capath",
	"passphrase",
	"ciphers",
	"ciphersuites",
	"groups",
	"security_level",
	"alpn_protocols",
	"local_cert",
	"local_pk",
	"no_ticket",
	"disable_compression",
	"min_proto_version",
	"max_proto_version",
	"dh_param",
	"single_dh_use",
	"honor_cipher_order",
};

void compute_context_key(php_stream *stream, TlsSession &session, int method_flags)
{
	std::string &key = session.context_key;
	char number[32];

	snprintf(number, sizeof number, "%c%d", session.is_client ? 'c' : 's', method_flags);
	append_key_text(key, number);
	for (const char *name : kContextKeyOptions) {
		zval *value = ssl_option(stream, name);
		append_key_text(key, name);
		if (value) {
			append_key_value(key, value, 0);
		} else {
			append_key_text(key, "-");
		}
	}
	const char *files[] = {"cafile", "capath", "local_cert", "local_pk", "dh_param"};
	for (const char *name : files) {
		zval *value = ssl_option(stream, name);
		append_file_identity(key,
							 value && Z_TYPE_P(value) == IS_STRING ? Z_STRVAL_P(value) : nullptr);
	}
	const char *ca_ini = ini_path(ZEND_STRL("openssl.cafile"));
	const char *capath_ini = ini_path(ZEND_STRL("openssl.capath"));
	append_key_text(key, ca_ini ? ca_ini : "-");
	append_file_identity(key, ca_ini);
	append_key_text(key, capath_ini ? capath_ini : "-");
	append_key_text(key, PHP_STREAM_CONTEXT(stream) ? "ctx" : "no-ctx");
}

// A stream that finds its context built already still says and checks what a cold build
// would have, in the same order: the first hit behaves exactly like a cold build.
bool replay_cold_build(php_stream *stream, TlsSession &session, const ContextCache::Notes &notes)
{
	char resolved[MAXPATHLEN];

	if (!ssl_option_false(stream, "verify_peer")) {
		session.allow_self_signed = ssl_option_true(stream, "allow_self_signed");
		zval *depth = ssl_option(stream, "verify_depth");
		session.verify_depth = depth ? static_cast<unsigned long>(zval_get_long(depth)) : 9;
	}
	zval *level = ssl_option(stream, "security_level");
	if (level) {
		zend_long value = zval_get_long(level);
		if (value < 0 || value > 5) {
			php_error_docref(nullptr, E_WARNING, "Security level must be between 0 and 5");
		}
	}
	zval *protocols = ssl_string_option(stream, "alpn_protocols");
	if (protocols && !session.is_client) {
		try {
			session.server_alpn = alpn_wire_format(Z_STRVAL_P(protocols)).value_or(std::string());
		} catch (...) {
		}
	}
	// open_basedir may differ from one request to the next: PHP's checks run every time.
	zval *certificate = ssl_string_option(stream, "local_cert");
	if (certificate) {
		if (!check_path(Z_STRVAL_P(certificate), Z_STRLEN_P(certificate), resolved,
						"local_cert in ssl stream context")) {
			php_error_docref(nullptr, E_WARNING, "Unable to get real path of certificate file `%s'",
							 Z_STRVAL_P(certificate));
			return false;
		}
		zval *key = ssl_string_option(stream, "local_pk");
		if (key && !check_path(Z_STRVAL_P(key), Z_STRLEN_P(key), resolved,
							   "local_pk in ssl stream context")) {
			php_error_docref(nullptr, E_WARNING, "Unable to get real path of private key file `%s'",
							 Z_STRVAL_P(key));
			return false;
		}
		if (notes.key_mismatch) {
			php_error_docref(nullptr, E_WARNING, "Private key does not match certificate!");
		}
	}
	if (!session.is_client && PHP_STREAM_CONTEXT(stream) && ssl_option(stream, "rsa_key_size")) {
		php_error_docref(nullptr, E_WARNING, "rsa_key_size context option has been removed");
	}
	return true;
}

// Takes the shared context for this configuration, or builds it and shares it.
bool obtain_context(php_stream *stream, TlsSession &session, int method_flags)
{
	ContextCache *cache = context_cache();
	ContextCache::Notes notes;

	compute_context_key(stream, session, method_flags);
	SSL_CTX *shared =
		cache && !session.context_key.empty() ? cache->find(session.context_key, notes) : nullptr;
	if (shared) {
		session.context.reset(shared);
		return replay_cold_build(stream, session, notes);
	}
	if (!build_context(stream, session, method_flags)) {
		return false;
	}
	SSL_CTX *context = session.context.get();
	// The passphrase was needed while the key loaded; the shared context must not keep a
	// pointer to this stream's session.
	SSL_CTX_set_default_passwd_cb_userdata(context, nullptr);
	SSL_CTX_set_default_passwd_cb(context, nullptr);
	if (!session.is_client) {
		set_session_id_context(context, session.context_key);
	}
	if (cache && !session.context_key.empty() && !session.context_uncacheable) {
		notes.key_mismatch = session.key_mismatch;
		cache->put(session.context_key, context, notes);
	}
	return true;
}

void report_ssl_failure(const SslOutcome &outcome)
{
	if (!outcome.warning.empty()) {
		php_error_docref(nullptr, E_WARNING, "%s", outcome.warning.c_str());
	}
}

int setup_crypto(php_stream *stream, int method, php_stream *session_stream)
{
	php_xport_netstream *data = netstream(stream);
	StreamState &state = *data->state;

	if (state.tls && state.tls->ssl) {
		if (data->net.is_blocked) {
			php_error_docref(nullptr, E_WARNING, "SSL/TLS already set-up for this stream");
			return kFailure;
		}
		return 0; // a non-blocking handshake in progress resumes
	}
	ERR_clear_error();
	TlsSession *session = new_session(state);
	if (!session) {
		return kFailure;
	}
	session->is_client = method & kCryptoClient;
	if (!obtain_context(stream, *session, method & ~kCryptoClient)) {
		discard_session(state);
		return kFailure;
	}

	session->ssl.reset(SSL_new(session->context.get()));
	SSL *ssl = session->ssl.get();
	if (!ssl) {
		php_error_docref(nullptr, E_WARNING, "SSL handle creation failure");
		discard_session(state);
		return kFailure;
	}
	SSL_set_app_data(ssl, session);
	if (!SSL_set_fd(ssl, data->net.socket)) {
		report_ssl_failure(classify(ssl, 0, errno, true, true));
	}
	record_first_bytes(ssl, *session);
	watch_alerts(ssl);
	if (!session->is_client) {
		if (!enable_server_sni(stream, *session)) {
			discard_session(state);
			return kFailure;
		}
		init_renegotiation_limit(stream, *session);
	}
	SSL_set_mode(ssl, SSL_MODE_RELEASE_BUFFERS);
	if (session_stream) {
		copy_session_from(session_stream, ssl);
	} else {
		prepare_session_cache(stream, data, *session, method);
	}
	return 0;
}

// --- The client session cache key --------------------------------------------------------------

// Everything that shapes the ClientHello or the acceptance of the peer: a session made under
// one of these settings must never be offered under another.
const char *const kSessionKeyOptions[] = {
	"verify_peer",
	"verify_peer_name",
	"allow_self_signed",
	"verify_depth",
	"peer_name",
	"peer_fingerprint",
	"cafile",
	"capath",
	"local_cert",
	"local_pk",
	"ciphers",
	"ciphersuites",
	"groups",
	"security_level",
	"alpn_protocols",
	"SNI_enabled",
	"no_ticket",
	"min_proto_version",
	"max_proto_version",
	"disable_compression",
	"crypto_method",
};

void append_key(std::string &key, const char *text, size_t length) noexcept
{
	try {
		key += std::to_string(length);
		key += ':';
		key.append(text, length);
	} catch (...) {
		key.clear();
	}
}

void append_key_text(std::string &key, const char *text)
{
	append_key(key, text, strlen(text));
}

// A value's canonical text for the key; arrays recurse, objects count by class only.
void append_key_value(std::string &key, zval *value, int depth)
{
	char number[64];

	ZVAL_DEREF(value);
	switch (Z_TYPE_P(value)) {
		case IS_STRING:
			append_key_text(key, "s");
			append_key(key, Z_STRVAL_P(value), Z_STRLEN_P(value));
			return;
		case IS_LONG:
			snprintf(number, sizeof number, "i" ZEND_LONG_FMT, Z_LVAL_P(value));
			append_key_text(key, number);
			return;
		case IS_DOUBLE:
			snprintf(number, sizeof number, "d%.17g", Z_DVAL_P(value));
			append_key_text(key, number);
			return;
		case IS_ARRAY: {
			zend_string *name;
			zend_ulong index;
			zval *entry;
			append_key_text(key, "a");
			if (depth > 4) {
				return;
			}
			ZEND_HASH_FOREACH_KEY_VAL (Z_ARRVAL_P(value), index, name, entry) {
				if (name) {
					append_key(key, ZSTR_VAL(name), ZSTR_LEN(name));
				} else {
					snprintf(number, sizeof number, "%lu", static_cast<unsigned long>(index));
					append_key_text(key, number);
				}
				append_key_value(key, entry, depth + 1);
			}
			ZEND_HASH_FOREACH_END();
			return;
		}
		case IS_OBJECT:
			append_key_text(key, "o");
			append_key(key, ZSTR_VAL(Z_OBJCE_P(value)->name), ZSTR_LEN(Z_OBJCE_P(value)->name));
			return;
		default:
			snprintf(number, sizeof number, "t%d", Z_TYPE_P(value));
			append_key_text(key, number);
	}
}

// A file's identity, so that a renewed certificate or CA bundle gives a new key.
void append_file_identity(std::string &key, const char *path)
{
	zend_stat_t info;
	char identity[160];

	if (!path || VCWD_STAT(path, &info) != 0) {
		append_key_text(key, "-");
		return;
	}
	// Size and times to the nanosecond, and ctime too: a certificate rewritten in place within
	// a second, even at the same size, gets a new key.
	snprintf(identity, sizeof identity, "%lu:%lu:%ld:%ld.%09ld:%ld.%09ld",
			 static_cast<unsigned long>(info.st_dev), static_cast<unsigned long>(info.st_ino),
			 static_cast<long>(info.st_size), static_cast<long>(info.st_mtim.tv_sec),
			 static_cast<long>(info.st_mtim.tv_nsec), static_cast<long>(info.st_ctim.tv_sec),
			 static_cast<long>(info.st_ctim.tv_nsec));
	append_key_text(key, identity);
}

void append_peer_address(std::string &key, int fd)
{
	sockaddr_storage address;
	socklen_t length = sizeof address;
	char text[INET6_ADDRSTRLEN];

	if (getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0 ||
		!inet_ntop(address.ss_family,
				   address.ss_family == AF_INET6
					   ? static_cast<void *>(&reinterpret_cast<sockaddr_in6 *>(&address)->sin6_addr)
					   : static_cast<void *>(&reinterpret_cast<sockaddr_in *>(&address)->sin_addr),
				   text, sizeof text)) {
		append_key_text(key, "?");
		return;
	}
	append_key_text(key, text);
	snprintf(text, sizeof text, "%u",
			 ntohs(address.ss_family == AF_INET6
					   ? reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port
					   : reinterpret_cast<sockaddr_in *>(&address)->sin_port));
	append_key_text(key, text);
}

// Client streams resume sessions unless 'xport_session_cache' => false.
void prepare_session_cache(php_stream *stream, php_xport_netstream *data, TlsSession &session,
						   int method)
{
	char number[32];

	if (!session.is_client || ssl_option_false(stream, "xport_session_cache")) {
		return;
	}
	append_peer_address(session.cache_key, data->net.socket);
	const std::optional<std::string> &url_name = data->state->url_name;
	append_key(session.cache_key, url_name ? url_name->data() : "",
			   url_name ? url_name->size() : 0);
	snprintf(number, sizeof number, "m%d", method);
	append_key_text(session.cache_key, number);
	for (const char *name : kSessionKeyOptions) {
		zval *value = ssl_option(stream, name);
		append_key_text(session.cache_key, name);
		if (value) {
			append_key_value(session.cache_key, value, 0);
		} else {
			append_key_text(session.cache_key, "-");
		}
	}
	const char *files[] = {"cafile", "capath", "local_cert", "local_pk"};
	for (const char *name : files) {
		zval *value = ssl_string_option(stream, name);
		append_file_identity(session.cache_key, value ? Z_STRVAL_P(value) : nullptr);
	}
	const char *ca_ini = ini_path(ZEND_STRL("openssl.cafile"));
	const char *capath_ini = ini_path(ZEND_STRL("openssl.capath"));
	append_key_text(session.cache_key, ca_ini ? ca_ini : "-");
	append_file_identity(session.cache_key, ca_ini);
	append_key_text(session.cache_key, capath_ini ? capath_ini : "-");
	if (!session.cache_key.empty()) {
		use_client_session_cache(session.context.get());
	}
}

// --- The handshake --------------------------------------------------------------------------

bool is_ip_literal(const char *name)
{
	unsigned char address[16];

	return inet_pton(AF_INET, name, address) == 1 || inet_pton(AF_INET6, name, address) == 1;
}

// Client SNI: peer_name, else the host of the URL, unless disabled. No SNI for an IP
// literal: RFC 6066 forbids it, and servers pick certificates by host name only.
void send_client_sni(php_stream *stream, StreamState &state, TlsSession &session)
{
	if (ssl_option_false(stream, "SNI_enabled")) {
		return;
	}
	zval *peer_name = ssl_string_option(stream, "peer_name");
	const char *name =
		peer_name ? Z_STRVAL_P(peer_name) : (state.url_name ? state.url_name->c_str() : nullptr);
	if (!name || is_ip_literal(name)) {
		return;
	}
	SSL_set_tlsext_host_name(session.ssl.get(), name);
	set_string(session.sni_sent, name, strlen(name));
}

zend_class_entry *certificate_class()
{
	return static_cast<zend_class_entry *>(
		zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("opensslcertificate")));
}

// ext/openssl's OpenSSLCertificate keeps its X509 pointer right before the zend_object.
struct CertificateObjectLayout {
	X509 *x509;
	zend_object std;
};

// Wraps `certificate` (owned from now on) in an OpenSSLCertificate; false when ext/openssl's
// class is missing or laid out differently than expected.
bool make_certificate_object(zval *target, X509 *certificate)
{
	zend_class_entry *ce = certificate_class();

	if (!ce) {
		X509_free(certificate);
		return false;
	}
	object_init_ex(target, ce);
	zend_object *object = Z_OBJ_P(target);
	if (object->handlers->offset != static_cast<int>(offsetof(CertificateObjectLayout, std))) {
		zval_ptr_dtor(target);
		X509_free(certificate);
		return false;
	}
	auto *layout = reinterpret_cast<CertificateObjectLayout *>(reinterpret_cast<char *>(object) -
															   object->handlers->offset);
	layout->x509 = certificate;
	return true;
}

// Writes ssl.peer_certificate and ssl.peer_certificate_chain back into the context.
void capture_peer_certificates(php_stream *stream, SSL *ssl, X509 *peer)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval value;

	if (!context) {
		return;
	}
	if (ssl_option_true(stream, "capture_peer_cert") && X509_up_ref(peer) &&
		make_certificate_object(&value, peer)) {
		php_stream_context_set_option(context, "ssl", "peer_certificate", &value);
		zval_ptr_dtor(&value);
	}
	if (ssl_option_true(stream, "capture_peer_cert_chain")) {
		STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
		if (chain && sk_X509_num(chain) > 0) {
			array_init(&value);
			for (int i = 0; i < sk_X509_num(chain); i++) {
				zval certificate;
				if (make_certificate_object(&certificate, X509_dup(sk_X509_value(chain, i)))) {
					add_next_index_zval(&value, &certificate);
				}
			}
		} else {
			ZVAL_NULL(&value);
		}
		php_stream_context_set_option(context, "ssl", "peer_certificate_chain", &value);
		zval_ptr_dtor(&value);
	}
}

bool fingerprint_matches(X509 *peer, const char *algorithm, const char *expected)
{
	bool known = false, equal = false;

	try {
		std::optional<std::string> digest = certificate_digest(peer, algorithm);
		known = digest.has_value();
		equal = known && strcasecmp(digest->c_str(), expected) == 0;
	} catch (...) {
	}
	if (!known) {
		php_error_docref(nullptr, E_WARNING, "Unknown digest algorithm");
	}
	return equal;
}

bool check_fingerprint(X509 *peer, zval *expected)
{
	if (Z_TYPE_P(expected) == IS_STRING) {
		const char *algorithm = Z_STRLEN_P(expected) == 32   ? "md5"
								: Z_STRLEN_P(expected) == 40 ? "sha1"
															 : nullptr;
		return algorithm && fingerprint_matches(peer, algorithm, Z_STRVAL_P(expected));
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(expected)) == 0) {
		php_error_docref(nullptr, E_WARNING,
						 "Invalid peer_fingerprint array; [algo => fingerprint] form required");
		return false;
	}
	zend_string *algorithm;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL (Z_ARRVAL_P(expected), algorithm, value) {
		if (!algorithm || Z_TYPE_P(value) != IS_STRING) {
			php_error_docref(nullptr, E_WARNING,
							 "Invalid peer_fingerprint array; [algo => fingerprint] form required");
			return false;
		}
		if (!fingerprint_matches(peer, ZSTR_VAL(algorithm), Z_STRVAL_P(value))) {
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

NameMatch match_names(TlsSession &session, X509 *peer, const char *expected)
{
	NameMatch result = NameMatch::kMismatch;

	read_certificate_names(session, peer);
	try {
		session.message.clear();
		result = match_peer_name(session.sans, session.common_name, expected, session.message);
	} catch (...) {
	}
	return result;
}

// PHP's checks after a completed handshake: verify result, fingerprint, then the name.
bool apply_verification_policy(php_stream *stream, StreamState &state, TlsSession &session,
							   X509 *peer)
{
	zval *value = ssl_option(stream, "verify_peer");
	bool verify_peer = value ? zend_is_true(value) : session.is_client;
	value = ssl_option(stream, "verify_peer_name");
	bool verify_name = value ? zend_is_true(value) : session.is_client;
	zval *fingerprint = ssl_option(stream, "peer_fingerprint");

	if ((verify_peer || verify_name || fingerprint) && !peer) {
		php_error_docref(nullptr, E_WARNING, "Could not get peer certificate");
		return false;
	}
	if (verify_peer) {
		long result = SSL_get_verify_result(session.ssl.get());
		session.verify_result = result;
		if (result != X509_V_OK && !(result == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT &&
									 ssl_option_true(stream, "allow_self_signed"))) {
			describe_verify_failure(session, result);
			php_error_docref(nullptr, E_WARNING, "Could not verify peer: code:%ld %s", result,
							 X509_verify_cert_error_string(result));
			return false;
		}
	}
	if (fingerprint) {
		if (Z_TYPE_P(fingerprint) != IS_STRING && Z_TYPE_P(fingerprint) != IS_ARRAY) {
			set_string(session.failure_reason,
					   ZEND_STRL("peer_fingerprint must be a string or an array"));
			session.failure_errno = EKEYREJECTED;
			php_error_docref(nullptr, E_WARNING,
							 "Expected peer fingerprint must be a string or an array");
			return false;
		}
		if (!check_fingerprint(peer, fingerprint)) {
			set_string(session.failure_reason,
					   ZEND_STRL("the peer certificate does not match peer_fingerprint"));
			session.failure_errno = EKEYREJECTED;
			php_error_docref(nullptr, E_WARNING, "peer_fingerprint match failure");
			return false;
		}
	}
	if (!verify_name) {
		return true;
	}
	zval *peer_name = ssl_string_option(stream, "peer_name");
	const char *expected =
		peer_name ? Z_STRVAL_P(peer_name)
				  : (session.is_client && state.url_name ? state.url_name->c_str() : nullptr);
	if (!expected) {
		set_string(session.failure_reason,
				   ZEND_STRL("no name to check the peer certificate against: set peer_name"));
		session.failure_errno = EKEYREJECTED;
		return false; // PHP fails without a word when it has no name to check
	}
	if (match_names(session, peer, expected) == NameMatch::kMatched) {
		return true;
	}
	describe_name_mismatch(session, expected);
	if (!session.message.empty()) {
		php_error_docref(nullptr, E_WARNING, "%s", session.message.c_str());
	}
	return false;
}

// Switches the socket's O_NONBLOCK and PHP's view of it together.
bool set_stream_blocking(php_netstream_data_t &net, bool blocking)
{
	if (!set_non_blocking(net.socket, !blocking)) {
		return false;
	}
	net.is_blocked = blocking;
	return true;
}

// When the server greeted in plaintext, says so: the classic mistake of implicit TLS against
// a STARTTLS port otherwise shows only "wrong version number".
bool note_plaintext_peer(TlsSession &session) noexcept
{
	try {
		session.message = plaintext_hint(session.first_bytes);
		if (!session.message.empty()) {
			session.failure_reason = session.message;
			return true;
		}
	} catch (...) {
	}
	return false;
}

int finish_handshake(php_stream *stream, StreamState &state, TlsSession &session, int result,
					 bool eagain)
{
	SSL *ssl = session.ssl.get();

	if (result == 1) {
		X509 *peer = SSL_get1_peer_certificate(ssl);
		if (peer) {
			capture_peer_certificates(stream, ssl, peer);
		}
		bool accepted = apply_verification_policy(stream, state, session, peer);
		if (peer) {
			X509_free(peer);
		}
		if (!accepted) {
			SSL_shutdown(ssl);
			set_string(session.failure_stage, ZEND_STRL("verification"));
			return kFailure;
		}
		session.active = true;
		commit_pending_session(session);
		return 1;
	}
	if (eagain) {
		return 0;
	}
	X509 *peer = SSL_get1_peer_certificate(ssl);
	if (peer) {
		capture_peer_certificates(stream, ssl, peer);
		X509_free(peer);
	}
	return kFailure;
}

// OpenSSL read only a record header; the rest of a plaintext greeting is still queued.
void peek_more_bytes(int fd, TlsSession &session) noexcept
{
	char more[64];
	ssize_t length = recv(fd, more, sizeof more, MSG_PEEK | MSG_DONTWAIT);

	if (length > 0) {
		try {
			session.first_bytes.append(more, static_cast<size_t>(length));
		} catch (...) {
		}
	}
}

void emit_plaintext_warning(int fd, TlsSession &session)
{
	peek_more_bytes(fd, session);
	if (note_plaintext_peer(session)) {
		php_error_docref(nullptr, E_WARNING, "%s", session.message.c_str());
	}
}

// Gives the socket back the blocking mode PHP believes it has.
void release_non_blocking_fd(php_netstream_data_t &net, TlsSession &session)
{
	set_non_blocking(net.socket, !net.is_blocked);
	session.fd_non_blocking = false;
}

void keep_fd_non_blocking(php_netstream_data_t &net, TlsSession &session)
{
	if (!session.fd_non_blocking && set_non_blocking(net.socket, true)) {
		session.fd_non_blocking = true;
	}
}

int run_handshake(php_stream *stream, php_xport_netstream *data)
{
	StreamState &state = *data->state;
	TlsSession &session = *state.tls;
	SSL *ssl = session.ssl.get();
	php_netstream_data_t &net = data->net;
	bool was_blocking = net.is_blocked;

	if (session.is_client) {
		send_client_sni(stream, state, session);
	}
	if (!session.state_set) {
		session.is_client ? SSL_set_connect_state(ssl) : SSL_set_accept_state(ssl);
		session.state_set = true;
		offer_cached_session(session);
	}
	if (set_stream_blocking(net, false)) {
		SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	}
	// Clients are bounded by the connect timeout, servers by the stream's read timeout.
	const timeval &limit = session.is_client ? state.connect_timeout : net.timeout;
	Micros timeout = limit.tv_sec < 0 ? -1 : timeval_to_micros(limit.tv_sec, limit.tv_usec);
	bool has_timeout = !net.is_blocked && timeout > 0;
	Micros start = monotonic_micros();
	int result;
	SslOutcome outcome;

	for (;;) {
		ERR_clear_error();
		result = session.is_client ? SSL_connect(ssl) : SSL_accept(ssl);
		int saved_errno = errno;
		Micros elapsed = monotonic_micros() - start;
		if (has_timeout && elapsed > timeout) {
			php_error_docref(nullptr, E_WARNING, "SSL: Handshake timed out");
			set_string(session.failure_stage, ZEND_STRL("handshake timeout"));
			set_string(session.failure_reason, ZEND_STRL("the TLS handshake timed out"));
			session.failure_errno = ETIMEDOUT;
			set_stream_blocking(net, was_blocking);
			return kFailure;
		}
		if (result > 0) {
			break;
		}
		outcome = classify(ssl, result, saved_errno, was_blocking, was_blocking);
		report_ssl_failure(outcome);
		if (!outcome.retry) {
			break;
		}
		wait_for(net.socket, outcome.want_write ? POLLOUT : (POLLIN | POLLPRI),
				 has_timeout ? timeout - elapsed : -1);
	}
	session.handshake_milliseconds = static_cast<double>(monotonic_micros() - start) / 1000.0;
	if (result > 0 && !net.is_blocked) {
		session.fd_non_blocking = true; // and it stays so while TLS is active
		net.is_blocked = was_blocking;
	} else if (net.is_blocked != was_blocking) {
		set_stream_blocking(net, was_blocking);
	}
	if (result <= 0 && !outcome.eagain) {
		set_string(session.failure_stage, ZEND_STRL("handshake"));
		describe_handshake_failure(session, outcome);
		if (session.is_client) {
			emit_plaintext_warning(net.socket, session);
		}
	}
	int finished = finish_handshake(stream, state, session, result > 0 ? 1 : result,
									result <= 0 && outcome.eagain);
	if (finished < 0 && session.fd_non_blocking) {
		release_non_blocking_fd(net, session);
	}
	return finished;
}

int enable_crypto(php_stream *stream, bool activate)
{
	php_xport_netstream *data = netstream(stream);
	StreamState &state = *data->state;
	TlsSession *session = state.tls.get();

	if (activate && session && session->ssl && !session->active) {
		return run_handshake(stream, data);
	}
	if (!activate && session && session->active) {
		SSL_shutdown(session->ssl.get());
		session->active = false;
		release_non_blocking_fd(data->net, *session);
	}
	return kFailure; // as in PHP, turning crypto off reports failure too
}

// --- Reads and writes while TLS is active ---------------------------------------------------

// Runs the reneg_limit_callback or warns, after OpenSSL has returned.
void handle_renegotiation_trip(php_stream *stream, RenegotiationBucket &bucket)
{
	bucket.tripped = false;
	zval *callback = ssl_option(stream, "reneg_limit_callback");

	if (!callback) {
		php_error_docref(nullptr, E_WARNING,
						 "SSL: client-initiated handshake rate limit exceeded by peer");
		return;
	}
	zval argument, result;
	php_stream_to_zval(stream, &argument);
	// Closing the stream inside the callback would free it under our feet.
	stream->flags |= PHP_STREAM_FLAG_NO_FCLOSE;
	if (call_user_function(nullptr, nullptr, callback, &result, 1, &argument) == FAILURE) {
		zend_error(E_WARNING, "SSL: failed invoking reneg limit notification callback");
		ZVAL_UNDEF(&result);
	}
	stream->flags &= ~PHP_STREAM_FLAG_NO_FCLOSE;
	if (Z_TYPE(result) == IS_TRUE) {
		bucket.should_close = false;
	}
	zval_ptr_dtor(&result);
}

ssize_t tls_io(php_stream *stream, char *buffer, size_t count, bool reading)
{
	php_xport_netstream *data = netstream(stream);
	php_netstream_data_t &net = data->net;
	TlsSession &session = *data->state->tls;
	SSL *ssl = session.ssl.get();
	bool began_blocked = net.is_blocked;
	int length = count > INT_MAX ? INT_MAX : static_cast<int>(count);
	int result = 0;

	keep_fd_non_blocking(net, session);
	Micros timeout = began_blocked ? stream_timeout(net) : -1;
	bool has_timeout = began_blocked && session.fd_non_blocking && timeout > 0;
	Micros start = monotonic_micros();
	// As for plain reads (read_pacer.h), but only when OpenSSL holds no bytes of its own:
	// then SSL_read() would start with a read() of the socket.
	ReadPacer &pacer = data->read_pacer;
	bool paced = reading && began_blocked && session.fd_non_blocking && !SSL_has_pending(ssl);
	bool polled = false;
	if (paced && pacer.poll_first()) {
		if (wait_for(net.socket, POLLIN | POLLPRI, has_timeout ? timeout : -1) == 0) {
			net.timeout_event = 1;
			return -1;
		}
		polled = true;
	}

	for (;;) {
		Micros elapsed = monotonic_micros() - start;
		if (has_timeout && elapsed > timeout) {
			net.timeout_event = 1;
			return -1;
		}
		ERR_clear_error();
		result = reading ? SSL_read(ssl, buffer, length) : SSL_write(ssl, buffer, length);
		int saved_errno = errno;
		if (paced) {
			if (polled) {
				pacer.read_after_poll(result > 0 ? static_cast<size_t>(result) : 0, count);
			} else if (result > 0) {
				pacer.data_was_waiting();
			} else if (SSL_get_error(ssl, result) == SSL_ERROR_WANT_READ) {
				pacer.nothing_was_waiting();
			}
			paced = false; // only the first attempt tells whether data was waiting
		}
		if (reading && session.renegotiation && session.renegotiation->tripped) {
			handle_renegotiation_trip(stream, *session.renegotiation);
		}
		if (reading && session.renegotiation && session.renegotiation->should_close) {
			shutdown(net.socket, SHUT_RDWR);
			stream->eof = 1;
			result = 0;
			break;
		}
		if (result > 0) {
			break;
		}
		SslOutcome outcome = classify(ssl, result, saved_errno, false, began_blocked);
		report_ssl_failure(outcome);
		if (reading && outcome.eof && !session.close_notify_received && !session.truncated) {
			session.truncated = true;
			remember_failure(*data->state, "tls read", "", 0, 0,
							 std::string("the peer closed the connection without a TLS "
										 "close_notify: the data may be truncated"));
		}
		if (reading) {
			stream->eof = !outcome.retry && !outcome.eagain && !SSL_pending(ssl);
		}
		if (!began_blocked || !outcome.retry) {
			break;
		}
		wait_for(net.socket, outcome.want_write ? POLLOUT : (POLLIN | POLLPRI),
				 has_timeout ? timeout - elapsed : -1);
	}

	if (result > 0) {
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), result, 0);
	}
	return result < 0 ? 0 : result;
}

// PHP's "Failed to enable crypto", with the reason when xport.verbose_errors is on.
void report_enable_failure(const TlsSession *session)
{
	if (XPORT_G(verbose_errors) && session && !session->failure_reason.empty()) {
		php_error_docref(nullptr, E_WARNING, "Failed to enable crypto: %s",
						 session->failure_reason.c_str());
	} else {
		php_error_docref(nullptr, E_WARNING, "Failed to enable crypto");
	}
}

bool tls_active(php_stream *stream)
{
	StreamState *state = netstream(stream)->state;

	return state->tls && state->tls->active;
}

} // namespace

int tls_crypto_option(php_stream *stream, php_stream_xport_crypto_param *param) noexcept
{
	switch (param->op) {
		case php_stream_xport_crypto_param::STREAM_XPORT_CRYPTO_OP_SETUP:
			param->outputs.returncode =
				setup_crypto(stream, param->inputs.method, param->inputs.session);
			return PHP_STREAM_OPTION_RETURN_OK;
		case php_stream_xport_crypto_param::STREAM_XPORT_CRYPTO_OP_ENABLE:
			param->outputs.returncode = enable_crypto(stream, param->inputs.activate);
			return PHP_STREAM_OPTION_RETURN_OK;
	}
	return PHP_STREAM_OPTION_RETURN_NOTIMPL;
}

ssize_t tls_read(php_stream *stream, char *buffer, size_t count) noexcept
{
	return tls_active(stream) ? tls_io(stream, buffer, count, true)
							  : plain_read(stream, buffer, count);
}

ssize_t tls_write(php_stream *stream, const char *buffer, size_t count) noexcept
{
	return tls_active(stream) ? tls_io(stream, const_cast<char *>(buffer), count, false)
							  : plain_write(stream, buffer, count);
}

int tls_check_liveness(php_stream *stream, int value) noexcept
{
	php_xport_netstream *data = netstream(stream);
	php_netstream_data_t &net = data->net;
	TlsSession &session = *data->state->tls;
	SSL *ssl = session.ssl.get();

	// ext/openssl waits the connect timeout here when asked for "the stream's timeout".
	Micros wait = value == -1 ? (net.timeout.tv_sec == -1
									 ? timeval_to_micros(FG(default_socket_timeout), 0)
									 : timeval_to_micros(data->state->connect_timeout.tv_sec,
														 data->state->connect_timeout.tv_usec))
							  : timeval_to_micros(value, 0);
	if (net.socket == -1) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	if (wait_for(net.socket, POLLIN | POLLPRI, wait) <= 0) {
		return PHP_STREAM_OPTION_RETURN_OK;
	}

	bool began_blocked = net.is_blocked;
	keep_fd_non_blocking(net, session);
	bool has_timeout = began_blocked && session.fd_non_blocking && wait > 0;
	Micros start = monotonic_micros();
	bool alive = true;
	char byte;
	for (;;) {
		Micros elapsed = monotonic_micros() - start;
		if (has_timeout && elapsed > wait) {
			net.timeout_event = 1;
			alive = false;
			break;
		}
		int peeked = SSL_peek(ssl, &byte, 1);
		if (peeked > 0) {
			break;
		}
		int error = SSL_get_error(ssl, peeked);
		bool retry = error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE ||
					 (error == SSL_ERROR_SYSCALL && errno == EAGAIN);
		ERR_clear_error();
		if (!began_blocked || !has_timeout) {
			alive = retry;
			break;
		}
		if (!retry || wait_for(net.socket, POLLIN | POLLPRI | POLLOUT, wait - elapsed) <= 0) {
			alive = false;
			break;
		}
	}
	return alive ? PHP_STREAM_OPTION_RETURN_OK : PHP_STREAM_OPTION_RETURN_ERR;
}

void tls_add_metadata(php_stream *stream, zval *array) noexcept
{
	if (!tls_active(stream)) {
		return;
	}
	SSL *ssl = netstream(stream)->state->tls->ssl.get();
	const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
	const unsigned char *alpn = nullptr;
	unsigned int alpn_length = 0;
	zval crypto;

	array_init(&crypto);
	add_assoc_string(&crypto, "protocol", protocol_name(ssl));
	add_assoc_string(&crypto, "cipher_name", SSL_CIPHER_get_name(cipher));
	add_assoc_long(&crypto, "cipher_bits", SSL_CIPHER_get_bits(cipher, nullptr));
	add_assoc_string(&crypto, "cipher_version", SSL_CIPHER_get_version(cipher));
	SSL_get0_alpn_selected(ssl, &alpn, &alpn_length);
	if (alpn) {
		add_assoc_stringl(&crypto, "alpn_protocol", reinterpret_cast<const char *>(alpn),
						  alpn_length);
	}
	add_assoc_zval(array, "crypto", &crypto);
}

void tls_close(php_stream *stream) noexcept
{
	StreamState *state = netstream(stream)->state;

	if (state && state->tls && state->tls->active) {
		SSL_shutdown(state->tls->ssl.get());
		state->tls->active = false;
	}
}

void tls_before_shutdown(php_stream *stream, int how) noexcept
{
	// close_notify tells the peer our writing side ended on purpose (not a truncation).
	if (how != SHUT_RD && tls_active(stream)) {
		ERR_clear_error();
		SSL_shutdown(netstream(stream)->state->tls->ssl.get());
		ERR_clear_error();
	}
}

void tls_prepare_select(php_stream *stream) noexcept
{
	if (!tls_active(stream) || stream->writepos != stream->readpos) {
		return;
	}
	size_t pending = static_cast<size_t>(SSL_pending(netstream(stream)->state->tls->ssl.get()));
	if (pending > 0) {
		php_stream_fill_read_buffer(stream,
									pending < stream->chunk_size ? pending : stream->chunk_size);
	}
}

// Records why TLS failed on connect, with the connect attempts that came before.
void remember_tls_failure(const StreamState &state, const php_stream_xport_param *xparam) noexcept
{
	const TlsSession *session = state.tls.get();
	const char *reason =
		!session ? "TLS could not be set up: an ssl context option was rejected (see the warning "
				   "before this one)"
		: session->failure_reason.empty() ? "TLS handshake failed"
										  : session->failure_reason.c_str();

	try {
		remember_failure(state, "tls handshake", xparam->inputs.name, xparam->inputs.namelen,
						 xparam->outputs.error_code, std::string(reason), &state.info.attempts);
	} catch (...) {
	}
}

void tls_after_connect(php_stream *stream, php_stream_xport_param *xparam) noexcept
{
	StreamState &state = *netstream(stream)->state;
	bool connected = xparam->outputs.returncode == 0 ||
					 (xparam->op == php_stream_xport_param::STREAM_XPORT_OP_CONNECT_ASYNC &&
					  xparam->outputs.returncode == 1 && xparam->outputs.error_code == EINPROGRESS);

	if (!state.enable_on_connect || !connected) {
		return;
	}
	// TODO: with STREAM_CLIENT_ASYNC_CONNECT the handshake still runs to the end here, as in
	// PHP; a handshake that continues as the connect completes would need PHP-visible state.
	if (php_stream_xport_crypto_setup(
			stream, static_cast<php_stream_xport_crypt_method_t>(state.crypto_method), nullptr) <
			0 ||
		php_stream_xport_crypto_enable(stream, 1) < 0) {
		report_enable_failure(state.tls.get());
		xparam->outputs.returncode = -1;
		if (XPORT_G(verbose_errors) && state.tls && !state.tls->failure_reason.empty() &&
			xparam->want_errortext && !xparam->outputs.error_text) {
			xparam->outputs.error_text = zend_string_init(state.tls->failure_reason.data(),
														  state.tls->failure_reason.size(), 0);
		}
		// PHP reports no code for a failed handshake; xport gives each failure class one.
		TlsSession *session = state.tls.get();
		xparam->outputs.error_code =
			session && session->failure_errno ? session->failure_errno : EPROTO;
		remember_tls_failure(state, xparam);
	}
}

bool tls_after_accept(php_stream *listener, php_stream *client) noexcept
{
	StreamState &listening = *netstream(listener)->state;
	StreamState &accepted = *netstream(client)->state;

	if (!listening.enable_on_connect) {
		return true;
	}
	listening.crypto_method &= ~kCryptoClient;
	accepted.crypto_method = listening.crypto_method;
	if (php_stream_xport_crypto_setup(
			client, static_cast<php_stream_xport_crypt_method_t>(accepted.crypto_method), nullptr) <
			0 ||
		php_stream_xport_crypto_enable(client, 1) < 0) {
		report_enable_failure(accepted.tls.get());
		php_stream_close(client);
		return false;
	}
	return true;
}

void tls_add_info(const StreamState &state, zval *array) noexcept
{
	const TlsSession *session = state.tls.get();

	if (!state.tls_capable || !session) {
		add_assoc_null(array, "tls");
		return;
	}
	zval tls;
	array_init(&tls);
	SSL *ssl = session->ssl.get();
	add_assoc_bool(&tls, "active", session->active);
	if (ssl && session->active) {
		const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
		const unsigned char *alpn = nullptr;
		unsigned int alpn_length = 0;
		SSL_get0_alpn_selected(ssl, &alpn, &alpn_length);
		add_assoc_string(&tls, "protocol", protocol_name(ssl));
		add_assoc_string(&tls, "cipher", cipher ? SSL_CIPHER_get_name(cipher) : "");
		if (alpn) {
			add_assoc_stringl(&tls, "alpn", reinterpret_cast<const char *>(alpn), alpn_length);
		} else {
			add_assoc_null(&tls, "alpn");
		}
		add_assoc_bool(&tls, "resumed", SSL_session_reused(ssl));
	}
	add_assoc_string(&tls, "role", session->is_client ? "client" : "server");
	// For a server, the name the client asked for.
	const char *requested =
		!session->is_client && ssl ? SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) : nullptr;
	if (requested) {
		add_assoc_string(&tls, "sni", requested);
	} else if (session->sni_sent.empty()) {
		add_assoc_null(&tls, "sni");
	} else {
		add_assoc_stringl(&tls, "sni", session->sni_sent.data(), session->sni_sent.size());
	}
	long verify = ssl ? SSL_get_verify_result(ssl) : session->verify_result;
	add_assoc_long(&tls, "verify_result", verify);
	add_assoc_string(&tls, "verify_message", X509_verify_cert_error_string(verify));
	add_assoc_double(&tls, "handshake_ms", session->handshake_milliseconds);
	add_assoc_bool(&tls, "truncated", session->truncated);
	add_assoc_zval(array, "tls", &tls);
}

} // namespace xport
