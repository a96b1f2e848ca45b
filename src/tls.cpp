#include "tls.h"

#include <unistd.h>

#include "session_cache.h"
#include "stream_state.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/time.h>

namespace xport {

namespace {

TlsSession *session_of(const SSL *ssl)
{
	return static_cast<TlsSession *>(SSL_get_app_data(ssl));
}

// PHP's verify callback: allow_self_signed accepts a self-signed leaf, verify_depth caps the
// chain length.
int verify_callback(int preverify_ok, X509_STORE_CTX *store) noexcept
{
	auto *ssl =
		static_cast<SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
	TlsSession *session = ssl ? session_of(ssl) : nullptr;
	int error = X509_STORE_CTX_get_error(store);
	int depth = X509_STORE_CTX_get_error_depth(store);
	int result = preverify_ok;

	if (!session) {
		return result;
	}
	if (error == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT && session->allow_self_signed) {
		result = 1;
	}
	if (static_cast<unsigned long>(depth) > session->verify_depth) {
		result = 0;
		X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_CHAIN_TOO_LONG);
	}
	return result;
}

int passphrase_callback(char *buffer, int size, int, void *data) noexcept
{
	auto *session = static_cast<TlsSession *>(data);

	// Like PHP, a passphrase that does not fit OpenSSL's buffer is not offered at all.
	if (!session || size < 1 || session->passphrase.size() >= static_cast<size_t>(size) - 1) {
		return 0;
	}
	memcpy(buffer, session->passphrase.data(), session->passphrase.size());
	return static_cast<int>(session->passphrase.size());
}

int alpn_select_callback(SSL *ssl, const unsigned char **out, unsigned char *out_length,
						 const unsigned char *in, unsigned int in_length, void *) noexcept
{
	TlsSession *session = session_of(ssl);

	if (!session || session->server_alpn.empty()) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	auto *ours = reinterpret_cast<unsigned char *>(session->server_alpn.data());
	if (SSL_select_next_proto(const_cast<unsigned char **>(out), out_length, ours,
							  static_cast<unsigned int>(session->server_alpn.size()), in,
							  in_length) != OPENSSL_NPN_NEGOTIATED) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	return SSL_TLSEXT_ERR_OK;
}

int servername_callback(SSL *ssl, int *, void *) noexcept
{
	const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
	TlsSession *session = session_of(ssl);

	if (!name || !session || session->sni_contexts.empty()) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	try {
		for (auto &[pattern, context] : session->sni_contexts) {
			if (matches_wildcard_name(name, pattern)) {
				SSL_set_SSL_CTX(ssl, context.get());
				return SSL_TLSEXT_ERR_OK;
			}
		}
	} catch (...) {
	}
	return SSL_TLSEXT_ERR_NOACK;
}

// PHP's leaky bucket: the first handshake is free; later ones add a token each, and the
// tokens drain at limit/window per second (integer division, as PHP computes it).
void info_callback(const SSL *ssl, int where, int) noexcept
{
	TlsSession *session = session_of(ssl);

	if (!(where & SSL_CB_HANDSHAKE_START) || !session || !session->renegotiation) {
		return;
	}
	RenegotiationBucket &bucket = *session->renegotiation;
	timeval now;
	gettimeofday(&now, nullptr);
	if (bucket.previous_handshake == 0) {
		bucket.previous_handshake = now.tv_sec;
		return;
	}
	long elapsed = now.tv_sec - bucket.previous_handshake;
	bucket.previous_handshake = now.tv_sec;
	long rate = bucket.window ? bucket.limit / bucket.window : 0;
	bucket.tokens -= static_cast<float>(elapsed * rate);
	if (bucket.tokens < 0) {
		bucket.tokens = 0;
	}
	++bucket.tokens;
	if (bucket.tokens > static_cast<float>(bucket.limit)) {
		// The user callback or warning runs later, outside OpenSSL's call stack.
		bucket.should_close = true;
		bucket.tripped = true;
	}
}

long record_bytes_callback(BIO *bio, int operation, const char *data, size_t, int, long, int result,
						   size_t *processed) noexcept
{
	if (operation != (BIO_CB_READ | BIO_CB_RETURN) || result <= 0 || !processed) {
		return result;
	}
	auto *session = reinterpret_cast<TlsSession *>(BIO_get_callback_arg(bio));
	if (session && session->first_bytes.size() < 16) {
		try {
			session->first_bytes.append(
				data, std::min<size_t>(*processed, 16 - session->first_bytes.size()));
		} catch (...) {
		}
	}
	return result;
}

void message_callback(int write_p, int, int content_type, const void *buffer, size_t length,
					  SSL *ssl, void *) noexcept
{
	const auto *bytes = static_cast<const unsigned char *>(buffer);
	TlsSession *session = session_of(ssl);

	if (!write_p && session && content_type == SSL3_RT_ALERT && length >= 2 &&
		bytes[1] == SSL_AD_CLOSE_NOTIFY) {
		session->close_notify_received = true;
	}
}

// A new session or TLS 1.3 ticket: cached at once when the peer already passed PHP's checks
// (tickets arrive after the handshake), else held until it does.
int new_session_callback(SSL *ssl, SSL_SESSION *new_session) noexcept
{
	TlsSession *session = session_of(ssl);
	SessionCache *cache = session_cache();

	if (!session || session->cache_key.empty() || !cache) {
		return 0;
	}
	if (session->active) {
		cache->put(session->cache_key, new_session, getpid());
	} else {
		session->pending_session.reset(new_session);
	}
	return 1; // we keep the reference
}

std::string openssl_errors(unsigned long first)
{
	std::string text;
	char line[512];

	for (unsigned long code = first; code != 0; code = ERR_get_error()) {
		ERR_error_string_n(code, line, sizeof line);
		if (!text.empty()) {
			text += '\n';
		}
		text += line;
	}
	return text;
}

} // namespace

