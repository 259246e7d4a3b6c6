"""Validation of the edition's TEI: RELAX NG, Schematron and cross-document checks."""
