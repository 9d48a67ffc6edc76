import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ferramentas"))
from raiz import ROOT, SHARED_DATA, chapter_notebooks  # noqa: E402

# Sem variáveis definidas (um teste rodado à mão), usa o espelho offline ao lado do projeto, como o CI.
if SHARED_DATA.is_dir():
    os.environ.setdefault("CURSO_DADOS", str(SHARED_DATA))
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(SHARED_DATA / "tiktoken-cache"))

NOTEBOOKS = chapter_notebooks()


def pytest_generate_tests(metafunc):
    if "notebook" in metafunc.fixturenames:
        metafunc.parametrize("notebook", NOTEBOOKS, ids=[nb.parent.name for nb in NOTEBOOKS])


@pytest.fixture(scope="session")
def root():
    return ROOT
