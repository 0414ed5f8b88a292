"""The documentation says what the code does: its commands run, its tables match the
registries they describe, and its links lead somewhere.

Every `moderation ...` line of a ```bash block in README.md and docs/*.md is run as written,
through the installed `moderation` command, in a scratch copy of the files the examples
read (`WORKSPACE`), one copy per page and the page's commands in order (so `train -o
models/mine` can be followed by `score --model models/mine`). A line may end with one of
two notes for this test:

- `# exits N`: the command is expected to exit N (e.g. `check` exits 4 for a reject);
- `# not run by tests: <why>`: the command is only checked, not run (it needs ../shared/,
  runs long, or serves until stopped).

Every documented command, run or not, must name a command that exists and only options
that command has. Lines that do not call `moderation` (`pip install`, `curl`) are not
run, nor what a line does before its first `moderation` call (`... && pip install . &&`). Regenerate the settings table of docs/policy.md with
`python tests/test_docs.py policy-table`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
LINKED = [README, ROOT / "CONTRIBUTING.md", *DOCS]
WORKSPACE = ("seeds", "examples")
"""What the documented commands read, copied for each page so that what they write
stays out of the checkout."""
NOT_RUN = re.compile(r"\s+#\s*not run by tests:\s*(?P<why>\S.*)$")
EXITS = re.compile(r"\s+#\s*exits\s+(?P<code>\d+)\s*$")
OPERATORS = {"|", "||", "&&", ";", "&", ">", ">>", "<", "2>", "|&"}
README_MAX_LINES = 160


@dataclass(frozen=True)
class Documented:
    """One line of a ```bash block that calls `moderation`."""

    page: str
    line: int
    text: str
    expect: int = 0
    not_run: str | None = None


def bash_blocks(page: Path) -> list[tuple[int, str]]:
    """(line number, line) of every ```bash block, continuation lines joined."""
    lines, inside, joined, start = [], False, "", 0
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = line.strip() == "```bash"
            continue
        if not inside:
            continue
        if not joined:
            start = number
        if line.endswith("\\"):
            joined += line[:-1] + " "
            continue
        lines.append((start, joined + line))
        joined = ""
    return lines


def words(command: str) -> list[str]:
    """A shell line's words, with its operators (`|`, `&&`, `>`) as words of their own."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    return list(lexer)


def invocations(command: str) -> list[list[str]]:
    """The arguments of each `moderation` call in a shell line."""
    calls, current, at_start = [], None, True
    for word in words(command):
        if word in OPERATORS:
            current, at_start = None, True
        elif current is not None:
            current.append(word)
        elif at_start and word == "moderation":
            current = []
            calls.append(current)
        elif at_start and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", word):
            continue  # VAR=value before the command
        else:
            at_start = False
    return calls


def documented_commands(page: Path) -> list[Documented]:
    found = []
    for number, line in bash_blocks(page):
        text = line.strip()
        if not text or text.startswith("#") or not invocations(text):
            continue
        where = f"{page.relative_to(ROOT)}:{number}"
        if match := NOT_RUN.search(text):
            found.append(Documented(where, number, text[: match.start()], not_run=match["why"]))
        elif match := EXITS.search(text):
            found.append(Documented(where, number, text[: match.start()], expect=int(match["code"])))
        else:
            found.append(Documented(where, number, text))
    return found


def runnable_part(text: str) -> str:
    """A line from its first `&&`-joined part that calls `moderation` on: what comes before
    (`python3 -m venv .venv && pip install .`) sets up what the tests already have."""
    parts = text.split(" && ")
    first = next(index for index, part in enumerate(parts) if invocations(part))
    return " && ".join(parts[first:])


def click_command(arguments: list[str]) -> tuple[object, list[str], list[str]]:
    """The Click command an argument list names, its path, and the arguments after it."""
    import typer.main

    from moderation.cli import app

    command, path = typer.main.get_command(app), ["moderation"]
    rest = list(arguments)
    while hasattr(command, "commands") and rest and not rest[0].startswith("-"):
        name = rest.pop(0)
        if name not in command.commands:
            raise LookupError(f"{' '.join(path)} has no command {name!r}")
        command, path = command.commands[name], [*path, name]
    return command, path, rest


def option_names(command: object) -> set[str]:
    names = {"--help"}
    for param in command.params:  # type: ignore[attr-defined]
        if param.param_type_name == "option":
            names.update(param.opts)
            names.update(param.secondary_opts)
    return names


