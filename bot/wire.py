"""Bot Framework models to and from their JSON wire form, without msrest's per-call work.

msrest (which botbuilder's schema classes are built on) builds a new Serializer or
Deserializer with a registry of every schema class on each call, copies each attribute's
description, tries two key extractors per attribute and deep-copies every card it sends:
about a millisecond per activity in, and as much again per reply out, which is most of
what a turn costs once the knowledge base is in memory. No library does this job for
these classes (they are msrest models; pydantic or cattrs would need a second schema), so
this module reads the same `_attribute_map`s once, at first use, and does the common case
directly:

- in: a JSON object whose fields have the declared JSON types (strings where msrest
  expects "str", booleans for "bool", ISO 8601 text for "iso-8601", objects for models,
  arrays of them for lists). Unknown keys become `additional_properties`, as msrest does
  (Teams puts a mention's "text" and "mentioned" there).
- out: models whose attributes hold what they are declared to hold, and plain JSON (dict,
  list, str, int, float, bool, None) in "object" attributes such as card content and
  channelData. Values are copied, so the result can be changed without changing the model.

Everything else (a number where a string is declared, a model inside channelData, a
malformed timestamp, a type this module does not know) goes to msrest as a whole, so odd
input gets exactly msrest's answer, its errors included. tests/bot/test_wire.py holds the
two to the same results.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from botbuilder.schema import Activity
from msrest.serialization import Deserializer, Model, Serializer

_SCALARS = frozenset({"str", "bool", "iso-8601", "object", "[str]"})


class _Unusual(Exception):
    """The value needs msrest's full treatment."""


@dataclass(frozen=True)
class _Field:
    attr: str
    key: str
    kind: str  # "str", "bool", "iso-8601", "object", "[str]", "model", "[model]", "other"
    model: Any  # a msrest Model class, or None


@dataclass(frozen=True)
class _Shape:
    model: Any  # a msrest Model class
    fields: tuple[_Field, ...]
    keys: frozenset[str]


_SHAPES: dict[Any, _Shape] = {}


def _shape(model: Any) -> _Shape:
    shape = _SHAPES.get(model)
    if shape is None:
        registry = model._infer_class_models()
        fields = tuple(_field(attr, desc, registry) for attr, desc in model._attribute_map.items())
        shape = _Shape(model, fields, frozenset(field.key for field in fields))
        _SHAPES[model] = shape
    return shape


def _field(attr: str, desc: dict[str, Any], registry: dict[str, Any]) -> _Field:
    kind, key = desc["type"], desc["key"]
    if not isinstance(kind, str) or not key or "." in key or attr == "additional_properties":
        return _Field(attr, key, "other", None)
    if kind in _SCALARS:
        return _Field(attr, key, kind, None)
    inner = kind[1:-1] if kind.startswith("[") and kind.endswith("]") else kind
    found: Any = registry.get(inner)
    if _is_model(found) and not found._subtype_map:
        if found._validation or "additional_properties" in found._attribute_map:
            return _Field(attr, key, "other", None)
        return _Field(attr, key, "[model]" if inner != kind else "model", found)
    return _Field(attr, key, "other", None)


def _is_model(found: Any) -> bool:
    return isinstance(found, type) and issubclass(found, Model)


# --- in -------------------------------------------------------------------------------


def activity_from_json(data: Any) -> Activity:
    """`Activity().deserialize(data)`, fast for well-formed activities."""
    activity: Activity = from_json(Activity, data)
    return activity


def from_json(model: Any, data: Any) -> Any:
    """`model.deserialize(data)`, fast for well-formed data."""
    if not model._validation and not model._subtype_map:
        try:
            return _load(_shape(model), data)
        except _Unusual:
            pass
    return model.deserialize(data)


def _load(shape: _Shape, data: Any) -> Model:
    if type(data) is not dict:
        raise _Unusual
    values: dict[str, Any] = {}
    for field in shape.fields:
        raw = data.get(field.key)
        if raw is None:
            values[field.attr] = None
        else:
            values[field.attr] = _load_value(field, raw)
    instance = shape.model(**values)
    extra = {key: value for key, value in data.items() if key not in shape.keys}
    if extra:
        instance.additional_properties = extra
    return instance


def _load_value(field: _Field, raw: Any) -> Any:
    return _LOADERS[field.kind](field, raw)


def _same(kind: type) -> Callable[[_Field, Any], Any]:
    def load(_field: _Field, raw: Any) -> Any:
        if type(raw) is not kind:
            raise _Unusual
        return raw

    return load


def _as_is(_field: _Field, raw: Any) -> Any:
    return raw  # an "object" fresh from json.loads is not shared with anything


def _load_model(field: _Field, raw: Any) -> Any:
    assert field.model is not None
    return _load(_shape(field.model), raw)


def _load_models(field: _Field, raw: Any) -> Any:
    assert field.model is not None
    if type(raw) is not list:
        raise _Unusual
    shape = _shape(field.model)
    return [None if item is None else _load(shape, item) for item in raw]


