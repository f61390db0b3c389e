"""A worker's next file goes to its child while the last result is read (`Worker.run`'s `then`),
and the limits hold for a file sent ahead as for any other."""
from __future__ import annotations

import os
import time

from raadsstukken.pipeline.worker import Breach, Worker


def _work(task):
    kind = task[0]
    if kind == "hang":
        while True:
            pass
    if kind == "sleep":
        time.sleep(task[1])
    return kind, os.getpid(), time.monotonic()


def test_the_next_task_is_sent_ahead_and_run_waits_for_it():
    w = Worker(_work)
    first, second = ("a",), ("b",)
    asked: list[str] = []

    def then():
        asked.append("asked")
        return second, 100

    (kind, pid, _), _ = w.run(first, 5, 100, then=then)
    assert kind == "a" and asked == ["asked"] and w.ahead is not None and w.ahead[0] is second
    (kind, pid_b, _), _ = w.run(second, 5, 100)  # already with the child: not sent again
    assert kind == "b" and pid_b == pid and w.ahead is None and w.started == 1
    w.close()


def test_a_task_other_than_the_one_sent_ahead_gets_a_new_child():
    w = Worker(_work)
    (_, pid, _), _ = w.run(("a",), 5, 100, then=lambda: (("sleep", 30), 100))
    t0 = time.monotonic()
    (kind, pid_c, _), _ = w.run(("c",), 5, 100)  # the child is busy with the other: replaced
    assert kind == "c" and pid_c != pid and time.monotonic() - t0 < 10
    w.close()


def test_a_task_sent_ahead_keeps_its_time_budget():
    w = Worker(_work)
    hang = ("hang",)
    w.run(("a",), 5, 100, then=lambda: (hang, 100))
    breach = w.run(hang, 0.5, 100)
    assert isinstance(breach, Breach) and breach.kind == "timeout" and breach.seconds < 3
    (kind, _, _), _ = w.run(("d",), 5, 100)  # a new child for the next
    assert kind == "d"
    w.close()


def test_a_breach_sends_nothing_ahead_and_close_ends_a_child_busy_ahead():
    w = Worker(_work)
    asked: list[int] = []
    breach = w.run(("hang",), 0.5, 100, then=lambda: asked.append(1) or (("a",), 100))
    assert isinstance(breach, Breach) and asked == [] and w.ahead is None
    w.run(("a",), 5, 100, then=lambda: (("sleep", 30), 100))
    t0 = time.monotonic()
    w.close()  # nobody waits for the task sent ahead: the child is killed, not waited for
    assert w.pid is None and time.monotonic() - t0 < 1


def test_what_one_workers_child_gives_reaches_the_other_workers_child(monkeypatch):
    """The model finds a child makes (`worker.SHARED_FINDS`'s `fresh_finds`) go with its result to the
    parent, and from there with the next task to each other worker's child (`add_finds`)."""
    import sys
    import types

    from raadsstukken.pipeline import worker

    shared = types.ModuleType("shared_finds_for_test")
    shared.made, shared.got = [], []  # type: ignore[attr-defined]
    shared.fresh_finds = lambda: [shared.made.pop() for _ in list(shared.made)]  # type: ignore[attr-defined]
    shared.add_finds = lambda found: shared.got.extend(found)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "shared_finds_for_test", shared)
    monkeypatch.setattr(worker, "SHARED_FINDS", "shared_finds_for_test")

    def work(task):
        if task[0] == "make":
            shared.made.append((task[1], ("find",)))
        return list(shared.got)

    a, b = Worker(work), Worker(work)
    a.peers = b.peers = [a, b]
    b.run(("look",), 5, 100)  # both children running
    assert a.run(("make", "De haven van Kleindorp."), 5, 100)[0] == []
    assert b.run(("look",), 5, 100)[0] == [("De haven van Kleindorp.", ("find",))]
    assert a.run(("look",), 5, 100)[0] == []  # its own finds do not come back to it
    a.close()
    b.close()