def unknown_options(arguments: list[str]) -> list[str]:
    """The options of a `moderation` call that its command does not have ([] if none)."""
    command, path, rest = click_command(arguments)
    known = option_names(command)
    given = [word.split("=", 1)[0] for word in rest if re.match(r"--?[A-Za-z]", word)]
    return [f"{' '.join(path)} {option}" for option in given if option not in known]


ALL_COMMANDS = [command for page in PAGES for command in documented_commands(page)]


@pytest.mark.parametrize("documented", ALL_COMMANDS, ids=[c.page for c in ALL_COMMANDS])
def test_every_documented_command_and_option_exists(documented):
    for arguments in invocations(documented.text):
        try:
            assert not unknown_options(arguments), f"{documented.page}: {documented.text}"
        except LookupError as error:
            pytest.fail(f"{documented.page}: {error}: {documented.text}")


def moderation_on_path() -> dict[str, str]:
    """The environment the commands run in: the installed `moderation` first on PATH."""
    script = Path(sys.executable).with_name("moderation")
    found = script if script.exists() else shutil.which("moderation")
    if not found:
        pytest.skip("the moderation command is not installed (pip install -e .)")
    env = {key: value for key, value in os.environ.items() if key != "MODERATION_MODEL"}
    env["PATH"] = f"{Path(found).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "120"
    # joblib in one process: starting its worker pool took most of the time of training on
    # the examples' 24 rows (4 to 9 s of 6 to 16 s), and the results are the same.
    env["JOBLIB_MULTIPROCESSING"] = "0"
    return env


RUN_PAGES = [page for page in PAGES if any(c.not_run is None for c in documented_commands(page))]


@pytest.mark.parametrize("page", RUN_PAGES, ids=[str(p.relative_to(ROOT)) for p in RUN_PAGES])
def test_the_documented_commands_run_as_written(page, tmp_path):
    commands = [c for c in documented_commands(page) if c.not_run is None]
    env = moderation_on_path()
    for name in WORKSPACE:
        shutil.copytree(ROOT / name, tmp_path / name)
    failures = []
    for command in commands:
        result = subprocess.run(["bash", "-o", "pipefail", "-c", runnable_part(command.text)], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        if result.returncode != command.expect:
            failures.append(f"{command.page}: exit {result.returncode}, expected {command.expect}: {command.text}\n"
                            f"{result.stderr.strip()[-1500:]}")  # fmt: skip
    assert not failures, "\n\n".join(failures)


def test_every_toml_block_naming_an_example_file_is_that_file():
    """A ```toml block whose first line is `# examples/NAME.toml...` shows that file as it is."""
    for page in PAGES:
        for block in re.findall(r"^```toml\n(.*?)^```", page.read_text(encoding="utf-8"), flags=re.M | re.S):
            if match := re.match(r"# (examples/[\w.-]+\.toml)", block):
                assert block == (ROOT / match[1]).read_text(encoding="utf-8"), f"{page.name}: {match[1]}"


# --- tables that describe a registry ------------------------------------------------------

def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def policy_table() -> str:
    """The settings table of docs/policy.md, made from `moderation.decide.policy.SETTINGS`."""
    from moderation.decide.policy import SETTINGS

    rows = ["| setting | default | values | meaning |", "|---|---|---|---|"]
    for name, setting in SETTINGS.items():
        if isinstance(setting.default, bool):
            values = "true or false"
        elif isinstance(setting.default, list):
            values = "list of strings"
        elif isinstance(setting.default, str):
            values = ", ".join(setting.choices)
        else:
            values = f"{setting.low} to {setting.high}"
        rows.append(f"| `{name}` | `{toml_value(setting.default)}` | {values} | {setting.help} |")
    return "\n".join(rows) + "\n"


def table_rows(text: str, header: str) -> list[list[str]]:
    """The cells of the Markdown table that starts with `header`."""
    start = text.index(header)
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_the_policy_settings_table_lists_every_setting_with_its_default():
    from moderation.decide.policy import SETTINGS

    text = (ROOT / "docs" / "policy.md").read_text(encoding="utf-8")
    rows = table_rows(text, "| setting | default |")
    documented = {row[0].strip("`"): tomllib.loads(f"v = {row[1].strip('`')}")["v"] for row in rows}
    assert list(documented) == list(SETTINGS)
    for name, setting in SETTINGS.items():
        assert documented[name] == setting.default and type(documented[name]) is type(setting.default), name
    assert policy_table() in text, "regenerate it: python tests/test_docs.py policy-table"


def test_the_training_settings_table_lists_every_config_key():
    from moderation.learn.settings import SETTINGS

    text = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    rows = table_rows(text, "| key | default |")
    assert sorted(row[0].strip("`") for row in rows) == sorted(SETTINGS)


def test_each_command_section_lists_exactly_its_options():
    """docs/commands.md: the options table under `## moderation COMMAND` is the command's
    options, no more and no fewer."""
    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    sections = re.split(r"^## `moderation ([a-z ]+)`\n", text, flags=re.M)[1:]
    documented = dict(zip(sections[::2], sections[1::2], strict=True))
    import typer.main

    from moderation.cli import app

    def leaves(command: object, path: tuple[str, ...] = ()) -> list[str]:
        if hasattr(command, "commands"):
            return [name for key, sub in command.commands.items() for name in leaves(sub, (*path, key))]
        return [" ".join(path)]

    assert sorted(documented) == sorted(leaves(typer.main.get_command(app)))
    for name, section in documented.items():
        command, _path, _rest = click_command(name.split())
        rows = table_rows(section, "| option | default |") if "| option | default |" in section else []  # none: no options
        listed = {option for row in rows for option in re.findall(r"`(--?[A-Za-z][-\w]*)", row[0])}
        assert listed == option_names(command) - {"--help"}, name


# --- links and length ---------------------------------------------------------------------

def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {slug(heading) for heading in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)}


