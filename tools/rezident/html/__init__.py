"""The HTML edition: TEI -> a static, self-contained site (issue 4).

``HtmlRenderer`` renders pages one at a time for the build orchestrator;
``build_html`` builds a whole site in one call; ``build_search_index``
runs Pagefind over a built site.
"""

from .render import HtmlRenderer
from .search import build_search_index
from .site import build_html

__all__ = ["HtmlRenderer", "build_html", "build_search_index"]
