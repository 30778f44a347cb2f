"""A process's own memory of things it worked out, bounded in bytes, the least recently used dropped first.

Used for answers served last (``core.middleware``) and for rendered text (``core.text``, the glossary's
marking): what is kept there is a pure function of its key, so it never goes stale; the bound is the only
reason to forget. Thread-safe (``runserver`` and threaded workers share it).
"""

import threading
from collections import OrderedDict


class BoundedMemory:
    """Values by key, at most ``limit()`` bytes of them as their ``size`` counts (0 turns the memory off)."""

    def __init__(self, limit):
        self._limit = limit
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    @property
    def limit(self):
        return self._limit()

    def get(self, key):
        if not self.limit:
            return None
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key, value, size):
        limit = self.limit
        if size > limit:
            return
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= old[1]
            self.entries[key] = (value, size)
            self.size += size
            while self.size > limit:
                _key, (_value, dropped) = self.entries.popitem(last=False)
                self.size -= dropped

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0
