"""Gera os infográficos do curso: roda cada `NN-*/infograficos/desenhar.py`.

Uso:
    python ferramentas/infograficos.py          # todos os capítulos
    python ferramentas/infograficos.py 00 01    # só os capítulos 00 e 01

Cada script grava suas imagens (.png e .svg) ao lado de si mesmo, usando `ferramentas/desenho.py`.
A saída é reprodutível: rodar duas vezes gera arquivos idênticos byte a byte. Sai com código 1
se algum script falhar (inclusive por problema de leiaute detectado por `desenho.save`).
"""

from __future__ import annotations

import argparse
import runpy
import sys
import traceback
from pathlib import Path

import matplotlib
from raiz import ROOT, chapter_dirs

matplotlib.use("Agg")  # sem janelas: só arquivos


def find_scripts(chapters: list[str]) -> list[Path]:
    """Scripts de infográficos, em ordem de capítulo, opcionalmente filtrados por prefixo."""
    scripts = [folder / "infograficos" / "desenhar.py" for folder in chapter_dirs()]
    scripts = [s for s in scripts if s.is_file()]
    if chapters:
        scripts = [s for s in scripts if any(s.parent.parent.name.startswith(c) for c in chapters)]
        if not scripts:
            raise SystemExit(f"Nenhum capítulo com infográficos corresponde a {' '.join(chapters)}.")
    return scripts


def run_script(script: Path) -> None:
    """Roda um script como se fosse `python script` (a primeira linha dele põe `ferramentas/` no caminho)."""
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            raise RuntimeError(f"o script saiu com código {exit_.code}") from exit_


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gera os infográficos (PNG e SVG) dos capítulos.")
    parser.add_argument("capitulos", nargs="*", help="prefixos das pastas (ex.: 00 01); padrão: todos")
    args = parser.parse_args(argv)

    import desenho

    failures: list[str] = []
    total = 0
    for script in find_scripts(args.capitulos):
        name = script.relative_to(ROOT).as_posix()
        print(f"▶ {name}", flush=True)
        before = len(desenho.WRITTEN)
        try:
            run_script(script)
        except Exception:
            traceback.print_exc()
            failures.append(name)
            continue
        written = desenho.WRITTEN[before:]
        for path in written:
            print(f"  escreveu {path.resolve().relative_to(ROOT).as_posix()}")
        if not written:
            print("  (nenhum arquivo escrito)")
        total += len(written)

    if failures:
        print(f"\nFalha ao gerar os infográficos de: {', '.join(failures)}", file=sys.stderr)
        return 1
    print(f"\n{total} arquivos escritos.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
