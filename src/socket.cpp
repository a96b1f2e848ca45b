#include "socket.h"

#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <unistd.h>

namespace xport {

Fd &Fd::operator=(Fd &&other) noexcept
{
	if (this != &other) {
		reset(other.release());
	}
	return *this;
}

void Fd::reset(int fd)
{
	if (fd_ >= 0) {
		close(fd_);
	}
	fd_ = fd;
}

Micros monotonic_micros()
{
	timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return static_cast<Micros>(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

namespace {

// poll() takes whole milliseconds; round up so that a wait never ends early and spins.
int poll_timeout_ms(Micros timeout)
{
	if (timeout < 0) {
		return -1;
	}
	Micros ms = (timeout + 999) / 1000;
	return ms > INT32_MAX ? INT32_MAX : static_cast<int>(ms);
}

void set_int_option(int fd, int level, int name, int value)
{
	// Failures are ignored, as PHP ignores them: the option is a preference, not a must.
	(void)setsockopt(fd, level, name, &value, sizeof value);
}

void apply_keepalive(int fd, const SocketOptions &options)
{
	if (options.so_keepalive != Toggle::kUnset) {
		set_int_option(fd, SOL_SOCKET, SO_KEEPALIVE, options.so_keepalive == Toggle::kOn);
	}
	if (options.so_keepalive != Toggle::kOn) {
		return;
	}
	if (options.tcp_keepidle > 0) {
		set_int_option(fd, IPPROTO_TCP, TCP_KEEPIDLE, static_cast<int>(options.tcp_keepidle));
	}
	if (options.tcp_keepintvl > 0) {
		set_int_option(fd, IPPROTO_TCP, TCP_KEEPINTVL, static_cast<int>(options.tcp_keepintvl));
	}
	if (options.tcp_keepcnt > 0) {
		set_int_option(fd, IPPROTO_TCP, TCP_KEEPCNT, static_cast<int>(options.tcp_keepcnt));
	}
}

} // namespace

int wait_for(int fd, short events, Micros timeout)
{
	Micros deadline = timeout < 0 ? -1 : monotonic_micros() + timeout;
	pollfd entry{fd, events, 0};

	for (;;) {
		int result = poll(&entry, 1, poll_timeout_ms(timeout));
		if (result >= 0 || errno != EINTR) {
			return result;
		}
		if (deadline >= 0) {
			timeout = deadline - monotonic_micros();
			if (timeout <= 0) {
				return 0;
			}
		}
	}
}

bool set_non_blocking(int fd, bool non_blocking)
{
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0) {
		return false;
	}
	int wanted = non_blocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
	return wanted == flags || fcntl(fd, F_SETFL, wanted) == 0;
}

void apply_connect_options(int fd, int socktype, const SocketOptions &options)
{
	if (socktype == SOCK_DGRAM && options.so_broadcast) {
		set_int_option(fd, SOL_SOCKET, SO_BROADCAST, 1);
	}
	if (socktype == SOCK_STREAM) {
		if (options.tcp_nodelay) {
			set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1);
		}
		apply_keepalive(fd, options);
	}
}

void apply_bind_options(int fd, int family, int socktype, const SocketOptions &options)
{
	// PHP always sets SO_REUSEADDR on listeners; only PHP 8.6's so_reuseaddr=false turns it off.
	if (options.so_reuseaddr != Toggle::kOff) {
		set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1);
	}
	if (family == AF_INET6 && options.ipv6_v6only != Toggle::kUnset) {
		set_int_option(fd, IPPROTO_IPV6, IPV6_V6ONLY, options.ipv6_v6only == Toggle::kOn);
	}
	if (options.so_reuseport) {
		set_int_option(fd, SOL_SOCKET, SO_REUSEPORT, 1);
	}
	if (socktype == SOCK_DGRAM && options.so_broadcast) {
		set_int_option(fd, SOL_SOCKET, SO_BROADCAST, 1);
	}
	if (socktype == SOCK_STREAM) {
		apply_keepalive(fd, options);
	}
}

void apply_accepted_options(int fd, const SocketOptions &options)
{
	if (options.tcp_nodelay) {
		set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1);
	}
	apply_keepalive(fd, options);
}

Micros timeval_to_micros(long seconds, long microseconds)
{
	if (seconds < 0) {
		return -1;
	}
	return static_cast<Micros>(seconds) * 1000000 + microseconds;
}

} // namespace xport
