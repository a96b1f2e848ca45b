#include "stream_state.h"

#include "php_xport.h"
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

} // namespace xport

extern "C" void php_xport_clear_last_error(void) noexcept
{
	xport::remember_error(nullptr);
}
