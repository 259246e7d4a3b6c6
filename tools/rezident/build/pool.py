"""Running tasks in worker processes that each set their tools up once.

Every worker (and the build's own process, when it works alone) keeps one
validator and one renderer of each kind, made on first use: stylesheets and
schemas are compiled once per process, not once per document. Tasks are sent
in small batches and only a bounded number is in flight, so memory does not
grow with the edition. Workers start from a fresh interpreter (forkserver),
so they inherit neither the build lock nor the manifest's database handle.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import RezidentError
from .toolkit import Setting, Toolkit

if TYPE_CHECKING:  # the pool machinery loads only when a build has work for it
    from concurrent.futures import ProcessPoolExecutor


@dataclass
class Outcome:
    """What a task gives back: files written, data to keep, or why it failed."""

    item: str
    outputs: list[str] = field(default_factory=list)
    data: Any = None
    error: str | None = None


Task = Callable[["Tools"], Outcome]


class Tools:
    """One process's validator and renderers, made on first use."""

    def __init__(self, setting: Setting, toolkit: Toolkit):
        self.setting = setting
        self.kit = toolkit
        self._made: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._made:
            self._made[name] = self.kit.make(name, self.setting)
        return self._made[name]


_tools: Tools | None = None


def _init_worker(setting: Setting, toolkit: Toolkit) -> None:
    global _tools
    _tools = Tools(setting, toolkit)


def _run_batch(tasks: list[Task]) -> list[Outcome]:
    assert _tools is not None
    return [_run(task, _tools) for task in tasks]


def _run(task: Task, tools: Tools) -> Outcome:
    """Run one task; a failure becomes a one-line report naming the file."""
    item = str(getattr(task, "item", task))
    subject = getattr(task, "path", None) or item
    try:
        return task(tools)
    except RezidentError as exc:
        text = str(exc) if exc.path is not None else f"{subject}: {exc}"
        return Outcome(item=item, error=text)
    except Exception as exc:  # a renderer's bug must not stop the other documents
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(item=item, error=f"{subject}: error: {type(exc).__name__}: {exc} "
                                        f"(at {where.filename}:{where.lineno})")


class Runner:
    """Runs tasks here or in ``jobs`` worker processes, started when first needed."""

    def __init__(self, setting: Setting, toolkit: Toolkit, jobs: int):
        self.setting = setting
        self.toolkit = toolkit
        self.jobs = max(1, jobs)
        self._local: Tools | None = None
        self._pool: ProcessPoolExecutor | None = None

    def run(self, tasks: list[Task], on_done: Callable[[list[Outcome]], None]) -> None:
        """Run ``tasks``; ``on_done`` receives outcomes as batches finish (any order)."""
        if not tasks:
            return
        if self.jobs == 1 or (len(tasks) == 1 and self._pool is None):
            tools = self._local_tools()
            for task in tasks:
                on_done([_run(task, tools)])
            return
        pool = self._ensure_pool()
        size = max(1, min(16, len(tasks) // (self.jobs * 8)))
        batches = (tasks[i:i + size] for i in range(0, len(tasks), size))
        for outcomes in _bounded(pool, batches, limit=self.jobs * 4):
            on_done(outcomes)

    def _local_tools(self) -> Tools:
        if self._local is None:
            self._local = Tools(self.setting, self.toolkit)
        return self._local

    def _ensure_pool(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None:
            method = "forkserver" if sys.platform.startswith("linux") else "spawn"
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context(method),
                initializer=_init_worker, initargs=(self.setting, self.toolkit))
        return self._pool

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None


def _bounded(pool: ProcessPoolExecutor, batches: Iterable[list[Task]],
             limit: int) -> Iterator[list[Outcome]]:
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pending: set = set()
    source = iter(batches)
    exhausted = False
    while True:
        while not exhausted and len(pending) < limit:
            batch = next(source, None)
            if batch is None:
                exhausted = True
            else:
                pending.add(pool.submit(_run_batch, batch))
        if not pending:
            return
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            try:
                yield future.result()
            except BrokenProcessPool:
                raise RezidentError("a worker process died (out of memory, or killed?)",
                                    hint="run again with --jobs 1 to see which document") from None
