#include "happy_eyeballs.h"

#include <netinet/in.h>

#include "unit.h"

using namespace xport;
using Action = AttemptScheduler::Action;

TEST_CASE("families alternate starting with the first family")
{
	std::vector<int> families{AF_INET6, AF_INET6, AF_INET, AF_INET};
	CHECK((interleave_families(families) == std::vector<size_t>{0, 2, 1, 3}));
	std::vector<int> v4_first{AF_INET, AF_INET6, AF_INET6, AF_INET6};
	CHECK((interleave_families(v4_first) == std::vector<size_t>{0, 1, 2, 3}));
	CHECK(interleave_families({}).empty());
}

TEST_CASE("a single address is attempted once and then waits for the deadline")
{
	AttemptScheduler scheduler(1, 0, 3000000, false);
	CHECK(scheduler.next_action(0) == Action::kStartNext);
	scheduler.attempt_started(0);
	CHECK(scheduler.next_action(1000) == Action::kWait);
	CHECK_EQ(scheduler.wait_micros(), 2999000);
	CHECK(scheduler.next_action(3000000) == Action::kTimedOut);
}

TEST_CASE("the next attempt starts after the attempt delay")
{
	AttemptScheduler scheduler(2, 0, kNoDeadline, false);
	scheduler.attempt_started(0);
	CHECK(scheduler.next_action(100000) == Action::kWait);
	CHECK_EQ(scheduler.wait_micros(), kConnectionAttemptDelay - 100000);
	CHECK(scheduler.next_action(kConnectionAttemptDelay) == Action::kStartNext);
	CHECK_EQ(scheduler.next_index(), 1u);
	scheduler.attempt_started(kConnectionAttemptDelay);
	CHECK_EQ(scheduler.in_flight(), 2u);
	// No more addresses and no deadline: wait without limit for the two in flight.
	CHECK(scheduler.next_action(kConnectionAttemptDelay + 1) == Action::kWait);
	CHECK_EQ(scheduler.wait_micros(), -1);
}

TEST_CASE("a failure starts the next attempt at once")
{
	AttemptScheduler scheduler(3, 0, kNoDeadline, false);
	scheduler.attempt_started(0);
	scheduler.attempt_failed();
	CHECK(scheduler.next_action(10) == Action::kStartNext);
	scheduler.attempt_started(10);
	scheduler.attempt_started(kConnectionAttemptDelay + 10);
	scheduler.attempt_failed(); // one of the two in flight failed
	CHECK(scheduler.next_action(kConnectionAttemptDelay + 20) == Action::kExhausted ||
		  scheduler.next_index() == 3u);
}

TEST_CASE("every address failing exhausts the schedule")
{
	AttemptScheduler scheduler(2, 0, 1000000, false);
	scheduler.attempt_started(0);
	scheduler.attempt_failed();
	CHECK(scheduler.next_action(5) == Action::kStartNext);
	scheduler.attempt_started(5);
	scheduler.attempt_failed();
	CHECK(scheduler.next_action(6) == Action::kExhausted);
}

TEST_CASE("serial attempts never overlap")
{
	AttemptScheduler scheduler(2, 0, 5000000, true);
	scheduler.attempt_started(0);
	CHECK(scheduler.next_action(kConnectionAttemptDelay * 4) == Action::kWait);
	CHECK_EQ(scheduler.wait_micros(), 5000000 - kConnectionAttemptDelay * 4);
	scheduler.attempt_failed();
	CHECK(scheduler.next_action(kConnectionAttemptDelay * 4) == Action::kStartNext);
}

TEST_CASE("the deadline bounds the attempt delay wait")
{
	AttemptScheduler scheduler(2, 0, 100000, false);
	scheduler.attempt_started(0);
	CHECK(scheduler.next_action(0) == Action::kWait);
	CHECK_EQ(scheduler.wait_micros(), 100000);
	CHECK(scheduler.next_action(100000) == Action::kTimedOut);
}
