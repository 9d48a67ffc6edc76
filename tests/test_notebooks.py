"""Cada notebook roda do início ao fim, offline, em modo rápido; e o que está no repositório é limpo."""

import re

import executar
import links
import nbformat

FORBIDDEN = ("git clone", "files.upload", "%cd ", "os.chdir(", "sys.path")
CONFIG_LINE = 'MODO_RAPIDO = os.environ.get("CURSO_RAPIDO") == "1"'
RAW_PREFIX = f"https://raw.githubusercontent.com/{links.REPO}/main/"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_runs_top_to_bottom_in_fast_mode(notebook, tmp_path, monkeypatch):
    # Cache vazio: os dados vêm do espelho CURSO_DADOS (ou da internet) e passam pelo sha256.
    monkeypatch.setenv("CURSO_CACHE", str(tmp_path / "cache"))
    nb, _ = executar.execute_notebook(notebook, fast=True, cell_timeout=600)
    assert executar.key_result(nb), "o notebook deve imprimir uma linha 'Resultado-chave: ...'"
    errors = [o for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert not errors


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