SSL_CTX *new_context(TlsSession &session, bool is_client) noexcept
{
	session.context.reset(SSL_CTX_new(is_client ? TLS_client_method() : TLS_server_method()));
	session.is_client = is_client;
	return session.context.get();
}

bool load_verify_locations(SSL_CTX *context, const char *cafile, const char *capath) noexcept
{
	if (SSL_CTX_load_verify_locations(context, cafile, capath)) {
		return true;
	}
	ERR_clear_error();
	return false;
}

long add_pem_certificates(SSL_CTX *context, const std::string &pem) noexcept
{
	BioPtr buffer(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
	X509_STORE *store = SSL_CTX_get_cert_store(context);
	long added = 0;

	if (!buffer) {
		return 0;
	}
	for (;;) {
		X509Ptr certificate(PEM_read_bio_X509(buffer.get(), nullptr, nullptr, nullptr));
		if (!certificate) {
			break;
		}
		added += X509_STORE_add_cert(store, certificate.get()) == 1;
	}
	ERR_clear_error();
	return added;
}

void require_peer_verification(SSL_CTX *context) noexcept
{
	SSL_CTX_set_verify(context, SSL_VERIFY_PEER, verify_callback);
}

void use_passphrase(SSL_CTX *context, TlsSession &session) noexcept
{
	SSL_CTX_set_default_passwd_cb_userdata(context, &session);
	SSL_CTX_set_default_passwd_cb(context, passphrase_callback);
}

void use_server_alpn(SSL_CTX *context, TlsSession &) noexcept
{
	SSL_CTX_set_alpn_select_cb(context, alpn_select_callback, nullptr);
}

void use_server_sni(SSL_CTX *context, TlsSession &) noexcept
{
	SSL_CTX_set_tlsext_servername_callback(context, servername_callback);
}

void watch_renegotiation(SSL *ssl) noexcept
{
	SSL_set_info_callback(ssl, info_callback);
}

SslCtxPtr new_sni_context(TlsSession &session, const std::string &cert,
						  const std::string &key) noexcept
{
	// Assigned in the SNI callback, where the handshake method is not inherited: any TLS.
	SslCtxPtr context(SSL_CTX_new(TLS_server_method()));

	try {
		if (!context || SSL_CTX_use_certificate_chain_file(context.get(), cert.c_str()) != 1) {
			session.message = "Failed setting local cert chain file `" + cert +
							  "'; check that your cafile/capath settings include details of "
							  "your certificate and its issuer";
			return nullptr;
		}
		if (SSL_CTX_use_PrivateKey_file(context.get(), key.c_str(), SSL_FILETYPE_PEM) != 1) {
			session.message = "Failed setting private key from file `" + key + "'";
			return nullptr;
		}
	} catch (...) {
		return nullptr;
	}
	return context;
}

void record_first_bytes(SSL *ssl, TlsSession &session) noexcept
{
	BIO *bio = SSL_get_rbio(ssl);

	if (bio) {
		BIO_set_callback_arg(bio, reinterpret_cast<char *>(&session));
		BIO_set_callback_ex(bio, record_bytes_callback);
	}
}

void watch_alerts(SSL *ssl) noexcept
{
	SSL_set_msg_callback(ssl, message_callback);
}

int load_dh_parameters(SSL_CTX *context, const char *path) noexcept
{
	BioPtr file(BIO_new_file(path, "r"));

	if (!file) {
		return 1;
	}
	EvpPkeyPtr parameters(PEM_read_bio_Parameters(file.get(), nullptr));
	if (!parameters) {
		return 2;
	}
	if (SSL_CTX_set0_tmp_dh_pkey(context, parameters.get()) == 0) {
		return 3;
	}
	parameters.release(); // the context owns it now
	return 0;
}

void set_session_id_context(SSL_CTX *context, const std::string &key) noexcept
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int length = 0;

	if (EVP_Digest(key.data(), key.size(), digest, &length, EVP_sha256(), nullptr)) {
		SSL_CTX_set_session_id_context(context, digest,
									   std::min<unsigned int>(length, SSL_MAX_SID_CTX_LENGTH));
	}
}

