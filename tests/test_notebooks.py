"""Cada notebook roda do início ao fim, offline, em modo rápido; e o que está no repositório é limpo."""

import re
import runpy
from pathlib import Path

import blocos
import executar
import links
import nbformat
import pytest

FORBIDDEN = ("git clone", "files.upload", "%cd ", "os.chdir(", "sys.path")
CONFIG_LINE = 'MODO_RAPIDO = os.environ.get("CURSO_RAPIDO") == "1"'
RAW_PREFIX = f"https://raw.githubusercontent.com/{links.REPO}/main/"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
# Blocos de infraestrutura: ficam sempre na Preparação, recolhidos (assim como toda cópia de outro capítulo).
INFRA_BLOCKS = {"instalar_faltantes", "escolher_dispositivo", "numeros", "conferir", "baixar_dados"}
WRONG_ANSWERS_DIR = Path(__file__).parent / "respostas_erradas"


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def section(nb, title):
    """As células de uma seção `## título` (até o próximo `## `), sem o cabeçalho."""
    cells, inside = [], False
    for cell in nb.cells:
        starts_section = cell.cell_type == "markdown" and cell.source.startswith("## ")
        if starts_section:
            inside = cell.source.splitlines()[0] == f"## {title}"
        elif inside:
            cells.append(cell)
    return cells


def exercise_numbers(nb):
    source = "\n".join(c.source for c in section(nb, "Exercícios") if c.cell_type == "code")
    return sorted({int(n) for n in re.findall(r"^def check_exercise_(\d+)\(", source, re.M)})


def wrong_answers(notebook):
    """As respostas erradas de cada exercício: tests/respostas_erradas/NN.py define WRONG_ANSWERS."""
    path = WRONG_ANSWERS_DIR / f"{notebook.parent.name[:2]}.py"
    return runpy.run_path(str(path))["WRONG_ANSWERS"] if path.is_file() else {}


def output_text(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_runs_top_to_bottom_in_fast_mode(notebook, tmp_path, monkeypatch):
    # Cache vazio: os dados vêm do espelho CURSO_DADOS (ou da internet) e passam pelo sha256.
    monkeypatch.setenv("CURSO_CACHE", str(tmp_path / "cache"))
    # No mesmo kernel, depois do notebook: cada conferência recebe a resposta vazia e as respostas erradas.
    probes = [(n, None, f"check_exercise_{n}(None)") for n in exercise_numbers(nbformat.read(notebook, 4))]
    probes += [(n, code, f"{code}\ncheck_exercise_{n}(wrong)")
               for n, codes in wrong_answers(notebook).items() for code in codes]
    nb, _ = executar.execute_notebook(notebook, fast=True, cell_timeout=600, extra_cells=[p[2] for p in probes])
    assert executar.key_result(nb), "o notebook deve imprimir uma linha 'Resultado-chave: ...'"
    errors = [o for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert not errors
    for (n, code, _), cell in zip(probes, nb.cells[-len(probes):] if probes else []):
        expected = "⏳" if code is None else "❌"
        assert f"{expected} Exercício {n}" in output_text(cell), (
            f"exercício {n}: a conferência deveria dizer {expected} para {code!r}, disse {output_text(cell)!r}")


def test_every_exercise_has_a_gabarito_that_passes_and_wrong_answers(notebook):
    nb = nbformat.read(notebook, as_version=4)
    numbers = exercise_numbers(nb)
    if not section(nb, "Exercícios"):
        pytest.skip("capítulo sem exercícios (ainda)")
    assert 2 <= len(numbers) <= 4, "de 2 a 4 exercícios, cada um com uma função check_exercise_N"
    assert sorted(wrong_answers(notebook)) == numbers, (
        f"tests/respostas_erradas/{notebook.parent.name[:2]}.py: ao menos uma resposta errada por exercício")
    gabarito = "".join(output_text(c) for c in section(nb, "Gabarito") if c.cell_type == "code")
    for n in numbers:
        assert f"✅ Exercício {n}" in gabarito, f"o Gabarito do exercício {n} passa na própria conferência"


def test_preparation_and_gabarito_are_collapsed(notebook):
    nb = nbformat.read(notebook, as_version=4)
    headings = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## ")]
    assert headings and headings[0] == "## Preparação", "a primeira seção é a Preparação, recolhida"
    prep = [c for c in section(nb, "Preparação") if c.cell_type == "code"]
    to_hide = prep + [c for c in section(nb, "Gabarito") if c.cell_type == "code"]
    for cell in to_hide:
        assert cell.metadata.get("cellView") == "form", "recolhida no Colab (cellView: form)"
        assert cell.metadata.get("jupyter", {}).get("source_hidden"), "recolhida no Jupyter (source_hidden)"
    in_prep = {id(c) for c in prep}
    for block in blocos.blocks_in(notebook):
        if block.name in INFRA_BLOCKS or not block.is_origin:
            assert id(nb.cells[block.cell_index]) in in_prep or any(
                c.source == nb.cells[block.cell_index].source for c in prep), (
                f"o bloco '{block.name}' (infraestrutura ou de outro capítulo) fica na Preparação")


def test_is_valid_and_has_committed_clean_outputs(notebook):
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    cells = code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), (
        "as saídas devem vir de uma execução limpa, do início ao fim (make saidas)")
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert executar.key_result(nb), "as saídas gravadas devem incluir o resultado-chave"
    printed = "".join(o.text for c in cells for o in c.outputs if o.output_type == "stream")
    assert "Modo rápido: False" in printed, "as saídas gravadas vêm do modo completo"


def test_is_self_contained(notebook):
    source = "\n".join(c.source for c in code_cells(nbformat.read(notebook, as_version=4)))
    for forbidden in FORBIDDEN:
        assert forbidden not in source, f"notebooks não usam `{forbidden}`"


def test_starts_with_badge_title_and_config(notebook):
    nb = nbformat.read(notebook, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    assert links.colab_url(notebook.parent.name) in first.source
    assert re.search(r"^# Capítulo \d\d — ", first.source, re.M)
    config = [c for c in code_cells(nb) if CONFIG_LINE in c.source]
    assert len(config) == 1, "uma única célula de configuração com MODO_RAPIDO"
    for name in ("SEED", "DEVICE"):
        assert re.search(rf"^{name} = ", config[0].source, re.M), f"a configuração define {name}"
    assert nb.metadata.kernelspec.name == "python3"


def test_images_use_absolute_urls_that_exist(notebook, root):
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for url in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", cell.source):
            if url == COLAB_BADGE:
                continue
            assert url.startswith(RAW_PREFIX), f"imagem com endereço relativo ou de outro repositório: {url}"
            assert (root / url[len(RAW_PREFIX):]).is_file(), f"imagem inexistente no repositório: {url}"


def test_chapter_script_exists_and_its_images_exist(notebook):
    script = notebook.parent / "README.md"
    assert script.is_file()
    for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", script.read_text(encoding="utf-8")):
        if not target.startswith("http"):
            assert (script.parent / target).is_file(), f"{script}: imagem inexistente {target}"


def numbered_headings(markdown):
    return re.findall(r"^#{2,3} (\d+\.(?:\d+)? .+?)\s*$", markdown, re.M)


def test_chapter_script_has_the_notebook_sections_in_order(notebook):
    nb = nbformat.read(notebook, as_version=4)
    in_notebook = [h for c in nb.cells if c.cell_type == "markdown" for h in numbered_headings(c.source)]
    in_script = numbered_headings((notebook.parent / "README.md").read_text(encoding="utf-8"))
    assert in_script == in_notebook, "o roteiro (README.md) deve ter as mesmas seções numeradas do notebook"
