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

Os blocos usam as funções uns dos outros pelo nome, sem importar (TransformerBlock usa
MultiHeadAttention). Por isso, num notebook:

- `shadowing(notebook)`: uma célula que não é bloco não pode redefinir um nome que um bloco do
  notebook define por def, class ou atribuição (import não conta: `import torch` de novo liga o
  mesmo módulo). Senão, um bloco recolhido passa a usar a versão da célula sem aviso. Quando for
  de propósito, a linha que redefine diz por quê: `x = ...  # sombra permitida: <motivo>`.
  Nomes com `_` na frente também contam (um auxiliar privado é usado do mesmo jeito); só o `_`
  sozinho, o "descarte", fica de fora.
- `block_order(notebook)`: o que um bloco usa ao ser executado (nível do módulo, corpo de classe,
  valores padrão, decoradores) vem de um bloco anterior; o que ele usa só dentro de funções vem de
  algum bloco do notebook, antes ou depois (a função só roda quando é chamada). Com `strict=True`,
  também os nomes usados dentro de funções precisam vir de um bloco anterior.

Definir um nome é ligá-lo no nível do módulo: def, class, atribuição (inclusive desempacotada,
aumentada ou anotada), import, alvo de for, `with ... as`, `except ... as`, também dentro de
if/try/for/with. As linhas de comando mágico do IPython (`%...`, `!...`) são ignoradas, e uma
célula `%%...` inteira também.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import difflib
import itertools
import re
import symtable
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import nbformat
from raiz import ROOT, chapter_notebooks

MARKER = re.compile(r"^# @bloco (?P<name>[A-Za-z_][A-Za-z0-9_]*) — origem: (?P<origin>\d\d-[a-z0-9-]+)\s*$")
MARKER_FORM = "# @bloco NOME — origem: NN-pasta"
ALLOW_SHADOW = "# sombra permitida:"  # seguido do motivo, na linha que redefine o nome de um bloco
_ALLOW_SHADOW = re.compile(r"#\s*sombra permitida:\s*\S")
PROVIDED = set(dir(builtins))  # nomes que existem em qualquer módulo, sem bloco nenhum
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


class Binding(NamedTuple):
    name: str
    line: int  # linha da célula (a partir de 1) onde o nome é ligado
    imported: bool  # ligado por import


@dataclass(frozen=True)
class CellNames:
    """O que uma célula faz com os nomes do módulo: o que ela define e o que ela usa de fora."""

    bindings: tuple[Binding, ...]  # cada ligação no nível do módulo, na ordem do código
    uses_now: frozenset[str]  # usados ao executar a célula: nível do módulo, corpo de classe, compreensões
    uses_later: frozenset[str]  # usados só dentro de funções e lambdas, quando forem chamadas

    @property
    def defines(self) -> set[str]:
        return {b.name for b in self.bindings}

    @property
    def own(self) -> set[str]:
        """Os nomes que a célula define sem ser por import (def, class, atribuição, for, with...)."""
        return {b.name for b in self.bindings if not b.imported}

    @property
    def uses(self) -> frozenset[str]:
        return self.uses_now | self.uses_later


def python_source(source: str) -> str:
    """O código da célula sem os comandos mágicos do IPython (`%...`, `!...`), com as linhas no lugar."""
    if source.lstrip().startswith("%%"):
        return ""  # magia de célula (%%bash, %%writefile...): o resto nem é Python
    lines = source.split("\n")
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            lines[i] = line[: len(line) - len(stripped)] + "pass"
    return "\n".join(lines)


def _bindings(tree: ast.Module) -> list[Binding]:
    found: list[Binding] = []

    def visit(node: ast.AST) -> None:  # só o nível do módulo: não entra em funções, classes, lambdas
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.append(Binding(child.name, child.lineno, False))
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend(Binding((a.asname or a.name).split(".")[0], child.lineno, True)
                             for a in child.names if a.name != "*")
            elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                found.append(Binding(child.id, child.lineno, False))
            elif isinstance(child, ast.ExceptHandler) and child.name:
                found.append(Binding(child.name, child.lineno, False))
                visit(child)
            elif not isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                visit(child)

    visit(tree)
    return sorted(found, key=lambda b: b.line)


