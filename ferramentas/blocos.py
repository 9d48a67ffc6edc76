"""Blocos levados adiante: confere (e, se pedido, reescreve) as cópias a partir da origem.

Um bloco é uma célula de código cuja primeira linha é

    # @bloco NOME — origem: NN-pasta

A célula no notebook da pasta `origem` é a canônica; toda outra célula com a mesma linha de
marcação é uma cópia e precisa ser idêntica, byte a byte.

Uso:
    python ferramentas/blocos.py             # confere; sai com código 1 e mostra o diff se algo divergiu
    python ferramentas/blocos.py --escrever  # reescreve as cópias a partir das origens

Uma célula cuja primeira linha começa com `# @bloco` mas foge do formato (hífen no lugar do
travessão, sem `origem:`, pasta com outro nome) é um erro, não uma célula comum.

Nos testes, `load_blocks(notebook, "NOME", ...)` executa os blocos pedidos num módulo novo, sem
kernel, para que possam ser testados como Python comum. Os blocos de que eles dependem (os que
definem nomes que eles usam) vêm junto.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import difflib
import itertools
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^# @bloco (?P<name>[A-Za-z_][A-Za-z0-9_]*) — origem: (?P<origin>\d\d-[a-z0-9-]+)\s*$")
MARKER_FORM = "# @bloco NOME — origem: NN-pasta"
_loads = itertools.count(1)


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


def scan(notebook: Path) -> tuple[list[Block], list[str]]:
    """Devolve (blocos, problemas): um problema é uma marcação que começa com '# @bloco' fora do formato."""
    nb = nbformat.read(notebook, as_version=4)
    found, problems = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        first_line = cell.source.split("\n", 1)[0]
        match = MARKER.match(first_line)
        if match:
            found.append(Block(match["name"], match["origin"], notebook, i, cell.source))
        elif first_line.startswith("# @bloco"):
            problems.append(f"{notebook} (célula {i}): marcação de bloco fora do formato: {first_line!r}; "
                            f"o esperado é '{MARKER_FORM}' (com travessão '—')")
    return found, problems


def blocks_in(notebook: Path) -> list[Block]:
    return scan(notebook)[0]


def check(root: Path = ROOT) -> tuple[list[str], list[tuple[Block, Block]]]:
    """Devolve (problemas, pares (origem, cópia) divergentes)."""
    problems: list[str] = []
    origins: dict[str, Block] = {}
    copies: list[Block] = []
    for notebook in chapter_notebooks(root):
        blocks, bad_markers = scan(notebook)
        problems += bad_markers
        for block in blocks:
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


def defined_and_used(source: str) -> tuple[set[str], set[str]]:
    """Nomes que o bloco define no nível do módulo e nomes globais que ele usa sem definir."""
    tree = ast.parse(source)
    defined: set[str] = set()

    def visit(node: ast.AST) -> None:  # só o nível do módulo: não entra em funções, classes, lambdas
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(child.name)
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                defined.update((a.asname or a.name).split(".")[0] for a in child.names)
            elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                defined.add(child.id)
            elif not isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                visit(child)

    visit(tree)
    loaded = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return defined, loaded - defined - set(dir(builtins))


def with_dependencies(blocks: list[Block], names: set[str]) -> list[Block]:
    """Os blocos pedidos e, transitivamente, os que definem nomes que eles usam, na ordem do notebook."""
    names_of = [defined_and_used(b.source) for b in blocks]
    chosen = {i for i, b in enumerate(blocks) if b.name in names}
    pending = list(chosen)
    while pending:
        i = pending.pop()
        for name in names_of[i][1]:
            providers = [j for j, (defined, _) in enumerate(names_of) if name in defined]
            if not providers:
                continue  # vem de fora dos blocos (ou é um erro que a execução vai mostrar)
            earlier = [j for j in providers if j < i]
            j = earlier[-1] if earlier else providers[0]  # a definição mais próxima antes; senão, a primeira
            if j not in chosen:
                chosen.add(j)
                pending.append(j)
    return [b for i, b in enumerate(blocks) if i in chosen]


def load_blocks(notebook: str | Path, *names: str) -> types.ModuleType:
    """Executa os blocos pedidos (todos, se nenhum nome) e os de que eles dependem, num módulo novo."""
    notebook = Path(notebook)
    if not notebook.is_absolute():
        notebook = ROOT / notebook
    blocks = blocks_in(notebook)
    missing = set(names) - {b.name for b in blocks}
    if missing:
        raise KeyError(f"{notebook}: blocos inexistentes: {sorted(missing)}")
    # Um nome por carga: duas cargas do mesmo notebook não se sobrescrevem em sys.modules.
    module = types.ModuleType(f"blocos_{notebook.parent.name.replace('-', '_')}_{next(_loads)}")
    module.__file__ = str(notebook)
    # Registrado em sys.modules para que dataclasses, pickle etc. achem o módulo.
    sys.modules[module.__name__] = module
    for block in with_dependencies(blocks, set(names)) if names else blocks:
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
