"""Named errors.  Each message says what went wrong and, where it can, what to do."""


class PlanExtractError(Exception):
    """Base class of planextract's own errors."""


class DocumentError(PlanExtractError):
    """A document could not be read; the message names the reason."""


class NotAPDF(DocumentError):
    """The file is not a PDF (wrong signature, empty, or another format)."""


class EncryptedPDF(DocumentError):
    """The PDF is encrypted and cannot be opened without a password."""


class BrokenPDF(DocumentError):
    """The PDF is damaged (truncated, broken cross-reference table, bad objects)."""


class NoTextLayer(DocumentError):
    """The PDF has no text layer (a scan) and OCR was not used."""


class DocumentTimeout(DocumentError):
    """Processing a document took longer than the time limit."""


class RulesError(PlanExtractError):
    """A rules file is invalid; the message names the file and the key."""
