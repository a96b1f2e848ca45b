#include "stream_state.h"

#include <new>

#include "php_xport.h"
#include "context_cache.h"
#include "session_cache.h"
#include "xport_api.h"

namespace xport {

void remember_error(OperationError *error) noexcept
{
	delete static_cast<OperationError *>(XPORT_G(last_error));
	XPORT_G(last_error) = error;
}

const OperationError *last_error() noexcept
{
	return static_cast<const OperationError *>(XPORT_G(last_error));
}

SessionCache *session_cache() noexcept
{
	if (!XPORT_G(session_cache)) {
		XPORT_G(session_cache) = new (std::nothrow) SessionCache();
	}
	return static_cast<SessionCache *>(XPORT_G(session_cache));
}

ContextCache *context_cache() noexcept
{
	if (!XPORT_G(context_cache)) {
		XPORT_G(context_cache) = new (std::nothrow) ContextCache();
	}
	return static_cast<ContextCache *>(XPORT_G(context_cache));
}

} // namespace xport

extern "C" void php_xport_free_context_cache(void *cache) noexcept
{
	delete static_cast<xport::ContextCache *>(cache);
}

extern "C" void php_xport_free_session_cache(void *cache) noexcept
{
	delete static_cast<xport::SessionCache *>(cache);
}

extern "C" void php_xport_clear_last_error(void) noexcept
{
	xport::remember_error(nullptr);
}
