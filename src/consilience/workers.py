"""Worker processes that die with their parent and leave Ctrl-C to it.

Every process pool of the pipeline comes from ``worker_pool``: on Linux each worker asks the kernel
to kill it when its parent dies (``PR_SET_PDEATHSIG``), so a ``kill -9`` of the run leaves no worker
behind blocked on a queue; workers ignore SIGINT (a Ctrl-C reaches the whole process group, and the
parent decides how to stop) and take SIGTERM's default. ``stopping`` ends the workers at once when
the parent is interrupted, instead of waiting for their batches.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def worker_pool(n: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=n, initializer=_worker_start, initargs=(os.getpid(),))


@contextmanager
def stopping(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """``pool``, shut down normally on success and its workers ended at once on any error or interrupt."""
    try:
        yield pool
    except BaseException:
        stop_now(pool)
        raise
    pool.shutdown()


def stop_now(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers without waiting for the work they hold (it is redone on the next run)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        # Work still buffered for the pipe to the workers ended below would never be read; without
        # this, exiting waits for it forever (the queue's feeder thread is joined at exit).
        call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(timeout=5)


def _worker_start(parent: int) -> None:
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError) as e:  # no prctl (musl without it, sandboxes): workers still exit with the pool
        log.debug("cannot ask to die with the parent: %s", e)
