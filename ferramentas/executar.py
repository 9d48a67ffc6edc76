"""Executa os notebooks do curso sem interface, do início ao fim, cada um num kernel novo.

Uso:
    python ferramentas/executar.py                 # todos os capítulos, modo completo
    python ferramentas/executar.py --rapido 00 01  # só os capítulos 00 e 01, modo rápido
    python ferramentas/executar.py --salvar        # grava as saídas nos notebooks (para o commit)

Ao fim imprime um resumo: capítulo, tempo, resultado-chave (a última linha que o notebook
imprime começando com "Resultado-chave:") e ok/falhou. Sai com código 1 se algum falhar.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from raiz import chapter_notebooks

KEY_RESULT_PREFIX = "Resultado-chave:"


def kernel_env(fast: bool) -> dict[str, str]:
    env = dict(os.environ)
    # O kernel roda na pasta do capítulo: caminhos relativos passam a valer a partir de onde o comando foi dado.
    for name in ("CURSO_DADOS", "CURSO_CACHE", "TIKTOKEN_CACHE_DIR"):
        if env.get(name):
            env[name] = str(Path(env[name]).resolve())
    env["CURSO_RAPIDO"] = "1" if fast else "0"
    # Um kernel por núcleo: sem isto, dois kernels em paralelo disputam as threads e ficam ~14× mais lentos.
    env.setdefault("OMP_NUM_THREADS", "1" if fast else str(os.cpu_count() or 1))
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return env


def execute_notebook(path: Path, fast: bool, cell_timeout: int = 1800,
                     extra_cells: tuple[str, ...] = ()) -> tuple[nbformat.NotebookNode, float]:
    """Executa o notebook num kernel novo, com a pasta do capítulo como diretório de trabalho.

    `extra_cells` são células de código acrescentadas ao fim (os testes as usam para conferir os
    exercícios no mesmo kernel, sem executar o notebook duas vezes).
    """
    nb = nbformat.read(path, as_version=4)
    nb.cells.extend(nbformat.v4.new_code_cell(source) for source in extra_cells)
    client = NotebookClient(nb, timeout=cell_timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute(env=kernel_env(fast))
    return nb, time.perf_counter() - start


def key_result(nb: nbformat.NotebookNode) -> str:
    found = ""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                for line in output.get("text", "").splitlines():
                    if line.startswith(KEY_RESULT_PREFIX):
                        found = line[len(KEY_RESULT_PREFIX):].strip()
    return found


def select(chapters: list[str]) -> list[Path]:
    notebooks = chapter_notebooks()
    if not chapters:
        return notebooks
    chosen = [nb for nb in notebooks if any(nb.parent.name.startswith(c) for c in chapters)]
    if not chosen:
        raise SystemExit(f"Nenhum capítulo corresponde a {chapters}.")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Executa os notebooks do curso, em ordem.")
    parser.add_argument("capitulos", nargs="*", help="prefixos das pastas (ex.: 00 01); padrão: todos")
    parser.add_argument("--rapido", action="store_true", help="modo rápido (CURSO_RAPIDO=1)")
    parser.add_argument("--salvar", action="store_true", help="grava as saídas de volta nos notebooks")
    args = parser.parse_args(argv)
    if args.salvar and args.rapido:
        parser.error("as saídas publicadas vêm do modo completo: não use --salvar com --rapido")

    rows = []
    for path in select(args.capitulos):
        chapter = path.parent.name
        print(f"▶ {chapter} ({'rápido' if args.rapido else 'completo'})…", flush=True)
        start = time.perf_counter()
        try:
            nb, seconds = execute_notebook(path, args.rapido)
        except CellExecutionError as error:
            seconds = time.perf_counter() - start
            print(error)
            summary = f"{error.ename}: {error.evalue}".splitlines()[0]
            rows.append((chapter, seconds, summary[:100], "FALHOU"))
            continue
        if args.salvar:
            nbformat.write(nb, path)
        rows.append((chapter, seconds, key_result(nb), "ok"))

    print()
    print(f"{'capítulo':<24} {'tempo':>8}  {'situação':<8} resultado-chave")
    for chapter, seconds, result, status in rows:
        print(f"{chapter:<24} {seconds:>7.1f}s  {status:<8} {result}")
    failed = [r for r in rows if r[3] != "ok"]
    print(f"\n{len(rows) - len(failed)} de {len(rows)} notebooks executados sem erro.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
