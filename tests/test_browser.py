"""The explorer (notebook 04) in a real browser, as a user would use it: Debian's Chromium, driven by
Playwright, against a JupyterLab and a Voilà server each test starts on 127.0.0.1 and stops.

* JupyterLab: open a copy of the notebook, Run ▸ Run All Cells, change the country dropdown; the
  table text and the chart image change.
* Voilà: the stored notebook as a dashboard, the same change.
* Voilà on a corpus whose article holds ``<script>`` and an ``onerror`` handler: the markup shows
  as text, no dialog opens.

Screenshots go to each test's ``tmp_path``; with ``UPDATE_SCREENSHOT=1`` the JupyterLab test also
writes ``docs/explorer.png`` (the README's picture). Chromium is ``/usr/bin/chromium`` (``make
browser-deps`` installs it); Playwright's own browser download is never used. Every server runs with
its Jupyter config, data, runtime, IPython and JupyterLab settings folders under ``tmp_path``.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "04_explore.ipynb"
SEEDS = ROOT / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START = 60  # seconds a server may take to answer
RENDER = 120_000  # ms the notebook may take to run and show the explorer (kernel start included)
CHANGE = 30_000  # ms a redraw may take after a control changes
VIEWPORT = {"width": 1400, "height": 2000}  # tall enough that the whole explorer is on screen

# JupyterLab settings for a test run: no news or update checks (the network is closed), no toasts over
# the screenshot, and the notebook's kernel starts without the kernel-picker dialog.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False,
                                                     "doNotDisturbMode": True},
    "@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True},
}

XSS_ARTICLE = ("Budget <script>alert('title')</script> leak\n\n"
               "China spent $300 billion on defence <script>alert(1)</script><img src=x onerror=\"alert(2)\"> "
               "in 2020, a report said.\n\n"
               "Russia and China held joint naval patrols <script>alert(3)</script> in the Sea of Japan in 2021.\n")


# ---- servers ------------------------------------------------------------------------------------------------------

def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _isolated_env(tmp: Path) -> dict[str, str]:
    """The environment for a server and its kernels, with every Jupyter/IPython folder under ``tmp``."""
    dirs = {"JUPYTER_CONFIG_DIR": "jupyter-config", "JUPYTER_DATA_DIR": "jupyter-data",
            "JUPYTER_RUNTIME_DIR": "jupyter-runtime", "IPYTHONDIR": "ipython",
            "JUPYTERLAB_SETTINGS_DIR": "lab-user-settings", "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces"}
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "JUPYTER_PLATFORM_DIRS": "1"}
    for name, folder in dirs.items():
        (tmp / folder).mkdir(parents=True, exist_ok=True)
        env[name] = str(tmp / folder)
    env.pop("VOILA_KERNEL_ID", None)
    return env


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _listens(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _tail(path: Path, n: int = 30) -> str:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []
    return "\n".join(lines[-n:])


@contextmanager
def _server(name: str, cmd: list[str], cwd: Path, env: dict[str, str], ready, log: Path):
    """Start ``cmd`` (its own process group), wait until ``ready()``; on exit stop it: SIGTERM, then SIGKILL."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START
        while not ready():
            if proc.poll() is not None:
                pytest.fail(f"{name} exited with code {proc.returncode} before answering; its log ({log}):\n"
                            f"{_tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"{name} did not answer within {SERVER_START} s; its log ({log}):\n{_tail(log)}")
            time.sleep(0.25)
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()  # the server shuts its kernels down on SIGTERM
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # the group this test started: server and kernels
                proc.wait(timeout=10)
        try:  # kernels left behind by a server that was killed
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@contextmanager
def jupyterlab(root: Path, tmp: Path):
    """JupyterLab on ``root`` at a free 127.0.0.1 port, no token; yields its base URL."""
    port = _free_port()
    app_settings = tmp / "lab-app-settings"
    app_settings.mkdir(parents=True, exist_ok=True)
    (app_settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=1), encoding="utf-8")
    env = _isolated_env(tmp)
    cmd = [_python(), "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", "--IdentityProvider.token=", f"--ServerApp.root_dir={root}",
           f"--LabApp.app_settings_dir={app_settings}", f"--LabApp.user_settings_dir={env['JUPYTERLAB_SETTINGS_DIR']}",
           f"--LabApp.workspaces_dir={env['JUPYTERLAB_WORKSPACES_DIR']}", "--LabApp.news_url=",
           "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    url = f"http://127.0.0.1:{port}"
    with _server("JupyterLab", cmd, root, env, lambda: _answers(f"{url}/api/status"), tmp / "jupyterlab.log"):
        yield url


@contextmanager
def voila(notebook: Path, tmp: Path):
    """Voilà serving ``notebook`` at a free 127.0.0.1 port, no token; yields its URL."""
    port = _free_port()
    cmd = [_python(), "-m", "voila", str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--Voila.port_retries=0", "--show_tracebacks=True"]
    with _server("Voilà", cmd, notebook.parent, _isolated_env(tmp), lambda: _listens(port), tmp / "voila.log"):
        yield f"http://127.0.0.1:{port}/"


def _notebook_copy(folder: Path, corpus: str | None = None) -> Path:
    """notebooks/04_explore.ipynb copied into ``folder`` without outputs (optionally on another corpus)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if corpus and "parameters" in cell.metadata.get("tags", []):
                assert 'corpus: str = "../seeds"' in cell.source
                cell.source = cell.source.replace('corpus: str = "../seeds"', f'corpus: str = "{corpus}"')
    nb.metadata.pop("widgets", None)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / NOTEBOOK.name
    nbformat.write(nb, path)
    return path


# ---- the browser --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: the browser tests use Debian's chromium; install it with "
                    f"`make browser-deps` (make test does this), or deselect them with -m 'not browser'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Page:
    """A Chromium page that records dialogs and console errors, for assertions and failure messages."""

    def __init__(self, browser, tmp: Path):
        self.context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        self.page = self.context.new_page()
        self.page.set_default_timeout(CHANGE)
        self.tmp, self.dialogs, self.errors = tmp, [], []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def shot(self, name: str, selector: str | None = None) -> Path:
        path = self.tmp / f"{name}.png"
        if selector:
            self.page.locator(selector).first.screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path), full_page=True)
        return path

    def context_for_failure(self) -> str:
        shot = self.shot("failure")
        return f"screenshot {shot}; browser console errors: {self.errors[-5:]}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page(chromium, tmp_path):
    p = Page(chromium, tmp_path)
    yield p
    p.close()


EXPLORER = ".analysis-explore"
TABLE = ".analysis-explore-table-html"
CHART = "img.analysis-explore-chart"
COUNT = ".analysis-explore-count"
SOURCE = ".analysis-explore-source"


def _wait_for_explorer(p: Page, where: str, log: Path) -> None:
    try:
        p.page.wait_for_selector(f"{EXPLORER} {TABLE} table", timeout=RENDER)
        p.page.wait_for_function("sel => { const i = document.querySelector(sel); return i && i.complete && "
                                 "i.naturalWidth > 0; }", arg=CHART, timeout=CHANGE)
    except Exception as exc:
        pytest.fail(f"the explorer did not appear in {where} within {RENDER // 1000} s ({type(exc).__name__}); "
                    f"{p.context_for_failure()}; server log {log}:\n{_tail(log, 15)}")


def _text(p: Page, selector: str) -> str:
    return p.page.locator(selector).first.inner_text()


def _change_country_and_check(p: Page, label: str, name: str) -> tuple[Path, Path]:
    """Set the country dropdown to ``label``; assert the table text, count and chart image changed."""
    table_before, count_before = _text(p, TABLE), _text(p, COUNT)
    src_before = p.page.locator(CHART).first.get_attribute("src")
    chart_before = p.shot(f"{name}-chart-before", CHART)
    before = p.shot(f"{name}-before")
    p.page.locator(".analysis-explore-country select").first.select_option(value=label)
    try:
        p.page.wait_for_function("([sel, old]) => document.querySelector(sel).innerText !== old",
                                 arg=[TABLE, table_before], timeout=CHANGE)
        p.page.wait_for_function("([sel, old]) => { const i = document.querySelector(sel); return i.src !== old && "
                                 "i.complete && i.naturalWidth > 0; }", arg=[CHART, src_before], timeout=CHANGE)
    except Exception as exc:
        pytest.fail(f"choosing {label!r} did not redraw the table and chart within {CHANGE // 1000} s "
                    f"({type(exc).__name__}); {p.context_for_failure()}")
    table_after, count_after = _text(p, TABLE), _text(p, COUNT)
    chart_after = p.shot(f"{name}-chart-after", CHART)
    after = p.shot(f"{name}-after")
    assert table_after != table_before
    assert count_before.startswith("11 of 11 figures; no filters"), count_before
    assert count_after.startswith("3 of 11 figures; filters: country RUS"), count_after
    assert "$200 billion" in table_after and "$604" not in table_after and "$604" in table_before
    assert chart_after.read_bytes() != chart_before.read_bytes(), "the chart image did not change"
    assert "$200 billion" in _text(p, SOURCE)
    return before, after


def _wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} after {seconds} s")
        time.sleep(0.25)


def _kernel_idle(url: str) -> bool:
    """The server has a session for the notebook whose kernel has started and is idle."""
    try:
        with urllib.request.urlopen(f"{url}/api/sessions", timeout=2) as response:
            sessions = json.load(response)
    except OSError:
        return False
    return any(s.get("path", "").endswith(NOTEBOOK.name) and (s.get("kernel") or {}).get("execution_state") == "idle"
               for s in sessions)


def _run_all_cells(page: Page) -> None:
    """Run ▸ Run All Cells, as a user would. JupyterLab skips cells (leaving "[ ]:") when it is asked before
    its session has connected to the kernel, even though the server reports the kernel idle; so if
    the first code cell has not started within a few seconds, choose the menu item again."""
    p, first_prompt = page.page, ".jp-Notebook .jp-CodeCell .jp-InputPrompt"
    for attempt in range(4):
        p.locator("#jp-MainMenu .lm-MenuBar-itemLabel:text-is('Run')").click()
        p.locator(".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('Run All Cells'))").click()
        try:
            p.wait_for_function("sel => !/\\[\\s*\\]/.test(document.querySelector(sel).innerText)", arg=first_prompt,
                                timeout=5_000)
            return
        except Exception:
            p.keyboard.press("Escape")
    pytest.fail(f"Run ▸ Run All Cells did not start the notebook after 4 tries; {page.context_for_failure()}")


# ---- the tests ----------------------------------------------------------------------------------------------------

def test_jupyterlab_run_all_then_change_country(page, tmp_path):
    root = tmp_path / "lab"
    _notebook_copy(root / "notebooks")
    shutil.copytree(SEEDS, root / "seeds")
    log = tmp_path / "jupyterlab.log"
    with jupyterlab(root, tmp_path) as url:
        p = page.page
        p.goto(f"{url}/lab/tree/notebooks/{NOTEBOOK.name}", timeout=RENDER)
        try:
            p.wait_for_selector(".jp-Notebook .jp-CodeCell .jp-InputPrompt", timeout=RENDER)
            _wait_until(lambda: _kernel_idle(url), RENDER // 1000, "no idle kernel for the notebook")
        except Exception as exc:
            pytest.fail(f"JupyterLab did not open the notebook with an idle kernel ({exc}); "
                        f"{page.context_for_failure()}; log:\n{_tail(log, 15)}")
        assert not p.locator(".jp-Dialog").count(), f"a dialog is open: {p.locator('.jp-Dialog').inner_text()}"
        _run_all_cells(page)
        _wait_for_explorer(page, "JupyterLab", log)
        _change_country_and_check(page, "Russia (RUS)", "lab")
        shot = page.shot("lab-explorer", EXPLORER)
        if os.environ.get("UPDATE_SCREENSHOT") == "1":
            shutil.copyfile(shot, ROOT / "docs" / "explorer.png")
        assert not page.dialogs, page.dialogs
    assert not _listens(int(url.rsplit(":", 1)[1])), "JupyterLab still listens after the test stopped it"


def test_voila_dashboard_change_country(page, tmp_path):
    log = tmp_path / "voila.log"
    with voila(NOTEBOOK, tmp_path) as url:  # the stored notebook itself: Voilà only reads it
        page.page.goto(url, timeout=RENDER)
        _wait_for_explorer(page, "Voilà", log)
        assert "explorer = explore(" not in page.page.inner_text("body"), "Voilà shows code"
        assert page.page.locator("table.dataframe:not(.analysis-explore-table)").count() == 0, \
            "the static snapshot (for the HTML report) should not show in the dashboard"
        _change_country_and_check(page, "Russia (RUS)", "voila")
        assert not page.dialogs, page.dialogs


def test_voila_shows_article_markup_as_text(page, tmp_path):
    corpus = tmp_path / "site" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "999_xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    notebook = _notebook_copy(tmp_path / "site" / "notebooks", corpus="../corpus")
    log = tmp_path / "voila.log"
    with voila(notebook, tmp_path) as url:
        page.page.goto(url, timeout=RENDER)
        _wait_for_explorer(page, "Voilà", log)
        p = page.page
        source = _text(page, SOURCE)
        assert "<script>alert(1)</script><img src=x onerror=\"alert(2)\">" in source, source
        assert "Budget <script>alert('title')</script> leak" in source, source  # the citation's title
        assert p.locator(f"{SOURCE} mark").inner_text() == "$300 billion"
        assert p.locator(f"{EXPLORER} script, {SOURCE} img").count() == 0
        options = p.locator(".analysis-explore-article option").all_inner_texts()
        assert any("<script>alert('title')</script>" in o.replace("\xa0", " ") for o in options), options
        before = _text(page, SOURCE)
        p.locator(".analysis-explore-table select").first.select_option(value="exercises")
        p.wait_for_function("([sel, old]) => document.querySelector(sel).innerText !== old", arg=[SOURCE, before])
        assert "joint naval patrols <script>alert(3)</script> in the Sea of Japan" in _text(page, SOURCE)
        page.shot("voila-xss")
        p.wait_for_timeout(500)  # an onerror handler, had one been inserted, would have fired by now
        assert not page.dialogs, f"a dialog opened: {page.dialogs}"