@pytest.mark.parametrize("page", LINKED, ids=[str(p.relative_to(ROOT)) for p in LINKED])
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(page):
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(target)
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(target)
    assert not broken, f"{page.name}: {broken}"


def test_the_benchmark_scripts_the_docs_run_exist():
    for page in [*PAGES, ROOT / "CONTRIBUTING.md"]:
        for script in re.findall(r"python (benchmarks/[\w.]+\.py)", page.read_text(encoding="utf-8")):
            assert (ROOT / script).exists(), f"{page.name}: {script}"


def test_the_readme_stays_short():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= README_MAX_LINES


if __name__ == "__main__":
    if sys.argv[1:] == ["policy-table"]:
        print(policy_table(), end="")
    else:
        sys.exit("usage: python tests/test_docs.py policy-table")


def help_examples() -> list[Documented]:
    """The `moderation ...` lines under "Examples:" in each command's --help."""
    import typer.main

    from moderation.cli import app

    found = []
    root = typer.main.get_command(app)
    commands = [(name, command) for name, command in root.commands.items()]  # type: ignore[attr-defined]
    commands += [(f"{name} {sub}", child) for name, command in list(commands) if hasattr(command, "commands")
                 for sub, child in command.commands.items()]  # fmt: skip
    for name, command in commands:
        if hasattr(command, "commands"):
            continue
        text = (command.help or "").split("Examples:", 1)
        assert len(text) == 2, f"moderation {name} --help has no examples"
        for line in text[1].splitlines():
            line = line.strip()
            if line.startswith(("moderation ", "echo ")) and invocations(line):
                where = f"moderation {name} --help"
                match = EXITS.search(line)
                found.append(Documented(where, 0, line[: match.start()] if match else line, expect=int(match["code"]) if match else 0,
                                        not_run=HELP_NOT_RUN.get(name)))  # fmt: skip
    return found


HELP_NOT_RUN = {"serve": "serves until stopped", "desk": "serves until stopped", "data prepare": "needs ../shared/datasets"}
HELP_EXAMPLES = help_examples()


@pytest.mark.parametrize("documented", HELP_EXAMPLES, ids=[f"{c.page}: {c.text[:40]}" for c in HELP_EXAMPLES])
def test_the_help_examples_name_real_options(documented):
    for arguments in invocations(documented.text):
        assert not unknown_options(arguments), documented.text


def test_the_help_examples_run_as_written(tmp_path):
    env = moderation_on_path()
    for name in WORKSPACE:
        shutil.copytree(ROOT / name, tmp_path / name)
    failures = []
    for command in [c for c in HELP_EXAMPLES if c.not_run is None]:
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command.text], cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=300)  # fmt: skip
        if result.returncode != command.expect:
            failures.append(f"{command.page}: exit {result.returncode}, expected {command.expect}: {command.text}\n"
                            f"{result.stderr.strip()[-800:]}")  # fmt: skip
    assert not failures, "\n\n".join(failures)


def test_help_fits_80_columns():
    env = {**moderation_on_path(), "COLUMNS": "80"}
    for command in ("score", "check", "parse", "train", "evaluate", "explain", "serve", "info"):
        text = subprocess.run(["moderation", command, "--help"], env=env, capture_output=True, text=True).stdout
        wide = [line for line in text.splitlines() if len(line) > 80]
        assert not wide, f"moderation {command} --help: {wide}"