void use_client_session_cache(SSL_CTX *context) noexcept
{
	SSL_CTX_set_session_cache_mode(context,
								   SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
	SSL_CTX_sess_set_new_cb(context, new_session_callback);
}

void offer_cached_session(TlsSession &session) noexcept
{
	SessionCache *cache = session.cache_key.empty() ? nullptr : session_cache();
	SSL_SESSION *cached = cache ? cache->take(session.cache_key, time(nullptr), getpid()) : nullptr;

	if (cached) {
		SSL_set_session(session.ssl.get(), cached);
		SSL_SESSION_free(cached);
	}
}

void commit_pending_session(TlsSession &session) noexcept
{
	SessionCache *cache = session_cache();

	if (!cache || session.cache_key.empty()) {
		session.pending_session.reset();
		return;
	}
	SSL *ssl = session.ssl.get();
	if (session.pending_session) {
		cache->put(session.cache_key, session.pending_session.release(), getpid());
	} else if (SSL_session_reused(ssl) && SSL_version(ssl) < TLS1_3_VERSION) {
		// A resumed TLS 1.2 session may be resumed again (TLS 1.3 tickets are single-use and
		// replaced by the ones the server sends after this handshake).
		SSL_SESSION *reused = SSL_get1_session(ssl);
		if (reused) {
			cache->put(session.cache_key, reused, getpid());
		}
	}
}

SslOutcome classify(SSL *ssl, int ret, int saved_errno, bool handshake, bool blocking) noexcept
{
	SslOutcome outcome;
	int error = SSL_get_error(ssl, ret);

	try {
		switch (error) {
			case SSL_ERROR_ZERO_RETURN:
				outcome.eof = true;
				return outcome;
			case SSL_ERROR_WANT_READ:
			case SSL_ERROR_WANT_WRITE:
				outcome.eagain = true;
				outcome.want_write = error == SSL_ERROR_WANT_WRITE;
				outcome.retry = handshake || blocking;
				return outcome;
			case SSL_ERROR_SYSCALL:
				if (ERR_peek_error() == 0) {
					if (ret == 0) {
						// A close without close_notify: PHP treats it as a plain end of stream.
						SSL_set_shutdown(ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
						outcome.eof = true;
					} else {
						outcome.reset = true;
						outcome.warning = std::string("SSL: ") + strerror(saved_errno);
					}
					return outcome;
				}
				break;
			default:
				break;
		}
		unsigned long code = ERR_get_error();
		outcome.reason = code;
		if (ERR_GET_REASON(code) == SSL_R_NO_SHARED_CIPHER) {
			ERR_clear_error();
			outcome.warning =
				"SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could "
				"be because the server is missing an SSL certificate (local_cert context option)";
			return outcome;
		}
		std::string lines = openssl_errors(code);
		outcome.warning = "SSL operation failed with code " + std::to_string(error) + ". " +
						  (lines.empty() ? "" : "OpenSSL Error messages:\n" + lines);
	} catch (...) {
		ERR_clear_error();
		outcome.warning = "SSL operation failed";
	}
	return outcome;
}

void read_certificate_names(TlsSession &session, X509 *peer) noexcept
{
	session.sans = SubjectAltNames();
	session.common_name = CommonName();
	try {
		GeneralNamesPtr names(static_cast<GENERAL_NAMES *>(
			X509_get_ext_d2i(peer, NID_subject_alt_name, nullptr, nullptr)));
		for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); i++) {
			const GENERAL_NAME *name = sk_GENERAL_NAME_value(names.get(), i);
			if (name->type == GEN_DNS || name->type == GEN_URI) {
				session.sans.has_dns_uri_or_srv = true;
			}
			if (name->type == GEN_OTHERNAME &&
				OBJ_obj2nid(name->d.otherName->type_id) == NID_SRVName) {
				session.sans.has_dns_uri_or_srv = true;
			}
			if (name->type == GEN_DNS) {
				unsigned char *utf8 = nullptr;
				int length = ASN1_STRING_to_UTF8(&utf8, name->d.dNSName);
				OpenSslString owned(reinterpret_cast<char *>(utf8));
				if (length < 0 || static_cast<size_t>(length) != strlen(owned.get())) {
					continue; // an embedded NUL would let "a.com\0.evil" pass as a.com
				}
				std::string dns(owned.get(), static_cast<size_t>(length));
				if (!dns.empty() && dns.back() == '.') {
					dns.pop_back();
				}
				session.sans.dns.push_back(dns);
			} else if (name->type == GEN_IPADD) {
				const unsigned char *bytes = ASN1_STRING_get0_data(name->d.iPAddress);
				int length = ASN1_STRING_length(name->d.iPAddress);
				char text[64];
				if (length == 4) {
					snprintf(text, sizeof text, "%d.%d.%d.%d", bytes[0], bytes[1], bytes[2],
							 bytes[3]);
					session.sans.ipv4.push_back(text);
				} else if (length == 16) {
					std::string expanded;
					for (int j = 0; j < 16; j += 2) {
						snprintf(text, sizeof text, "%s%02x%02x", j ? ":" : "", bytes[j],
								 bytes[j + 1]);
						expanded += text;
					}
					session.sans.ipv6.push_back(expanded);
				}
			}
		}

		char buffer[1024];
		int length = X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, buffer,
											   sizeof buffer);
		if (length >= 0) {
			session.common_name.present = true;
			session.common_name.malformed = static_cast<size_t>(length) != strlen(buffer);
			session.common_name.value.assign(buffer, static_cast<size_t>(length));
		}
	} catch (...) {
	}
}

