"""The error every reader of typed, pasted or imported text raises: why the text is not the value (a `Message`)."""

from __future__ import annotations

from espm_desktop.core.i18n import Message, MessageError


class TextValueError(MessageError):
    """A text (or cell) that cannot be read as the expected kind of value; the caller adds where it was.

    `problem` says why, in no language yet. It is rendered only when read: an import may refuse many cells.
    """

    def __init__(self, problem: Message) -> None:
        super().__init__(problem, logged=problem.template)

    def __str__(self) -> str:
        return self.problem.text("en")

    @property
    def reason(self) -> Message:
        return self.problem

    @property
    def reason_en(self) -> str:
        return self.problem.text("en")

    @property
    def reason_fr(self) -> str:
        return self.problem.text("fr")
