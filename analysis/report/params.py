"""Read each notebook's ``parameters`` cell (through papermill's inspection) and check given values.

A notebook declares its parameters in one cell tagged ``parameters``, one typed, commented
assignment a line::

    corpus: str = "../seeds"  # folder of articles, relative to notebooks/
    year_from: int = 2015  # first year shown

``python -m papermill --help-notebook NOTEBOOK`` prints that list; :func:`notebook_parameters`
returns it as :class:`Parameter` records, and :func:`check_parameters` checks the values given on
the command line (``-p NAME VALUE``, always text) or in a YAML file (already typed) against it
before anything runs.

>>> p = Parameter("year_from", "int", 2015, "first year shown")
>>> coerce(p, "2019", from_text=True)
2019
>>> coerce(Parameter("countries", "list[str]", [], ""), "[China, Russia]", from_text=True)
['China', 'Russia']
"""
from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

__all__ = ["Parameter", "ParameterError", "notebook_parameters", "check_parameters", "coerce", "parse_cli_pairs"]

_SCALARS = {"str": str, "int": int, "float": float, "bool": bool}
_LIST = re.compile(r"^list\[(\w+)\]$")


class ParameterError(ValueError):
    """A parameter that no notebook declares, or a value of the wrong type (the CLI exits 2)."""


@dataclass(frozen=True)
class Parameter:
    """One line of a ``parameters`` cell: name, declared type (as written), default value, help text."""

    name: str
    type_name: str
    default: Any
    help: str = ""


def _literal(text: str) -> Any:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text  # an expression papermill can still override; shown as written


def notebook_parameters(path: str | os.PathLike) -> dict[str, Parameter]:
    """The parameters a notebook declares, in cell order, keyed by name (empty if it has none)."""
    import logging

    from papermill.inspection import inspect_notebook

    logging.getLogger("papermill").setLevel(logging.WARNING)  # inspection logs the path at INFO
    found = inspect_notebook(str(path))
    return {name: Parameter(name, p["inferred_type_name"], _literal(p["default"]), p["help"])
            for name, p in found.items()}


def _type_error(param: Parameter, value: Any) -> str:
    return f"expected {param.type_name}, got {value!r}"


def _check_scalar(type_name: str, value: Any) -> Any:
    """Return ``value`` as ``type_name`` (int accepted for float) or raise TypeError."""
    kind = _SCALARS[type_name]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind is not bool and isinstance(value, bool):
        raise TypeError
    if not isinstance(value, kind):
        raise TypeError
    return value


def coerce(param: Parameter, value: Any, from_text: bool = False) -> Any:
    """``value`` converted to the parameter's declared type, or :class:`TypeError`.

    Text from the command line is read as YAML (``2019``, ``true``, ``[China, Russia]``), except
    for a ``str`` parameter, which takes the text as written. Values from a YAML file are checked
    as they are. A parameter with no declared type (or one this checker does not know) takes
    any value.
    """
    type_name = param.type_name.replace(" ", "")
    if from_text and isinstance(value, str):
        if type_name == "str":
            return value
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise TypeError(f"cannot read {value!r} as {param.type_name}") from exc
    if type_name in _SCALARS:
        try:
            return _check_scalar(type_name, value)
        except TypeError:
            raise TypeError(_type_error(param, value)) from None
    match = _LIST.match(type_name)
    if match and match.group(1) in _SCALARS:
        if not isinstance(value, list):
            raise TypeError(_type_error(param, value))
        try:
            return [_check_scalar(match.group(1), item) for item in value]
        except TypeError:
            raise TypeError(_type_error(param, value)) from None
    return value


def parse_cli_pairs(pairs: Iterable[tuple[str, str]] | None) -> dict[str, str]:
    """``-p NAME VALUE`` pairs as a dict (a later pair wins)."""
    return {name: value for name, value in (pairs or [])}


def check_parameters(notebooks: Iterable[str | os.PathLike], from_file: Mapping[str, Any] | None = None,
                     from_cli: Mapping[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """Check the given parameters against every notebook; return each notebook's parameters to pass.

    A parameter goes to every notebook whose ``parameters`` cell declares it; a name that none
    declares, or a value that does not fit the type a notebook declares, raises
    :class:`ParameterError` naming the parameter and the notebook. Command-line values
    (``from_cli``) override the YAML file's (``from_file``).
    """
    paths = [Path(p) for p in notebooks]
    declared = {p.stem: notebook_parameters(p) for p in paths}
    given: dict[str, tuple[Any, bool]] = {name: (value, False) for name, value in (from_file or {}).items()}
    given.update({name: (value, True) for name, value in (from_cli or {}).items()})
    result: dict[str, dict[str, Any]] = {stem: {} for stem in declared}
    for name, (value, from_text) in given.items():
        takers = [stem for stem, params in declared.items() if name in params]
        if not takers:
            known = sorted({n for params in declared.values() for n in params})
            raise ParameterError(
                f"unknown parameter '{name}': no notebook declares it ({', '.join(declared)}); "
                f"known parameters: {', '.join(known) or 'none'} "
                f"(see python -m papermill --help-notebook notebooks/NOTEBOOK.ipynb)")
        for stem in takers:
            param = declared[stem][name]
            try:
                result[stem][name] = coerce(param, value, from_text=from_text)
            except TypeError as exc:
                raise ParameterError(f"parameter '{name}' of notebook {stem}: {exc} "
                                     f"(declared there as '{param.type_name}': {param.help})") from None
    return result
