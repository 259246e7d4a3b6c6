"""Handing the edition to an archive: a BagIt (RFC 8493) package and its check.

``make_deposit(edition, ...)`` writes the bag (folder, zip or tar);
``verify(path)`` names every missing, added or altered file of a bag.
"""

from .package import Deposit, InvalidEdition, bag_name, make_deposit, validation_findings
from .verify import Verification, verify

__all__ = ["Deposit", "InvalidEdition", "Verification", "bag_name", "make_deposit",
           "validation_findings", "verify"]
