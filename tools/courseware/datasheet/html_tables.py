"""HTML tables and escaping for the datasheet page: every value from the datasheet passes
through ``escape`` (or ``escape_markdown`` in headings) before it reaches the page."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from pydantic import BaseModel

from courseware.datasheet.labels import field_labels
from courseware.datasheet.schema.base import Quantity
from courseware.datasheet.schema.standard import NamedQuantity

Gettext = Callable[[str], str]

_MARKDOWN_SPECIALS = "\\`*_{}[]#|"


def escape(text: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


def escape_markdown(text: str) -> str:
    """Escape text for a Markdown heading: Markdown's own characters, then HTML (in that
    order, so the ``#`` of an entity such as ``&#x27;`` is not escaped)."""
    marked = "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in text)
    return html.escape(marked, quote=True)


def _number(value: float | None) -> str:
    return "" if value is None else escape(f"{value:g}")


def format_quantity(quantity: Quantity) -> str:
    """One line for a quantity: "3.1–3.5 V", "≈150 mW", or its disclosure answer."""
    if not quantity.is_disclosed:
        return escape(quantity.disclosure)
    parts = [_number(v) for v in (quantity.min, quantity.typ, quantity.max) if v is not None]
    text = "–".join(parts)
    if quantity.approximate:
        text = "≈" + text
    return f"{text} {escape(quantity.unit or '')}".strip()


class TableRenderer:
    """Renders values, field tables, row tables and specification tables, with labels.

    ``data_attributes`` (such as `` lang="en"``) go on every cell that holds the datasheet's
    own text, which is in English, while the labels are in the reader's language.
    """

    def __init__(self, gettext: Gettext, data_attributes: str = "") -> None:
        self.gettext = gettext
        self.labels = field_labels(gettext)
        self.data_attributes = data_attributes

    def cell(self, value: object) -> str:
        """A ``<td>`` of ``value``, marked as the data's language when it holds its text."""
        marks = self.data_attributes if _is_text(value) else ""
        return f"<td{marks}>{self.value(value)}</td>"

    def label(self, name: str) -> str:
        return escape(self.labels.get(name, name))

    def value(self, value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return escape(self.gettext("yes") if value else self.gettext("no"))
        if isinstance(value, Quantity):
            return format_quantity(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return escape(str(value))
        if isinstance(value, float):
            return _number(value)
        if isinstance(value, str):
            return escape(value)
        if isinstance(value, list):
            if value and all(isinstance(v, BaseModel) for v in value):
                return self.rows(value)
            return "<ul>" + "".join(f"<li>{self.value(v)}</li>" for v in value) + "</ul>"
        if isinstance(value, dict):
            return self.fields_table(value)
        if isinstance(value, BaseModel):
            return self.fields_table(set_fields(value))
        return escape(str(value))

    def fields_table(self, fields: dict[str, object], skip: Iterable[str] = ()) -> str:
        skipped = set(skip)
        rows = [
            f'<tr><th scope="row">{self.label(name)}</th>{self.cell(value)}</tr>'
            for name, value in fields.items()
            if name not in skipped and value not in (None, [], {})
        ]
        if not rows:
            return ""
        return '<table class="cw-ds-fields"><tbody>' + "".join(rows) + "</tbody></table>"

    def rows(self, models: list[object]) -> str:
        columns: list[str] = []
        for model in models:
            for name in set_fields(model):
                if name not in columns:
                    columns.append(name)
        head = "".join(f'<th scope="col">{self.label(c)}</th>' for c in columns)
        body = "".join(
            "<tr>" + "".join(self.cell(set_fields(m).get(c)) for c in columns) + "</tr>"
            for m in models
        )
        return (
            f'<table class="cw-ds-rows"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        )

    def spec_table(self, specs: list[tuple[str, Quantity, bool]]) -> str:
        """The conventional electrical table: Parameter | Symbol | Min | Typ | Max | Unit.

        Each spec is its name, its quantity, and whether the name is a translated label
        (rather than the datasheet's own words).
        """
        g = self.gettext
        marks = self.data_attributes
        head = "".join(
            f'<th scope="col">{escape(h)}</th>'
            for h in (
                g("Parameter"),
                g("Symbol"),
                g("Min"),
                g("Typ"),
                g("Max"),
                g("Unit"),
                g("Conditions"),
                g("Source"),
            )
        )
        body = []
        for name, q, is_label in specs:
            if q.is_disclosed:
                cells = [
                    _number(q.min),
                    ("≈" if q.approximate else "") + _number(q.typ),
                    _number(q.max),
                    escape(q.unit or ""),
                ]
            else:
                cells = [f'<td colspan="4"{marks}>{escape(q.disclosure)}</td>']
            numbers = "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells)
            name_marks = "" if is_label else marks
            body.append(
                f'<tr><th scope="row"{name_marks}>{escape(name)}</th>'
                f"<td>{escape(q.symbol or '')}</td>"
                f"{numbers}<td{marks}>{escape(q.conditions or '')}</td>"
                f"<td{marks}>{escape(q.source or '')}</td></tr>"
            )
        return (
            f'<table class="cw-ds-specs"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )

    def block(self, model: BaseModel | None) -> str:
        if model is None:
            missing = escape(self.gettext("Not given in this datasheet."))
            return f'<p class="cw-ds-missing">{missing}</p>'
        fields = set_fields(model)
        specs = [
            (self.labels.get(n, n), v, True) for n, v in fields.items() if isinstance(v, Quantity)
        ]
        for value in fields.values():
            if (
                isinstance(value, list)
                and value
                and all(isinstance(v, NamedQuantity) for v in value)
            ):
                specs += [(v.name, v.quantity, False) for v in value]
        spec_names = {n for n, v in fields.items() if isinstance(v, Quantity)}
        spec_names |= {
            n
            for n, v in fields.items()
            if isinstance(v, list) and v and all(isinstance(x, NamedQuantity) for x in v)
        }
        parts = []
        if specs:
            parts.append(self.spec_table(specs))
        table = self.fields_table(fields, skip=spec_names)
        if table:
            parts.append(table)
        return "\n".join(parts)


def _is_text(value: object) -> bool:
    """Whether a value shows the datasheet's words: text, a quantity (or its disclosure
    answer), or a list of them; not a yes/no (translated) nor a nested table."""
    if isinstance(value, list):
        return any(_is_text(item) for item in value) and not all(
            isinstance(item, BaseModel) for item in value
        )
    return isinstance(value, str | Quantity)


def set_fields(model: object) -> dict[str, object]:
    if isinstance(model, BaseModel):
        return {
            n: getattr(model, n) for n in type(model).model_fields if n in model.model_fields_set
        }
    if isinstance(model, dict):
        return dict(model)
    return {}
