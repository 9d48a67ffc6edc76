"""O endereço do repositório do curso, num lugar só.

Os selos do Colab, as imagens dos notebooks (por URL absoluta, porque caminhos relativos quebram no
Colab) e os links entre capítulos apontam para `REPO`. Se o repositório mudar de dono ou de nome,
troque `REPO` e rode:

    python ferramentas/links.py             # confere; sai com código 1 se algum link diverge
    python ferramentas/links.py --escrever  # reescreve os links para apontar para REPO
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from raiz import ROOT, chapter_dirs

REPO = "vongrossi/fazendo-um-llm-do-zero"

# Links para arquivos do próprio curso: ...github/DONO/NOME/blob/main/NN-..., raw.../DONO/NOME/main/NN-...
COURSE_LINK = re.compile(
    r"(?P<host>colab\.research\.google\.com/github/|raw\.githubusercontent\.com/|github\.com/)"
    r"(?P<repo>[\w.-]+/[\w.-]+)/(?P<rest>(?:blob/)?main/(?:\d\d-|README\.md))"
)


def colab_url(chapter: str) -> str:
    return f"https://colab.research.google.com/github/{REPO}/blob/main/{chapter}/notebook.ipynb"


def course_files(root: Path = ROOT) -> list[Path]:
    files = [root / "README.md",
             *(folder / name for folder in chapter_dirs(root) for name in ("README.md", "notebook.ipynb"))]
    return sorted(f for f in files if f.exists())


def wrong_links(text: str) -> list[str]:
    return [m.group(0) for m in COURSE_LINK.finditer(text) if m["repo"] != REPO]


def fix_links(text: str) -> str:
    return COURSE_LINK.sub(lambda m: f"{m['host']}{REPO}/{m['rest']}", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Confere os links do curso contra REPO.")
    parser.add_argument("--escrever", action="store_true", help="reescreve os links divergentes")
    parser.add_argument("--raiz", type=Path, default=ROOT)
    args = parser.parse_args(argv)

    problems = 0
    for path in course_files(args.raiz):
        text = path.read_text(encoding="utf-8")
        wrong = wrong_links(text)
        if not wrong:
            continue
        if args.escrever:
            path.write_text(fix_links(text), encoding="utf-8")
            print(f"reescrito: {path.relative_to(args.raiz)} ({len(wrong)} links)")
        else:
            problems += len(wrong)
            for link in wrong:
                print(f"ERRO: {path.relative_to(args.raiz)}: link fora de {REPO}: {link}")
    if problems:
        print("Para corrigir: python ferramentas/links.py --escrever")
        return 1
    print(f"Links do curso apontam para {REPO}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