std::optional<std::string> certificate_digest(X509 *certificate, const char *algorithm) noexcept
{
	const EVP_MD *digest = EVP_get_digestbyname(algorithm);
	unsigned char bytes[EVP_MAX_MD_SIZE];
	unsigned int length = 0;

	if (!digest || !X509_digest(certificate, digest, bytes, &length)) {
		return std::nullopt;
	}
	try {
		static const char hex[] = "0123456789abcdef";
		std::string text;
		for (unsigned int i = 0; i < length; i++) {
			text += hex[bytes[i] >> 4];
			text += hex[bytes[i] & 15];
		}
		return text;
	} catch (...) {
		return std::nullopt;
	}
}

std::string plaintext_hint(const std::string &first_bytes) noexcept
{
	// Greetings of protocols that start in plaintext and upgrade with STARTTLS (SMTP, FTP,
	// POP3, IMAP), and of two that have no TLS on that port at all.
	static const char *const starttls_greetings[] = {"220 ", "220-",      "+OK",
													 "* OK", "* PREAUTH", "-ERR"};

	try {
		std::string seen = first_bytes.substr(0, first_bytes.find_first_of("\r\n"));
		for (const char *greeting : starttls_greetings) {
			if (first_bytes.compare(0, strlen(greeting), greeting) == 0) {
				return "The server answered in plaintext (\"" + seen +
					   "\"), not TLS: this port expects a STARTTLS upgrade. Connect with "
					   "tcp:// and call stream_socket_enable_crypto() after the protocol's "
					   "STARTTLS command, or use the server's implicit-TLS port";
			}
		}
		if (first_bytes.compare(0, 5, "HTTP/") == 0) {
			return "The server answered in plaintext (\"" + seen +
				   "\"), not TLS: this port speaks plain HTTP. Use http://, or the server's "
				   "HTTPS port";
		}
		if (first_bytes.compare(0, 4, "SSH-") == 0) {
			return "The server answered in plaintext (\"" + seen +
				   "\"), not TLS: this port speaks SSH";
		}
	} catch (...) {
	}
	return std::string();
}

