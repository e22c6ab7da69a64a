"""Parameter checking for ``python -m analysis report``: names and types against each notebook's
``parameters`` cell, refused before anything runs (exit 2), the message naming parameter and notebook."""
from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from analysis.report import ParameterError, check_parameters, find_notebooks, notebook_parameters
from analysis.report.cli import configure_parser, run
from analysis.report.params import Parameter, coerce

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
TYPED = FIXTURES / "typed.ipynb"
BROKEN = FIXTURES / "broken.ipynb"


def test_parameters_are_read_from_the_tagged_cell():
    params = notebook_parameters(TYPED)
    assert list(params) == ["corpus", "title", "year_from", "ratio", "verbose", "countries"]
    assert params["year_from"] == Parameter("year_from", "int", 2015, "first year shown")
    assert params["countries"].type_name == "list[str]"
    assert params["countries"].default == ["China", "Russia"]


@pytest.mark.parametrize("name, text, expected", [
    ("title", "2019", "2019"),  # a str parameter takes the text as written
    ("year_from", "2019", 2019),
    ("ratio", "2", 2.0),  # an int is a fine float
    ("verbose", "true", True),
    ("countries", "[China, Russia]", ["China", "Russia"]),
    ("countries", "[]", []),
])
def test_command_line_text_is_read_as_the_declared_type(name, text, expected):
    result = check_parameters([TYPED], from_cli={name: text})
    assert result == {"typed": {name: expected}}
    assert type(result["typed"][name]) is type(expected)


@pytest.mark.parametrize("name, value", [
    ("year_from", "twenty"), ("year_from", "2019.5"), ("verbose", "maybe"), ("ratio", "[1]"), ("countries", "China"),
    ("countries", "[1, 2]"),
])
def test_a_value_of_the_wrong_type_names_the_parameter_and_the_notebook(name, value):
    with pytest.raises(ParameterError) as err:
        check_parameters([TYPED, BROKEN], from_cli={name: value})
    message = str(err.value)
    assert f"'{name}'" in message and "typed" in message
    assert "expected" in message


def test_yaml_file_values_are_checked_as_they_are():
    assert check_parameters([TYPED], from_file={"year_from": 2020, "verbose": False}) == \
        {"typed": {"year_from": 2020, "verbose": False}}
    with pytest.raises(ParameterError, match="'year_from' of notebook typed: expected int, got '2020'"):
        check_parameters([TYPED], from_file={"year_from": "2020"})
    with pytest.raises(ParameterError, match="expected int, got True"):  # a bool is not an int
        check_parameters([TYPED], from_file={"year_from": True})


def test_command_line_wins_over_the_file():
    result = check_parameters([TYPED], from_file={"year_from": 2000}, from_cli={"year_from": "2001"})
    assert result["typed"]["year_from"] == 2001


def test_a_parameter_goes_only_to_the_notebooks_that_declare_it():
    result = check_parameters([TYPED, BROKEN], from_cli={"fail": "false", "title": "X"})
    assert result == {"typed": {"title": "X"}, "broken": {"fail": False}}


def test_an_unknown_parameter_is_refused_by_name_listing_the_notebooks():
    with pytest.raises(ParameterError) as err:
        check_parameters([TYPED, BROKEN], from_cli={"yeer_from": "2015"})
    message = str(err.value)
    assert "unknown parameter 'yeer_from'" in message
    assert "typed" in message and "broken" in message
    assert "year_from" in message  # the known names, so the typo is easy to see
    assert "--help-notebook" in message


def test_untyped_parameters_take_any_value():
    assert coerce(Parameter("x", "None", 1), "[1, a]", from_text=True) == [1, "a"]
    assert coerce(Parameter("x", "dict", {}), {"a": 1}) == {"a": 1}


def _cli(*argv: str) -> int:
    parser = configure_parser(argparse.ArgumentParser(prog="report"))
    return run(parser.parse_args(list(argv)))


def test_cli_refuses_an_unknown_parameter_with_exit_2_before_running(tmp_path, capsys):
    out = tmp_path / "run"
    code = _cli("--out", str(out), "--notebooks", str(TYPED), str(BROKEN), "-p", "nope", "1")
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: unknown parameter 'nope'") and err.count("\n") == 1
    assert not out.exists()  # nothing ran, nothing was written


def test_cli_refuses_a_wrong_type_from_the_parameters_file(tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("year_from: last year\n", encoding="utf-8")
    assert _cli("--out", str(tmp_path / "run"), "--notebooks", str(TYPED), str(BROKEN), "--parameters-file", str(params)) == 2
    assert "parameter 'year_from' of notebook typed" in capsys.readouterr().err


def test_cli_refuses_a_parameters_file_that_is_not_a_mapping(tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("- 1\n- 2\n", encoding="utf-8")
    assert _cli("--notebooks", str(TYPED), str(BROKEN), "--parameters-file", str(params)) == 2
    assert "expected a mapping" in capsys.readouterr().err


def test_corpus_is_set_by_the_corpus_option_only(tmp_path, capsys):
    assert _cli("--notebooks", str(TYPED), str(BROKEN), "-p", "corpus", "elsewhere") == 2
    assert "--corpus" in capsys.readouterr().err


def test_a_missing_corpus_is_refused(tmp_path, capsys):
    assert _cli("--corpus", str(tmp_path / "nothing"), "--notebooks", str(TYPED), str(BROKEN)) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_the_report_notebooks_parameters_are_all_typed_and_explained():
    notebooks = find_notebooks()
    assert notebooks, "no notebooks/NN_name.ipynb"
    for path in notebooks:
        for param in notebook_parameters(path).values():
            assert param.type_name != "None", f"{path.name}: parameter {param.name} has no type annotation"
            assert param.help, f"{path.name}: parameter {param.name} has no comment saying what it is"
