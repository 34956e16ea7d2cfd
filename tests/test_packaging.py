"""The package as a Pelican plugin: the wheel puts it in Pelican's namespace for plugins, so that
PLUGINS = ["ngo_directory"] finds it installed, and the same name works in this editable
environment."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pelican.plugins._utils import load_legacy_plugin, load_plugins

import ngo_directory
from ngo_directory.pelican_plugin import register

ROOT = Path(__file__).resolve().parent.parent
SHIM = "pelican/plugins/ngo_directory/__init__.py"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built by its own build backend (hatchling, locked in uv.lock) through
    the standard PEP 517 hook, as pip or uv would build it."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-c", "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return out / built.stdout.strip().splitlines()[-1]


def test_the_wheel_holds_the_plugin_in_pelicans_namespace_and_nothing_else_of_pelican(wheel: Path) -> None:
    """pelican/plugins/ngo_directory/ is in the wheel; pelican/__init__.py and
    pelican/plugins/__init__.py are not (they would replace Pelican's own files)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert SHIM in names
    assert [name for name in names if name.startswith("pelican/")] == [SHIM]
    assert "ngo_directory/pelican_plugin.py" in names
    assert "ngo_directory/contribute/livereload.js" in names  # the dev server's client, a package file
    assert "Classifier: Framework :: Pelican :: Plugins" in metadata.splitlines()


def test_the_installed_wheel_is_found_by_its_short_name(wheel: Path, tmp_path: Path) -> None:
    """The wheel unpacked ahead of everything on the path, as an install puts it next to Pelican:
    Pelican's loader finds pelican.plugins.ngo_directory, from the wheel, for "ngo_directory"."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = (
        "from pelican.plugins._utils import load_plugins\n"
        "[plugin] = load_plugins({'PLUGINS': ['ngo_directory']})\n"
        "print(plugin.__name__, plugin.__file__, plugin.register.__module__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    found = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == [
        "pelican.plugins.ngo_directory",
        str(site / SHIM),
        "ngo_directory.pelican_plugin",
    ]


def test_the_short_name_loads_the_plugin_in_this_editable_environment() -> None:
    """Pelican's __init__ extends its __path__ (pkgutil.extend_path), so src/pelican/plugins/ is
    in Pelican's namespace here too."""
    [plugin] = load_plugins({"PLUGINS": ["ngo_directory"]})
    assert plugin.__name__ == "pelican.plugins.ngo_directory"
    assert plugin.register is register


def test_without_the_namespace_portion_pelican_falls_back_to_the_package() -> None:
    """Where pelican.plugins.ngo_directory is missing, Pelican imports "ngo_directory" itself,
    whose register is the plugin's."""
    assert load_legacy_plugin("ngo_directory", []) is ngo_directory
    assert ngo_directory.register is register
    with pytest.raises(AttributeError, match="has no attribute 'registr'"):
        ngo_directory.registr  # noqa: B018  (the attribute access is what is tested)


def test_importing_the_package_does_not_import_pelican() -> None:
    script = "import sys, ngo_directory, ngo_directory.settings; print('pelican' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert found.stdout == "False\n"


def test_the_sample_settings_name_the_plugin_by_its_short_name() -> None:
    settings = (ROOT / "pelicanconf.py").read_text("utf-8")
    assert 'PLUGINS = ["ngo_directory"]\n' in settings
