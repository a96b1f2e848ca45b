#include "happy_eyeballs.h"

#include <algorithm>

namespace xport {

std::vector<size_t> interleave_families(const std::vector<int> &families)
{
	std::vector<size_t> first_family, other_families, order;

	for (size_t i = 0; i < families.size(); i++) {
		(families[i] == families[0] ? first_family : other_families).push_back(i);
	}
	order.reserve(families.size());
	for (size_t i = 0; i < std::max(first_family.size(), other_families.size()); i++) {
		if (i < first_family.size()) {
			order.push_back(first_family[i]);
		}
		if (i < other_families.size()) {
			order.push_back(other_families[i]);
		}
	}
	return order;
}

AttemptScheduler::AttemptScheduler(size_t address_count, Micros now, Micros deadline, bool serial,
								   Micros attempt_delay)
	: count_(address_count), deadline_(deadline), delay_(attempt_delay), last_start_(now),
	  serial_(serial)
{
}

AttemptScheduler::Action AttemptScheduler::next_action(Micros now)
{
	bool more_addresses = next_ < count_;

	if (!more_addresses && in_flight_ == 0) {
		return Action::kExhausted;
	}
	if (deadline_ != kNoDeadline && now >= deadline_) {
		return Action::kTimedOut;
	}
	if (more_addresses) {
		bool delay_over = !serial_ && now - last_start_ >= delay_;
		if (in_flight_ == 0 || start_now_ || delay_over) {
			return Action::kStartNext;
		}
	}

	wait_ = -1;
	if (more_addresses && !serial_) {
		wait_ = last_start_ + delay_ - now;
	}
	if (deadline_ != kNoDeadline) {
		Micros to_deadline = deadline_ - now;
		wait_ = wait_ < 0 ? to_deadline : std::min(wait_, to_deadline);
	}
	return Action::kWait;
}

void AttemptScheduler::attempt_started(Micros now)
{
	next_++;
	in_flight_++;
	last_start_ = now;
	start_now_ = false;
}

void AttemptScheduler::attempt_failed()
{
	if (in_flight_ > 0) {
		in_flight_--;
	}
	start_now_ = true;
}

} // namespace xport
