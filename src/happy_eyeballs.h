// Connection attempt scheduling after RFC 8305 (Happy Eyeballs v2), §4 and §5.
//
// The scheduler knows nothing of sockets or clocks: the connector tells it what happened
// and when, and asks what to do next. That keeps every timing decision unit-testable.
#ifndef XPORT_HAPPY_EYEBALLS_H
#define XPORT_HAPPY_EYEBALLS_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace xport {

// Microseconds on a monotonic clock; the origin is the caller's.
using Micros = std::int64_t;

// No deadline at all (PHP's negative timeouts).
constexpr Micros kNoDeadline = -1;

// RFC 8305 §5: the recommended Connection Attempt Delay.
constexpr Micros kConnectionAttemptDelay = 250 * 1000;

// Reorders address families so that they alternate, starting with the family of the first
// address and keeping each family's own order (RFC 8305 §4, "First Address Family Count" 1).
// Takes the families in resolver order and returns indexes into that list.
std::vector<size_t> interleave_families(const std::vector<int> &families);

class AttemptScheduler {
  public:
	enum class Action {
		kStartNext, // open the next address now
		kWait,      // wait for in-flight attempts at most wait_micros() (-1: no limit)
		kTimedOut,  // the caller's deadline has passed
		kExhausted, // every address was tried and failed
	};

	// `serial` disables overlapping attempts (a fixed local port cannot be bound twice).
	AttemptScheduler(size_t address_count, Micros now, Micros deadline, bool serial,
					 Micros attempt_delay = kConnectionAttemptDelay);

	// What to do at time `now`; for kWait, wait_micros() says how long.
	Action next_action(Micros now);
	Micros wait_micros() const { return wait_; }

	// Index of the address the next kStartNext refers to.
	size_t next_index() const { return next_; }
	size_t in_flight() const { return in_flight_; }

	// The connector started the next address (it may fail at once: call attempt_failed then).
	void attempt_started(Micros now);
	// An in-flight attempt failed: the next one may start without waiting for the delay.
	void attempt_failed();

  private:
	size_t count_;
	size_t next_ = 0;
	size_t in_flight_ = 0;
	Micros deadline_;
	Micros delay_;
	Micros last_start_ = 0;
	Micros wait_ = -1;
	bool serial_;
	bool start_now_ = true;
};

} // namespace xport

#endif
