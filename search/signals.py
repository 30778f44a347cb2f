"""What the search tells the rest of the portal, without knowing who listens (``feedback`` counts).

Both are sent from the small requests the search page makes after it is shown (``search.views``), not
from the page itself: the page is served from the page cache, and a cached answer runs no view.

``searched``: a search page was seen; ``language``, ``query`` (as typed, at most ``MAX_QUERY``
characters), ``found`` (how many results it showed).
``result_followed``: a reader opened one of its results; ``language``, ``query``, ``path``.
"""

from django.dispatch import Signal

searched = Signal()
result_followed = Signal()
