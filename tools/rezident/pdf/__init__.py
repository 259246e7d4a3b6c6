"""The PDF edition: TEI -> print HTML (XSLT 3.0, saxonche) -> PDF/A-3b (WeasyPrint).

``PdfRenderer`` renders one document or the volume; ``build_pdf`` renders a
whole ``tei/`` folder. See docs/pdf-edition.md.
"""

from .renderer import VOLUME_NAME, PdfRenderer, build_pdf

__all__ = ["PdfRenderer", "VOLUME_NAME", "build_pdf"]
