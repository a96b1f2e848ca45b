// One owner type per OpenSSL object: business code never frees these by hand.
#ifndef XPORT_OPENSSL_TYPES_H
#define XPORT_OPENSSL_TYPES_H

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace xport {

template <typename T, void (*Free)(T *)> struct OpenSslDeleter {
	void operator()(T *object) const noexcept { Free(object); }
};

using SslCtxPtr = std::unique_ptr<SSL_CTX, OpenSslDeleter<SSL_CTX, SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, OpenSslDeleter<SSL, SSL_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using SslSessionPtr = std::unique_ptr<SSL_SESSION, OpenSslDeleter<SSL_SESSION, SSL_SESSION_free>>;
using GeneralNamesPtr =
	std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES, GENERAL_NAMES_free>>;

inline void free_bio(BIO *bio)
{
	BIO_free(bio);
}
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, free_bio>>;

inline void free_openssl_string(char *text)
{
	OPENSSL_free(text);
}
using OpenSslString = std::unique_ptr<char, OpenSslDeleter<char, free_openssl_string>>;

} // namespace xport

#endif
