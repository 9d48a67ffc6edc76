"""A ferramenta de blocos: detecta divergência, reescreve cópias e carrega blocos para os testes."""

import blocos
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

MARK = "# @bloco soma — origem: 00-a"
ORIGIN_SOURCE = MARK + "\ndef add(a, b):\n    return a + b"


def write_notebook(path, *sources):
    path.parent.mkdir(parents=True, exist_ok=True)
    cells = [new_markdown_cell("# título")] + [new_code_cell(s) for s in sources]
    nbformat.write(new_notebook(cells=cells), path)


@pytest.fixture
def course(tmp_path):
    write_notebook(tmp_path / "00-a" / "notebook.ipynb", ORIGIN_SOURCE, "print(add(1, 2))")
    write_notebook(tmp_path / "01-b" / "notebook.ipynb", "x = 1", ORIGIN_SOURCE)
    return tmp_path


def test_repository_blocks_are_in_sync():
    assert blocos.main([]) == 0


def test_copies_in_sync(course, capsys):
    assert blocos.main(["--raiz", str(course)]) == 0
    assert "1 cópias conferidas" in capsys.readouterr().out


def test_drift_is_reported_with_a_diff_and_fixed_by_escrever(course, capsys):
    copy = course / "01-b" / "notebook.ipynb"
    write_notebook(copy, "x = 1", ORIGIN_SOURCE.replace("a + b", "a - b"))
    assert blocos.main(["--raiz", str(course)]) == 1
    out = capsys.readouterr().out
    assert "DIVERGÊNCIA: bloco 'soma'" in out
    assert "-    return a + b" in out and "+    return a - b" in out

    assert blocos.main(["--raiz", str(course), "--escrever"]) == 0
    assert nbformat.read(copy, as_version=4).cells[2].source == ORIGIN_SOURCE
    assert blocos.main(["--raiz", str(course)]) == 0


def test_copy_of_a_block_missing_from_its_origin(course, capsys):
    write_notebook(course / "02-c" / "notebook.ipynb", "# @bloco outro — origem: 00-a\ny = 2")
    assert blocos.main(["--raiz", str(course)]) == 1
    assert "o bloco 'outro' diz vir de 00-a, mas não existe lá" in capsys.readouterr().out


def test_copy_claiming_the_wrong_origin(course, capsys):
    write_notebook(course / "02-c" / "notebook.ipynb", "# @bloco soma — origem: 01-b\n")
    assert blocos.main(["--raiz", str(course)]) == 1
    assert "mas nasce em 00-a" in capsys.readouterr().out


def test_block_defined_twice_in_its_origin(course, capsys):
    write_notebook(course / "00-a" / "notebook.ipynb", ORIGIN_SOURCE, ORIGIN_SOURCE)
    assert blocos.main(["--raiz", str(course)]) == 1
    assert "aparece duas vezes" in capsys.readouterr().out


def test_marker_must_be_the_first_line(tmp_path):
    write_notebook(tmp_path / "00-a" / "notebook.ipynb", "x = 1\n" + MARK)
    assert blocos.blocks_in(tmp_path / "00-a" / "notebook.ipynb") == []


def test_load_blocks_runs_only_the_requested_blocks(course):
    module = blocos.load_blocks(course / "01-b" / "notebook.ipynb", "soma")
    assert module.add(2, 3) == 5
    assert not hasattr(module, "x")  # células que não são blocos não são executadas
    with pytest.raises(KeyError, match="inexistentes"):
        blocos.load_blocks(course / "01-b" / "notebook.ipynb", "nao_existe")


@pytest.mark.parametrize("first_line", [
    "# @bloco soma - origem: 00-a",    # hífen no lugar do travessão
    "# @bloco soma -- origem: 00-a",
    "# @bloco soma — 00-a",            # sem "origem:"
    "# @bloco soma — origem: capitulo",  # pasta sem o número
])
def test_marker_out_of_form_is_an_error(course, capsys, first_line):
    write_notebook(course / "02-c" / "notebook.ipynb", "x = 1", first_line + "\ny = 2")
    assert blocos.main(["--raiz", str(course)]) == 1
    out = capsys.readouterr().out
    assert "02-c" in out and "(célula 2)" in out and "fora do formato" in out
    assert "# @bloco NOME — origem: NN-pasta" in out


def test_load_blocks_brings_the_blocks_it_depends_on(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook,
                   "# @bloco base — origem: 00-a\nBASE = 10",
                   "# @bloco dobro — origem: 00-a\ndef double(x):\n    return 2 * x + BASE",
                   "# @bloco outro — origem: 00-a\nOTHER = 1",
                   "# @bloco usa — origem: 00-a\ndef use(x):\n    return double(x) + len([i for i in range(x)])")
    module = blocos.load_blocks(notebook, "usa")
    assert module.use(3) == 19  # usa → dobro → base, transitivamente
    assert not hasattr(module, "OTHER")  # o que não é usado continua de fora
    assert blocos.load_blocks(notebook).OTHER == 1  # sem nomes: todos os blocos


def test_load_blocks_real_chapter_with_dependencies():
    import torch

    ch04 = blocos.load_blocks("04-gpt-do-zero/notebook.ipynb", "config_gpt2", "modelo_gpt")
    cfg = {**ch04.GPT_CONFIG_124M, "vocab_size": 50, "context_length": 8, "emb_dim": 16, "n_heads": 2,
           "n_layers": 2}
    model = ch04.GPTModel(cfg)  # precisa de TransformerBlock, LayerNorm etc., de outros blocos
    assert model(torch.zeros(1, 5, dtype=torch.long)).shape == (1, 5, 50)


def test_two_loads_keep_separate_modules(course):
    import sys

    first = blocos.load_blocks(course / "01-b" / "notebook.ipynb", "soma")
    second = blocos.load_blocks(course / "00-a" / "notebook.ipynb")
    assert first.__name__ != second.__name__
    assert sys.modules[first.__name__] is first and sys.modules[second.__name__] is second