def cell_names(source: str) -> CellNames:
    """Os nomes que a célula define no nível do módulo e os nomes de fora que ela usa, agora ou depois."""
    source = python_source(source)
    bindings = _bindings(ast.parse(source))
    defined = {b.name for b in bindings}
    now: set[str] = set()
    later: set[str] = set()

    def visit(table: symtable.SymbolTable, runs_now: bool) -> None:
        for symbol in table.get_symbols():
            if symbol.is_referenced() and (symbol.is_global() or table.get_type() == "module"):
                (now if runs_now else later).add(symbol.get_name())
        for child in table.get_children():
            # Compreensões e corpos de classe rodam na hora; funções e lambdas, só quando chamadas.
            comprehension = child.get_name() in ("listcomp", "setcomp", "dictcomp", "genexpr")
            visit(child, runs_now and (child.get_type() == "class" or comprehension))

    visit(symtable.symtable(source, "<célula>", "exec"), True)
    now -= defined | PROVIDED
    later -= defined | PROVIDED | now
    return CellNames(tuple(bindings), frozenset(now), frozenset(later))


def with_dependencies(blocks: list[Block], names: set[str]) -> list[Block]:
    """Os blocos pedidos e, transitivamente, os que definem nomes que eles usam, na ordem do notebook."""
    block_names = [cell_names(b.source) for b in blocks]
    chosen = {i for i, b in enumerate(blocks) if b.name in names}
    pending = list(chosen)
    while pending:
        i = pending.pop()
        for name in block_names[i].uses:
            providers = [j for j, names_j in enumerate(block_names) if name in names_j.defines]
            if not providers:
                continue  # vem de fora dos blocos (ou é um erro que a execução vai mostrar)
            earlier = [j for j in providers if j < i]
            j = earlier[-1] if earlier else providers[0]  # a definição mais próxima antes; senão, a primeira
            if j not in chosen:
                chosen.add(j)
                pending.append(j)
    return [b for i, b in enumerate(blocks) if i in chosen]


def _where(notebook: Path, cell_index: int) -> str:
    return f"{notebook.parent.name}/{notebook.name} (célula {cell_index})"


def shadowing(notebook: Path) -> list[str]:
    """Células que não são blocos e redefinem, sem dizer por quê, um nome que um bloco do notebook define."""
    nb = nbformat.read(notebook, as_version=4)
    blocks = blocks_in(notebook)
    owner: dict[str, Block] = {}
    for block in blocks:
        for name in sorted(cell_names(block.source).own - {"_"}):
            owner.setdefault(name, block)
    in_blocks = {b.cell_index for b in blocks}
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or i in in_blocks:
            continue
        lines = cell.source.split("\n")
        reported = set()
        for binding in cell_names(cell.source).bindings:
            block = owner.get(binding.name)
            if block is None or binding.name in reported or _ALLOW_SHADOW.search(lines[binding.line - 1]):
                continue
            reported.add(binding.name)
            problems.append(
                f"{_where(notebook, i)}, linha {binding.line}: redefine '{binding.name}', que o bloco "
                f"'{block.name}' (célula {block.cell_index}) define; os blocos que usam '{binding.name}' "
                "passariam a usar a versão desta célula sem aviso. Use outro nome ou, se for de propósito, "
                f"diga por quê na mesma linha: '{ALLOW_SHADOW} <motivo>'")
    return problems


def block_order(notebook: Path, strict: bool = False) -> list[str]:
    """Blocos que usam nomes que nenhum bloco antes deles define (ou, dentro de funções, nenhum bloco)."""
    nb = nbformat.read(notebook, as_version=4)
    blocks = blocks_in(notebook)
    block_names = [cell_names(b.source) for b in blocks]
    in_blocks = {b.cell_index for b in blocks}

    def hint(name: str, after: int) -> str:
        later_blocks = [b.name for b, n in zip(blocks[after + 1:], block_names[after + 1:]) if name in n.defines]
        if later_blocks:
            return f"o bloco '{later_blocks[0]}' define, mas vem depois"
        cells = [i for i, c in enumerate(nb.cells)
                 if c.cell_type == "code" and i not in in_blocks and name in cell_names(c.source).defines]
        if cells:
            return f"só a célula {cells[0]}, que não é bloco, define; quem carrega os blocos não a executa"
        return "nada no notebook define"

    problems = []
    defined_before: set[str] = set()
    defined_anywhere = set().union(*(n.defines for n in block_names))
    for k, (block, names) in enumerate(zip(blocks, block_names)):
        where = f"{_where(notebook, block.cell_index)}: o bloco '{block.name}'"
        for name in sorted(names.uses_now - defined_before):
            problems.append(f"{where} usa '{name}' ao ser executado, e nenhum bloco antes dele o define "
                            f"({hint(name, k)})")
        for name in sorted(names.uses_later - (defined_before if strict else defined_anywhere)):
            problems.append(f"{where} usa '{name}' dentro de uma função, e nenhum bloco "
                            f"{'antes dele' if strict else 'do notebook'} o define ({hint(name, k)})")
        defined_before |= names.defines
    return problems


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
