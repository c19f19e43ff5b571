"""Accessible names for form fields, taken from the labels beside them.

A screen reader announces a field by its accessible name; QFormLayout's labels only
reach it through relations some platforms ignore, so the label text is copied onto
each field that has no name of its own (the label's "&" and ":" dropped)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QLayout, QWidget


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip(":：").strip()


def _widgets_in(item_layout: QLayout) -> list[QWidget]:
    found = []
    for index in range(item_layout.count()):
        item = item_layout.itemAt(index)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(_widgets_in(item.layout()))
    return found


def name_fields_from_labels(root: QWidget) -> None:
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None or not isinstance(label_item.widget(), QLabel):
                continue
            name = _plain(label_item.widget().text())
            fields = [field_item.widget()] if field_item.widget() is not None else _widgets_in(field_item.layout())
            for field in fields:
                if field is None or field.accessibleName() or isinstance(field, QLabel):
                    continue
                if isinstance(field, QAbstractButton) and field.text():
                    continue  # a button says what it does itself
                field.setAccessibleName(name)
