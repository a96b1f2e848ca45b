// Thin, exception-free wrappers around the socket calls the transports make.
#ifndef XPORT_SOCKET_H
#define XPORT_SOCKET_H

#include <sys/socket.h>
#include <cstdint>
#include <utility>

#include "happy_eyeballs.h"

namespace xport {

// Owns one file descriptor; closes it unless released.
class Fd {
  public:
	Fd() = default;
	explicit Fd(int fd) : fd_(fd) {}
	Fd(Fd &&other) noexcept : fd_(other.release()) {}
	Fd &operator=(Fd &&other) noexcept;
	Fd(const Fd &) = delete;
	Fd &operator=(const Fd &) = delete;
	~Fd() { reset(); }

	int get() const { return fd_; }
	bool valid() const { return fd_ >= 0; }
	int release() { return std::exchange(fd_, -1); }
	void reset(int fd = -1);

  private:
	int fd_ = -1;
};

// A tri-state for options PHP applies only when they are present in the context.
enum class Toggle : signed char { kUnset = -1, kOff = 0, kOn = 1 };

// Socket-level options, already converted from the stream context the way PHP converts
// them. Plain data so that it can be filled in where PHP may call back into user code.
struct SocketOptions {
	bool tcp_nodelay = false;
	bool so_broadcast = false;
	bool so_reuseport = false;
	Toggle so_reuseaddr = Toggle::kUnset; // unset means on, as PHP always sets it
	Toggle ipv6_v6only = Toggle::kUnset;
	Toggle so_keepalive = Toggle::kUnset;
	long tcp_keepidle = -1; // -1: leave the system default
	long tcp_keepintvl = -1;
	long tcp_keepcnt = -1;
};

// Current time on the monotonic clock.
Micros monotonic_micros();

// Waits for `events` on `fd` for at most `timeout` (-1: forever), retrying on EINTR with
// the remaining time. Returns poll()'s result; errno is set when it is negative.
int wait_for(int fd, short events, Micros timeout);

// Switches O_NONBLOCK; returns false (errno set) when fcntl fails.
bool set_non_blocking(int fd, bool non_blocking);

// Options that apply before connect() or bind() on a new socket.
void apply_connect_options(int fd, int socktype, const SocketOptions &options);
void apply_bind_options(int fd, int family, int socktype, const SocketOptions &options);
// Options an accepted socket inherits from the listener's context.
void apply_accepted_options(int fd, const SocketOptions &options);

// PHP's "seconds and microseconds" timeouts as microseconds; negative means none.
Micros timeval_to_micros(long seconds, long microseconds);

} // namespace xport

#endif
