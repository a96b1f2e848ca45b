// SSL_CTX objects shared by every stream with the same TLS configuration. Building one
// (trust store, certificate chain, key) costs far more than a handshake on loopback.
#ifndef XPORT_CONTEXT_CACHE_H
#define XPORT_CONTEXT_CACHE_H

#include <cstdint>
#include <string>
#include <unordered_map>

#include "openssl_types.h"

namespace xport {

class ContextCache {
  public:
	// What a cold build reported that a later stream must report again.
	struct Notes {
		bool key_mismatch = false; // "Private key does not match certificate!"
	};

	explicit ContextCache(size_t capacity = 64) : capacity_(capacity) {}

	// A new reference to the context built for `key`, or nullptr.
	SSL_CTX *find(const std::string &key, Notes &notes) noexcept;

	// Keeps a reference to `context` under `key`; only successful builds come here.
	void put(const std::string &key, SSL_CTX *context, const Notes &notes) noexcept;

  private:
	struct Entry {
		SslCtxPtr context;
		Notes notes;
		uint64_t last_use;
	};

	std::unordered_map<std::string, Entry> entries_;
	size_t capacity_;
	uint64_t clock_ = 0;
};

} // namespace xport

#endif
