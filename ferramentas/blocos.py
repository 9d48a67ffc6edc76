"""Blocos levados adiante: confere (e, se pedido, reescreve) as cópias a partir da origem.

Um bloco é uma célula de código cuja primeira linha é

    # @bloco NOME — origem: NN-pasta

A célula no notebook da pasta `origem` é a canônica; toda outra célula com a mesma linha de
marcação é uma cópia e precisa ser idêntica, byte a byte.

Uso:
    python ferramentas/blocos.py             # confere; sai com código 1 e mostra o diff se algo divergiu
    python ferramentas/blocos.py --escrever  # reescreve as cópias a partir das origens

Nos testes, `load_blocks(notebook, "NOME", ...)` executa os blocos pedidos num módulo novo, sem
kernel, para que possam ser testados como Python comum.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^# @bloco (?P<name>[A-Za-z_][A-Za-z0-9_]*) — origem: (?P<origin>\d\d-[a-z0-9-]+)\s*$")


@dataclass
class Block:
    name: str
    origin: str  # pasta do capítulo onde o bloco nasce
    notebook: Path
    cell_index: int
    source: str

    @property
    def chapter(self) -> str:
        return self.notebook.parent.name

    @property
    def is_origin(self) -> bool:
        return self.chapter == self.origin


def chapter_notebooks(root: Path = ROOT) -> list[Path]:
    return sorted(root.glob("[0-9][0-9]-*/notebook.ipynb"))


def blocks_in(notebook: Path) -> list[Block]:
    nb = nbformat.read(notebook, as_version=4)
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        match = MARKER.match(cell.source.split("\n", 1)[0])
        if match:
            found.append(Block(match["name"], match["origin"], notebook, i, cell.source))
    return found


def check(root: Path = ROOT) -> tuple[list[str], list[tuple[Block, Block]]]:
    """Devolve (problemas, pares (origem, cópia) divergentes)."""
    problems: list[str] = []
    origins: dict[str, Block] = {}
    copies: list[Block] = []
    for notebook in chapter_notebooks(root):
        for block in blocks_in(notebook):
            if not block.is_origin:
                copies.append(block)
            elif block.name in origins:
                problems.append(f"o bloco '{block.name}' aparece duas vezes na origem {block.notebook}")
            else:
                origins[block.name] = block
    drifted = []
    for copy in copies:
        origin = origins.get(copy.name)
        where = f"{copy.notebook.relative_to(root)} (célula {copy.cell_index})"
        if origin is None:
            problems.append(f"{where}: o bloco '{copy.name}' diz vir de {copy.origin}, "
                            "mas não existe lá")
        elif origin.origin != copy.origin:
            problems.append(f"{where}: o bloco '{copy.name}' diz vir de {copy.origin}, "
                            f"mas nasce em {origin.origin}")
        elif origin.source != copy.source:
            drifted.append((origin, copy))
    return problems, drifted


def write_copies(drifted: list[tuple[Block, Block]]) -> None:
    by_notebook: dict[Path, list[tuple[Block, Block]]] = {}
    for origin, copy in drifted:
        by_notebook.setdefault(copy.notebook, []).append((origin, copy))
    for notebook, pairs in by_notebook.items():
        nb = nbformat.read(notebook, as_version=4)
        for origin, copy in pairs:
            nb.cells[copy.cell_index].source = origin.source
        nbformat.write(nb, notebook)


def load_blocks(notebook: str | Path, *names: str) -> types.ModuleType:
    """Executa os blocos pedidos (todos, se nenhum nome) de um notebook num módulo novo."""
    notebook = Path(notebook)
    if not notebook.is_absolute():
        notebook = ROOT / notebook
    blocks = blocks_in(notebook)
    missing = set(names) - {b.name for b in blocks}
    if missing:
        raise KeyError(f"{notebook}: blocos inexistentes: {sorted(missing)}")
    module = types.ModuleType(f"blocos_{notebook.parent.name.replace('-', '_')}")
    module.__file__ = str(notebook)
    # Registrado em sys.modules para que dataclasses, pickle etc. achem o módulo.
    sys.modules[module.__name__] = module
    for block in blocks:
        if not names or block.name in names:
            exec(compile(block.source, f"{notebook}:{block.name}", "exec"), module.__dict__)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Confere as cópias dos blocos contra a origem.")
    parser.add_argument("--escrever", action="store_true", help="reescreve as cópias a partir da origem")
    parser.add_argument("--raiz", type=Path, default=ROOT, help="raiz do curso (padrão: este repositório)")
    args = parser.parse_args(argv)

    problems, drifted = check(args.raiz)
    for problem in problems:
        print(f"ERRO: {problem}")
    if args.escrever and drifted:
        write_copies(drifted)
        for _, copy in drifted:
            print(f"reescrito: bloco '{copy.name}' em {copy.notebook.relative_to(args.raiz)}")
        drifted = []
    for origin, copy in drifted:
        print(f"DIVERGÊNCIA: bloco '{copy.name}' em {copy.notebook.relative_to(args.raiz)} "
              f"difere da origem {origin.notebook.relative_to(args.raiz)}")
        diff = difflib.unified_diff(origin.source.splitlines(), copy.source.splitlines(),
                                    "origem", "cópia", lineterm="")
        print("\n".join(diff))
    if problems or drifted:
        if drifted:
            print("Para corrigir: python ferramentas/blocos.py --escrever")
        return 1
    n_copies = sum(not b.is_origin for nb in chapter_notebooks(args.raiz) for b in blocks_in(nb))
    print(f"Blocos em sincronia ({n_copies} cópias conferidas).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
