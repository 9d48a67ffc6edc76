"""Onde as coisas do curso moram: a raiz do repositório, as pastas dos capítulos e o espelho offline dos dados.

As ferramentas (`python ferramentas/x.py`) importam daqui em vez de refazer as contas de caminho. Os scripts
`NN-*/infograficos/desenhar.py` começam por uma linha que põe `ferramentas/` no caminho de importação e depois
importam `desenho`, que importa daqui.

Só a biblioteca padrão: `ferramentas/limites.py` roda com o python3 do sistema, antes de existir um ambiente.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "ferramentas"
SHARED_DATA = ROOT.parent / "shared" / "dados"  # o espelho offline dos dados ao lado do projeto (como no CI)
CHAPTER_GLOB = "[0-9][0-9]-*"  # 00-passo-zero, 01-o-que-e-um-llm, …


def chapter_dirs(root: Path = ROOT) -> list[Path]:
    """As pastas dos capítulos, em ordem."""
    return sorted(path for path in root.glob(CHAPTER_GLOB) if path.is_dir())


def chapter_notebooks(root: Path = ROOT) -> list[Path]:
    """O notebook de cada capítulo, em ordem."""
    return sorted(root.glob(f"{CHAPTER_GLOB}/notebook.ipynb"))


def data_dir() -> Path:
    """A pasta dos dados: a da variável CURSO_DADOS ou, sem ela, o espelho offline ao lado do projeto."""
    return Path(os.environ.get("CURSO_DADOS") or SHARED_DATA)


def use_shared_tiktoken_cache() -> None:
    """Sem TIKTOKEN_CACHE_DIR definida, aponta o `tiktoken` para o cache do espelho offline, se existir (o mesmo
    que os testes usam, em tests/conftest.py)."""
    cache = SHARED_DATA / "tiktoken-cache"
    if cache.is_dir():
        os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
