"""What ui/tasks.py promises: one runner's work runs in order, one piece at a time, while two
runners run side by side (database work of two runners can overlap)."""

from __future__ import annotations

import threading

from editor_app.ui.tasks import BackgroundRunner

WAIT_S = 10  # only a limit for a broken runner; the test asserts no duration


def test_one_runners_work_runs_in_order_one_at_a_time(qtbot):
    runner = BackgroundRunner("order")
    running, overlaps, order, results = [0], [], [], []
    lock = threading.Lock()

    def piece(number):
        def work():
            with lock:
                running[0] += 1
                overlaps.append(running[0])
            order.append(number)
            threading.Event().wait(0.01)
            with lock:
                running[0] -= 1
            return number
        return work

    for number in range(5):
        runner.run(piece(number), results.append, latest_only=False)
    qtbot.waitUntil(lambda: len(results) == 5, timeout=WAIT_S * 1000)
    assert order == results == [0, 1, 2, 3, 4] and max(overlaps) == 1
    runner.shutdown()


def test_two_runners_work_side_by_side(qtbot):
    first, second = BackgroundRunner("first"), BackgroundRunner("second")
    first_started, second_started, met = threading.Event(), threading.Event(), []

    def in_first():
        first_started.set()
        return second_started.wait(WAIT_S)  # only true if the second runner ran meanwhile

    def in_second():
        second_started.set()
        return first_started.wait(WAIT_S)

    first.run(in_first, met.append)
    second.run(in_second, met.append)
    qtbot.waitUntil(lambda: len(met) == 2, timeout=2 * WAIT_S * 1000)
    assert met == [True, True]
    first.shutdown()
    second.shutdown()
