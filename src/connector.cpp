#include "connector.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <unistd.h>

#include "address.h"

namespace xport {

namespace {

double elapsed_ms(Micros since, Micros now)
{
	return static_cast<double>(now - since) / 1000.0;
}

// One address the race may try, with the local binding PHP would give it.
struct Candidate {
	const ResolvedAddress *address;
	const LocalBinding *binding; // nullptr: no bind before connect
};

// PHP's bindto rules: an IPv6 result needs an IPv6-looking bindto; an IPv4 result with an
// IPv6-looking bindto, or the "0" wildcard, connects unbound and so do all later results.
std::vector<Candidate> candidates_for(const std::vector<ResolvedAddress> &addresses,
									  const std::optional<LocalBinding> &bindto)
{
	std::vector<Candidate> result;
	const LocalBinding *binding = bindto ? &*bindto : nullptr;

	for (const ResolvedAddress &address : addresses) {
		bool v6_binding = binding && binding->host.find(':') != std::string::npos;
		if (address.family == AF_INET6) {
			if (binding && !v6_binding) {
				continue;
			}
		} else if (address.family == AF_INET) {
			if (binding && (v6_binding || binding->host == "0")) {
				binding = nullptr;
			}
		} else {
			continue;
		}
		result.push_back({&address, binding});
	}
	return result;
}

// Race order: families alternate, each family in resolver order.
std::vector<Candidate> race_order(const std::vector<Candidate> &candidates)
{
	std::vector<int> families;
	std::vector<Candidate> ordered;

	for (const Candidate &candidate : candidates) {
		families.push_back(candidate.address->family);
	}
	for (size_t index : interleave_families(families)) {
		ordered.push_back(candidates[index]);
	}
	return ordered;
}

void bind_locally(int fd, int family, const LocalBinding &binding,
				  std::vector<std::string> &warnings)
{
	sockaddr_storage local{};
	socklen_t length = 0;

	if (family == AF_INET) {
		auto in4 = reinterpret_cast<sockaddr_in *>(&local);
		if (inet_pton(AF_INET, binding.host.c_str(), &in4->sin_addr) == 1) {
			in4->sin_family = AF_INET;
			in4->sin_port = htons(binding.port);
			length = sizeof *in4;
		}
	} else {
		auto in6 = reinterpret_cast<sockaddr_in6 *>(&local);
		if (inet_pton(AF_INET6, binding.host.c_str(), &in6->sin6_addr) == 1) {
			in6->sin6_family = AF_INET6;
			in6->sin6_port = htons(binding.port);
			length = sizeof *in6;
		}
	}
#ifdef IP_BIND_ADDRESS_NO_PORT
	// Lets the kernel pick the port at connect time, so many clients can share a local IP.
	int one = 1;
	(void)setsockopt(fd, SOL_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
#endif
	if (length == 0) {
		warnings.push_back("Invalid IP Address: " + binding.host);
	} else if (bind(fd, reinterpret_cast<sockaddr *>(&local), length) != 0) {
		warnings.push_back("Failed to bind to '" + binding.host + ":" +
						   std::to_string(binding.port) + "', system said: " + strerror(errno));
	}
}

// The attempts of one connect call. Owns the sockets still in flight; the winner's socket
// moves into the outcome, the others close when the race is destroyed.
class ConnectRace {
  public:
	ConnectRace(const ConnectRequest &request, ConnectOutcome &outcome)
		: request_(request), outcome_(outcome)
	{
	}

	void run(const std::vector<Candidate> &order, Micros start);

  private:
	struct InFlight {
		Fd fd;
		size_t record;
		Micros started;
		const ResolvedAddress *address;
	};

	void start_attempt(const Candidate &candidate, AttemptScheduler &scheduler);
	void wait_for_attempts(Micros timeout, AttemptScheduler &scheduler);
	void record_failure(size_t record, int error, Micros started);
	void win(Fd fd, size_t record, Micros started, const ResolvedAddress &address);
	void time_out();

	const ConnectRequest &request_;
	ConnectOutcome &outcome_;
	std::vector<InFlight> in_flight_;
	bool won_ = false;
};

void ConnectRace::record_failure(size_t record, int error, Micros started)
{
	AttemptRecord &attempt = outcome_.attempts[record];

	attempt.error = error;
	attempt.milliseconds = elapsed_ms(started, monotonic_micros());
	if (!won_) {
		outcome_.error_code = error;
		outcome_.error_text = strerror(error);
	}
}

void ConnectRace::win(Fd fd, size_t record, Micros started, const ResolvedAddress &address)
{
	AttemptRecord &attempt = outcome_.attempts[record];

	attempt.error = 0;
	attempt.milliseconds = elapsed_ms(started, monotonic_micros());
	std::memcpy(&outcome_.peer, &address.address, address.length);
	outcome_.peer_length = address.length;
	outcome_.fd = std::move(fd);
	outcome_.error_code = 0;
	outcome_.error_text.reset();
	won_ = true;
}

void ConnectRace::start_attempt(const Candidate &candidate, AttemptScheduler &scheduler)
{
	const ResolvedAddress &address = *candidate.address;
	Micros started = monotonic_micros();
	size_t record = outcome_.attempts.size();

	outcome_.attempts.push_back(
		{format_socket_address(reinterpret_cast<const sockaddr *>(&address.address),
							   address.length),
		 address.family});
	scheduler.attempt_started(started);

	// Non-blocking from the start: one system call fewer than switching it afterwards.
	Fd fd(socket(address.family, request_.socktype | SOCK_NONBLOCK, 0));
	if (!fd.valid()) {
		// PHP moves on silently when it cannot even create the socket.
		outcome_.attempts[record].error = errno;
		scheduler.attempt_failed();
		return;
	}
	if (candidate.binding) {
		bind_locally(fd.get(), address.family, *candidate.binding, outcome_.warnings);
	}
	apply_connect_options(fd.get(), request_.socktype, request_.options);

	if (connect(fd.get(), reinterpret_cast<const sockaddr *>(&address.address), address.length) ==
		0) {
		win(std::move(fd), record, started, address);
		return;
	}
	int error = errno;
	if (error != EINPROGRESS) {
		record_failure(record, error, started);
		scheduler.attempt_failed();
		return;
	}
	if (request_.asynchronous) {
		// PHP's asynchronous connect takes the first address that did not fail at once.
		win(std::move(fd), record, started, address);
		outcome_.attempts[record].pending = true;
		outcome_.in_progress = true;
		outcome_.error_code = EINPROGRESS;
		return;
	}
	in_flight_.push_back({std::move(fd), record, started, &address});
}

void ConnectRace::wait_for_attempts(Micros timeout, AttemptScheduler &scheduler)
{
	std::vector<pollfd> polled;

	for (const InFlight &attempt : in_flight_) {
		polled.push_back({attempt.fd.get(), POLLIN | POLLOUT, 0});
	}
	int ready = poll(polled.data(), polled.size(),
					 timeout < 0 ? -1 : static_cast<int>((timeout + 999) / 1000));
	if (ready <= 0) {
		return; // a timeout or EINTR: the scheduler decides what comes next
	}
	for (size_t i = polled.size(); i-- > 0;) {
		if (polled[i].revents == 0) {
			continue;
		}
		InFlight attempt = std::move(in_flight_[i]);
		in_flight_.erase(in_flight_.begin() + static_cast<std::ptrdiff_t>(i));

		int error = 0;
		socklen_t length = sizeof error;
		if (getsockopt(attempt.fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
			error = errno;
		}
		if (error == 0 && !won_) {
			win(std::move(attempt.fd), attempt.record, attempt.started, *attempt.address);
		} else if (error != 0) {
			record_failure(attempt.record, error, attempt.started);
			scheduler.attempt_failed();
		} else {
			outcome_.attempts[attempt.record].abandoned = true; // connected too, but second
		}
	}
}

void ConnectRace::time_out()
{
	for (const InFlight &attempt : in_flight_) {
		record_failure(attempt.record, ETIMEDOUT, attempt.started);
		outcome_.attempts[attempt.record].abandoned = true;
	}
	in_flight_.clear();
	outcome_.error_code = ETIMEDOUT;
	outcome_.error_text = strerror(ETIMEDOUT);
}

void ConnectRace::run(const std::vector<Candidate> &order, Micros start)
{
	Micros deadline = request_.timeout < 0 ? kNoDeadline : start + request_.timeout;
	bool serial = request_.asynchronous || (request_.bindto && request_.bindto->port != 0);
	AttemptScheduler scheduler(order.size(), start, deadline, serial);

	while (!won_) {
		Micros now = monotonic_micros();
		switch (scheduler.next_action(now)) {
			case AttemptScheduler::Action::kStartNext:
				start_attempt(order[scheduler.next_index()], scheduler);
				break;
			case AttemptScheduler::Action::kWait:
				wait_for_attempts(scheduler.wait_micros(), scheduler);
				break;
			case AttemptScheduler::Action::kTimedOut:
				time_out();
				return;
			case AttemptScheduler::Action::kExhausted:
				return;
		}
	}
	for (InFlight &loser : in_flight_) {
		AttemptRecord &attempt = outcome_.attempts[loser.record];
		attempt.abandoned = true;
		attempt.milliseconds = elapsed_ms(loser.started, monotonic_micros());
	}
}

size_t failed_attempts(const std::vector<AttemptRecord> &attempts)
{
	size_t count = 0;

	for (const AttemptRecord &attempt : attempts) {
		count += attempt.error != 0;
	}
	return count;
}

} // namespace

std::string describe_attempts(const std::vector<AttemptRecord> &attempts)
{
	std::string text;

	for (const AttemptRecord &attempt : attempts) {
		if (!text.empty()) {
			text += "; ";
		}
		text += attempt.address + ": ";
		text += attempt.error == 0 ? "connected" : strerror(attempt.error);
		if (attempt.abandoned) {
			text += " (abandoned)";
		}
	}
	return text;
}

ConnectOutcome connect_to_host(const ConnectRequest &request)
{
	ConnectOutcome outcome;
	Micros resolve_start = monotonic_micros();
	// TODO: name resolution is not bounded by the connect timeout; that needs a resolver that
	// is safe across pcntl_fork(), and an opt-in, since PHP leaves it outside the timeout.
	Resolution resolution = resolve(request.host, request.port, request.socktype);
	Micros connect_start = monotonic_micros();

	outcome.resolve_milliseconds = elapsed_ms(resolve_start, connect_start);
	if (!resolution.error.empty()) {
		outcome.resolution_failed = true;
		outcome.warnings.push_back(resolution.error);
		outcome.error_text = resolution.error;
		return outcome;
	}

	std::vector<Candidate> order = race_order(candidates_for(resolution.addresses, request.bindto));
	ConnectRace race(request, outcome);
	race.run(order, connect_start);
	outcome.connect_milliseconds = elapsed_ms(connect_start, monotonic_micros());

	if (outcome.fd.valid()) {
		if (!request.asynchronous) {
			// A socket we created has no other status flag set than O_NONBLOCK.
			(void)fcntl(outcome.fd.get(), F_SETFL, 0);
		}
	} else if (failed_attempts(outcome.attempts) > 1 && outcome.error_text) {
		// Several addresses failed: say what happened to each, after PHP's usual text.
		outcome.error_text = *outcome.error_text + " (" + describe_attempts(outcome.attempts) + ")";
	}
	return outcome;
}

BindOutcome bind_to_local(const BindRequest &request)
{
	BindOutcome outcome;
	Resolution resolution = resolve(request.host, request.port, request.socktype);
	int error = 0;

	if (!resolution.error.empty()) {
		outcome.warnings.push_back(resolution.error);
		outcome.error_text = resolution.error;
		return outcome;
	}
	for (const ResolvedAddress &address : resolution.addresses) {
		if (address.family != AF_INET && address.family != AF_INET6) {
			continue;
		}
		Fd fd(socket(address.family, request.socktype, 0));
		if (!fd.valid()) {
			continue;
		}
		apply_bind_options(fd.get(), address.family, request.socktype, request.options);
		if (bind(fd.get(), reinterpret_cast<const sockaddr *>(&address.address), address.length) ==
			0) {
			outcome.fd = std::move(fd);
			outcome.family = address.family;
			return outcome;
		}
		error = errno;
	}
	outcome.error_code = error;
	outcome.error_text = strerror(error);
	return outcome;
}

AcceptOutcome accept_connection(int listener, Micros timeout, const SocketOptions &options)
{
	AcceptOutcome outcome;
	int ready = wait_for(listener, POLLIN, timeout);

	if (ready == 0) {
		outcome.error_code = ETIMEDOUT;
		return outcome;
	}
	if (ready < 0) {
		outcome.error_code = errno;
		return outcome;
	}
	outcome.peer_length = sizeof outcome.peer;
	outcome.fd.reset(
		accept(listener, reinterpret_cast<sockaddr *>(&outcome.peer), &outcome.peer_length));
	if (!outcome.fd.valid()) {
		outcome.error_code = errno;
		outcome.peer_length = 0;
		return outcome;
	}
	apply_accepted_options(outcome.fd.get(), options);
	return outcome;
}

} // namespace xport