void describe_verify_failure(TlsSession &session, long verify_result) noexcept
{
	session.failure_errno = EKEYREJECTED;
	try {
		session.verify_result = verify_result;
		session.failure_reason = std::string("the peer certificate was not accepted: ") +
								 X509_verify_cert_error_string(verify_result) +
								 " (X509 verify result " + std::to_string(verify_result) + ")";
		if (verify_result == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT ||
			verify_result == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN ||
			verify_result == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY) {
			session.failure_reason += "; name the issuing CA with the cafile option";
		}
	} catch (...) {
	}
}

void describe_name_mismatch(TlsSession &session, const char *expected) noexcept
{
	session.failure_errno = EKEYREJECTED;
	try {
		std::string names;
		for (const std::string &dns : session.sans.dns) {
			names += (names.empty() ? "DNS:" : ", DNS:") + dns;
		}
		for (const std::string &address : session.sans.ipv4) {
			names += (names.empty() ? "IP:" : ", IP:") + address;
		}
		for (const std::string &address : session.sans.ipv6) {
			unsigned char bytes[16];
			char compact[INET6_ADDRSTRLEN];
			bool readable = inet_pton(AF_INET6, address.c_str(), bytes) == 1 &&
							inet_ntop(AF_INET6, bytes, compact, sizeof compact);
			names +=
				(names.empty() ? "IP:" : ", IP:") + (readable ? std::string(compact) : address);
		}
		// PHP ignores the CN of a certificate that names hosts in its subjectAltName.
		if (session.common_name.present && !session.sans.has_dns_uri_or_srv) {
			names += (names.empty() ? "CN=" : ", CN=") + session.common_name.value;
		}
		session.failure_reason = std::string("the peer certificate is for ") +
								 (names.empty() ? "no name at all" : names) +
								 ", not for the expected name `" + expected +
								 "' (set peer_name to a name the certificate holds)";
	} catch (...) {
	}
}

namespace {

// What the local settings say about a failed handshake's TLS versions, or "".
std::string version_hint(SSL *ssl, int reason)
{
	int highest = SSL_get_max_proto_version(ssl);
	int level = SSL_get_security_level(ssl);

	// OpenSSL 3 turns TLS 1.0 and 1.1 off from security level 1 on.
	if (highest != 0 && highest < TLS1_2_VERSION && level >= 1) {
		return "; TLS 1.0 and 1.1 need OpenSSL security level 0 and this stream's is " +
			   std::to_string(level) +
			   ": set the 'security_level' ssl context option to 0 (the peer must allow them "
			   "too), or use TLS 1.2 or later";
	}
	if (reason == SSL_R_UNSUPPORTED_PROTOCOL || reason == SSL_R_TLSV1_ALERT_PROTOCOL_VERSION) {
		return "; the two sides have no TLS version in common: see crypto_method, "
			   "min_proto_version and max_proto_version (a tlsv1.x:// transport allows one "
			   "version only)";
	}
	return "";
}

} // namespace

void describe_handshake_failure(TlsSession &session, const SslOutcome &outcome) noexcept
{
	try {
		SSL *ssl = session.ssl.get();
		long verify_result = ssl ? SSL_get_verify_result(ssl) : X509_V_OK;
		if (ERR_GET_REASON(outcome.reason) == SSL_R_CERTIFICATE_VERIFY_FAILED &&
			verify_result != X509_V_OK) {
			describe_verify_failure(session, verify_result);
			return;
		}
		session.failure_errno = outcome.reset || outcome.eof ? ECONNRESET : EPROTO;
		std::string what =
			outcome.warning.empty() ? "the peer closed the connection" : outcome.warning;
		for (char &c : what) {
			c = c == '\n' ? ' ' : c;
		}
		session.failure_reason = "TLS handshake failed (" + what + ") in state \"" +
								 (ssl ? SSL_state_string_long(ssl) : "?") + "\"";
		if (ssl) {
			session.failure_reason += version_hint(ssl, ERR_GET_REASON(outcome.reason));
		}
	} catch (...) {
	}
}

const char *protocol_name(const SSL *ssl) noexcept
{
	switch (SSL_version(ssl)) {
		case TLS1_3_VERSION:
			return "TLSv1.3";
		case TLS1_2_VERSION:
			return "TLSv1.2";
		case TLS1_1_VERSION:
			return "TLSv1.1";
		case TLS1_VERSION:
			return "TLSv1";
		default:
			return "UNKNOWN";
	}
}

} // namespace xport
