"""A process's bounded memory (``core.memory``) and what uses it for text: rendered Markdown by its source
(``core.text``)."""

import pytest

from core import text
from core.memory import BoundedMemory


def test_the_memory_keeps_at_most_its_bound_and_forgets_the_least_recently_used_first():
    memory = BoundedMemory(lambda: 100)
    memory.put("a", "A", 40)
    memory.put("b", "B", 40)
    assert memory.get("a") == "A"  # now the most recently used
    memory.put("c", "C", 40)  # 120 > 100: "b" goes
    assert memory.get("b") is None
    assert (memory.get("a"), memory.get("c")) == ("A", "C")
    assert memory.size == 80
    memory.put("a", "A2", 10)  # a new value replaces the old one and its size
    assert memory.size == 50 and memory.get("a") == "A2"
    memory.put("huge", "H", 101)  # larger than the bound: not kept, nothing dropped for it
    assert memory.get("huge") is None and memory.size == 50
    memory.clear()
    assert memory.size == 0 and memory.get("a") is None


def test_a_memory_bound_of_zero_keeps_nothing():
    memory = BoundedMemory(lambda: 0)
    memory.put("a", "A", 0)
    assert memory.get("a") is None


def test_rendered_markdown_is_kept_by_its_source_and_within_its_bound(settings):
    settings.AZAMAT_TEXT_MEMORY_BYTES = 4096
    text.text_memory.clear()
    source = "**Заң** бойынша: [adilet](https://adilet.zan.kz)"
    first = text.render_markdown(source)
    assert text.render_markdown(source) is first  # from the memory, not rendered again
    assert "<strong>Заң</strong>" in first and 'rel="noopener noreferrer"' in first
    for number in range(200):  # far more than 4 KB of other texts
        text.render_markdown(f"Абзац {number}: " + "сөз " * 10)
    assert text.text_memory.size <= 4096
    assert source not in text.text_memory.entries  # the oldest went first
    assert text.render_markdown(source) == first  # rendered again, the same


@pytest.mark.parametrize("source", ["<script>alert(1)</script>", "[x](javascript:alert(1))"])
def test_what_the_memory_gives_back_is_the_sanitised_html(settings, source):
    settings.AZAMAT_TEXT_MEMORY_BYTES = 4096
    text.text_memory.clear()
    once, twice = text.render_markdown(source), text.render_markdown(source)
    assert once == twice
    assert "<script" not in twice and 'href="javascript' not in twice
