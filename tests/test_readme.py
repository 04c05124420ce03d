"""The README's Python API block runs as written, on a copy of the repository's glossary."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


def test_the_python_api_section_runs(tmp_path: Path) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert blocks, "the README has a Python API section with a python block"
    shutil.copy(REPO_ROOT / "terms.csv", tmp_path / "terms.csv")
    shutil.copytree(REPO_ROOT / "locales", tmp_path / "locales")
    shutil.copytree(REPO_ROOT / "examples", tmp_path / "examples")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO_ROOT / "src"), env.get("PYTHONPATH")])
    )
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "secretary-of-state" in done.stdout
    assert (tmp_path / "briefing.ru.po").is_file() and (tmp_path / "briefing.ru.txt").is_file()