# What channels send: "2024-03-01T09:00:00.1234567Z". datetime reads it as msrest's isodate
# does (the seventh digit dropped), ten times faster; other shapes go to isodate.
_PLAIN_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?(?:Z|[+-]\d\d:\d\d)")


def _load_moment(_field: _Field, raw: Any) -> Any:
    if type(raw) is not str:
        raise _Unusual
    if _PLAIN_MOMENT.fullmatch(raw):
        with contextlib.suppress(ValueError):  # hour 25 and the like: msrest says what
            return datetime.fromisoformat(raw)
    try:
        return Deserializer.deserialize_iso(raw)
    except Exception as error:
        raise _Unusual from error


def _strings(_field: _Field, raw: Any) -> Any:
    if type(raw) is not list or any(type(item) is not str for item in raw):
        raise _Unusual
    return list(raw)


def _unusual(_field: _Field, _raw: Any) -> Any:
    raise _Unusual


_LOADERS: dict[str, Callable[[_Field, Any], Any]] = {
    "str": _same(str),
    "bool": _same(bool),
    "object": _as_is,
    "model": _load_model,
    "[model]": _load_models,
    "iso-8601": _load_moment,
    "[str]": _strings,
    "other": _unusual,
}


# --- types ----------------------------------------------------------------------------

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "iso-8601": (str,),
    "bool": (bool,),
    "model": (dict,),
    "[model]": (list,),
    "[str]": (list,),
}
_TYPE_NAMES = {"str": "a string", "iso-8601": "a string", "bool": "true or false"}


def misfit(model: Any, data: dict[str, Any], path: str = "") -> str | None:
    """The first field of `data` whose JSON type is not the one `model` declares, as
    "conversation.id must be a string"; None when every declared field fits. null is
    always fine, and so is anything in an "object" field (channelData, value) or a field
    whose declaration this module does not read."""
    for field in _shape(model).fields:
        raw = data.get(field.key)
        if raw is None or field.kind in ("object", "other"):
            continue
        where = f"{path}{field.key}"
        if not isinstance(raw, _JSON_TYPES[field.kind]) or (
            field.kind in ("str", "iso-8601") and type(raw) is not str
        ):
            return f"{where} must be {_TYPE_NAMES.get(field.kind, _kind_name(field.kind))}"
        found = _misfit_inside(field, raw, where)
        if found:
            return found
    return None


def _kind_name(kind: str) -> str:
    return "an object" if kind == "model" else "an array"


def _misfit_inside(field: _Field, raw: Any, where: str) -> str | None:
    if field.kind == "model":
        return misfit(field.model, raw, f"{where}.")
    if field.kind == "[str]":
        bad = [n for n, item in enumerate(raw) if type(item) is not str]
        return f"{where}[{bad[0]}] must be a string" if bad else None
    if field.kind == "[model]":
        for number, item in enumerate(raw):
            if item is None:
                continue
            if type(item) is not dict:
                return f"{where}[{number}] must be an object"
            found = misfit(field.model, item, f"{where}[{number}].")
            if found:
                return found
    return None


# --- out ------------------------------------------------------------------------------


def to_json(model: Model) -> dict[str, Any]:
    """`model.serialize()`, fast for models holding what they declare."""
    try:
        return _dump(model)
    except _Unusual:
        return model.serialize()  # type: ignore[no-any-return]


def _dump(instance: Any) -> dict[str, Any]:
    if not isinstance(instance, Model):
        raise _Unusual
    model = type(instance)
    if model._validation or model._subtype_map:
        raise _Unusual
    result: dict[str, Any] = {}
    for field in _shape(model).fields:
        value = getattr(instance, field.attr, None)
        if value is not None:
            result[field.key] = _dump_value(field, value)
    return result


def _dump_value(field: _Field, value: Any) -> Any:
    return _DUMPERS[field.kind](field, value)


def _dump_text(_field: _Field, value: Any) -> Any:
    if type(value) is str:
        return value
    if isinstance(value, Enum):
        return value.value
    raise _Unusual


def _dump_object(_field: _Field, value: Any) -> Any:
    return _plain(value)


def _dump_model(_field: _Field, value: Any) -> Any:
    return _dump(value)


def _dump_models(_field: _Field, value: Any) -> Any:
    if type(value) is not list:
        raise _Unusual
    return [None if item is None else _dump(item) for item in value]


def _dump_moment(_field: _Field, value: Any) -> Any:
    if type(value) is not datetime:
        raise _Unusual
    return Serializer.serialize_iso(value)


_DUMPERS: dict[str, Callable[[_Field, Any], Any]] = {
    "str": _dump_text,
    "bool": _same(bool),
    "object": _dump_object,
    "model": _dump_model,
    "[model]": _dump_models,
    "iso-8601": _dump_moment,
    "[str]": _strings,
    "other": _unusual,
}


_JSON_SCALARS = (str, int, float, bool)


def _plain(value: Any) -> Any:
    """A copy of plain JSON; anything else is unusual."""
    kind = type(value)
    if kind is dict:
        copied = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            copied[key] = _plain(item)
        return copied
    if kind is list:
        return [_plain(item) for item in value]
    if value is None or kind in _JSON_SCALARS:
        return value
    raise _Unusual
