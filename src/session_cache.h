// Client TLS sessions kept for resumption. One cache per process (per thread in ZTS builds),
// owned by the module globals, never by an object with static storage.
#ifndef XPORT_SESSION_CACHE_H
#define XPORT_SESSION_CACHE_H

#include <cstdint>
#include <ctime>
#include <deque>
#include <string>
#include <sys/types.h>
#include <unordered_map>

#include <openssl/ssl.h>

namespace xport {

class SessionCache {
  public:
	// At most `capacity` sessions in all, and `per_key` for one key (TLS 1.3 servers send
	// several tickets, each good for one connection).
	explicit SessionCache(size_t capacity = 512, size_t per_key = 4);
	~SessionCache();
	SessionCache(const SessionCache &) = delete;
	SessionCache &operator=(const SessionCache &) = delete;

	// Takes the newest usable session for `key` out of the cache: a ticket is used once.
	// The caller owns the returned reference; nullptr when there is none.
	SSL_SESSION *take(const std::string &key, time_t now, pid_t pid) noexcept;

	// Keeps `session` under `key`, taking over the caller's reference.
	void put(const std::string &key, SSL_SESSION *session, pid_t pid) noexcept;

	size_t size() const { return size_; }

  private:
	struct Entry {
		SSL_SESSION *session;
		pid_t pid;       // a forked child must not reuse its parent's tickets
		uint64_t serial; // insertion order, to evict the oldest
	};

	void evict_oldest() noexcept;
	static bool usable(const Entry &entry, time_t now, pid_t pid) noexcept;

	std::unordered_map<std::string, std::deque<Entry>> entries_;
	size_t capacity_;
	size_t per_key_;
	size_t size_ = 0;
	uint64_t next_serial_ = 0;
};

} // namespace xport

#endif
