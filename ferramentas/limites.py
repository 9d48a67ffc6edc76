"""Imprime os pacotes do curso fixados no limite inferior (`pacote>=X` vira `pacote==X`).

Usado por `make limites`, que instala essas versões num ambiente à parte (.venv-limites) e executa
todos os notebooks no modo rápido: assim os limites de requirements.txt são conferidos de verdade.
Junto vão as ferramentas que executam os notebooks (nbclient, nbformat, ipykernel), sem versão fixa.

Uso:
    python ferramentas/limites.py > limites.txt
"""

from __future__ import annotations

import re
from pathlib import Path

from raiz import ROOT

RUNNER = ["nbclient", "nbformat", "ipykernel"]


def lower_bound_pins(requirements: Path = ROOT / "requirements.txt") -> list[str]:
    pins = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\[\]-]+)\s*>=\s*([^,;\s]+)", line)
        if not match:
            raise SystemExit(f"{requirements.name}: esperava 'pacote>=versão', encontrei {line!r}")
        pins.append(f"{match[1]}=={match[2]}")
    return pins


if __name__ == "__main__":
    print("\n".join(lower_bound_pins() + RUNNER))
