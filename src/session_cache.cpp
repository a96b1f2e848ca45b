#include "session_cache.h"

namespace xport {

SessionCache::SessionCache(size_t capacity, size_t per_key) : capacity_(capacity), per_key_(per_key)
{
}

SessionCache::~SessionCache()
{
	for (auto &[key, queue] : entries_) {
		for (Entry &entry : queue) {
			SSL_SESSION_free(entry.session);
		}
	}
}

bool SessionCache::usable(const Entry &entry, time_t now, pid_t pid) noexcept
{
	// RFC 8446 §4.6.1: a ticket is good for its lifetime, which OpenSSL keeps as the
	// session timeout; TLS 1.2 sessions expire the same way.
	time_t expires = SSL_SESSION_get_time(entry.session) + SSL_SESSION_get_timeout(entry.session);
	return entry.pid == pid && now < expires && SSL_SESSION_is_resumable(entry.session);
}

SSL_SESSION *SessionCache::take(const std::string &key, time_t now, pid_t pid) noexcept
{
	auto found = entries_.find(key);

	if (found == entries_.end()) {
		return nullptr;
	}
	std::deque<Entry> &queue = found->second;
	SSL_SESSION *result = nullptr;
	while (!queue.empty() && !result) {
		Entry entry = queue.back();
		queue.pop_back();
		size_--;
		if (usable(entry, now, pid)) {
			result = entry.session;
		} else {
			SSL_SESSION_free(entry.session);
		}
	}
	if (queue.empty()) {
		entries_.erase(found);
	}
	return result;
}

void SessionCache::put(const std::string &key, SSL_SESSION *session, pid_t pid) noexcept
{
	try {
		std::deque<Entry> &queue = entries_[key];
		queue.push_back({session, pid, next_serial_++});
		size_++;
		if (queue.size() > per_key_) {
			SSL_SESSION_free(queue.front().session);
			queue.pop_front();
			size_--;
		}
	} catch (...) {
		SSL_SESSION_free(session);
		return;
	}
	while (size_ > capacity_) {
		evict_oldest();
	}
}

void SessionCache::evict_oldest() noexcept
{
	auto oldest = entries_.end();

	for (auto it = entries_.begin(); it != entries_.end(); ++it) {
		if (!it->second.empty() && (oldest == entries_.end() ||
									it->second.front().serial < oldest->second.front().serial)) {
			oldest = it;
		}
	}
	if (oldest == entries_.end()) {
		return;
	}
	SSL_SESSION_free(oldest->second.front().session);
	oldest->second.pop_front();
	size_--;
	if (oldest->second.empty()) {
		entries_.erase(oldest);
	}
}

} // namespace xport
