#include "context_cache.h"

namespace xport {

SSL_CTX *ContextCache::find(const std::string &key, Notes &notes) noexcept
{
	auto found = entries_.find(key);

	if (found == entries_.end() || !SSL_CTX_up_ref(found->second.context.get())) {
		return nullptr;
	}
	found->second.last_use = ++clock_;
	notes = found->second.notes;
	return found->second.context.get();
}

void ContextCache::put(const std::string &key, SSL_CTX *context, const Notes &notes) noexcept
{
	if (!SSL_CTX_up_ref(context)) {
		return;
	}
	SslCtxPtr owned(context);
	try {
		if (entries_.size() >= capacity_ && entries_.find(key) == entries_.end()) {
			auto oldest = entries_.begin();
			for (auto it = entries_.begin(); it != entries_.end(); ++it) {
				if (it->second.last_use < oldest->second.last_use) {
					oldest = it;
				}
			}
			entries_.erase(oldest);
		}
		entries_[key] = Entry{std::move(owned), notes, ++clock_};
	} catch (...) {
	}
}

} // namespace xport
