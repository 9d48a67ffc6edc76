import executar
from nbformat.v4 import new_code_cell, new_notebook, new_output


def test_key_result_is_the_last_line_with_the_prefix():
    cell = new_code_cell("...", outputs=[
        new_output("stream", name="stdout", text="Resultado-chave: primeiro\n"),
        new_output("stream", name="stdout", text="outra linha\nResultado-chave: perplexidade 23.3\n"),
    ])
    assert executar.key_result(new_notebook(cells=[cell])) == "perplexidade 23.3"
    assert executar.key_result(new_notebook(cells=[new_code_cell("1")])) == ""


def test_kernel_env_sets_fast_mode_and_absolute_data_paths(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CURSO_DADOS", "dados")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    env = executar.kernel_env(fast=True)
    assert env["CURSO_RAPIDO"] == "1"
    assert env["OMP_NUM_THREADS"] == "1"
    assert env["CURSO_DADOS"] == str(tmp_path / "dados")
    assert executar.kernel_env(fast=False)["CURSO_RAPIDO"] == "0"


def test_select_by_chapter_prefix():
    assert [p.parent.name for p in executar.select(["01"])] == ["01-o-que-e-um-llm"]
    assert len(executar.select([])) == 9


def test_benchmark_runs_and_reports_ratios(capsys):
    import benchmark

    assert benchmark.main(["--tokens", "4", "--repeticoes", "1", "--dispositivo", "cpu", "--treino", "curso",
                           "--novos", "3"]) == 0
    out = capsys.readouterr().out
    assert "generate_cached / generate:" in out  # a geração com e sem KV cache, com a razão
    assert "GPTModel vs GPT2LMHeadModel (forward)" in out and "×" in out
    assert "treino curso 32×128 float32" in out  # o passo de treino do capítulo 05, com a razão
    difference = float(out.split("maior diferença nos logits: ")[1].split()[0])
    assert difference < 1e-4


def test_execute_notebook_runs_a_fresh_kernel_and_reports_errors(tmp_path, monkeypatch):
    import nbformat
    import pytest
    from nbclient.exceptions import CellExecutionError

    good = tmp_path / "00-bom" / "notebook.ipynb"
    good.parent.mkdir()
    nbformat.write(new_notebook(cells=[
        new_code_cell("import os\n"
                      'print(f"Resultado-chave: rápido={os.environ[\'CURSO_RAPIDO\']}, pasta={os.getcwd()}")'),
    ]), good)
    nb, seconds = executar.execute_notebook(good, fast=True, cell_timeout=60)
    assert executar.key_result(nb) == f"rápido=1, pasta={good.parent}"  # roda na pasta do capítulo
    assert seconds > 0

    bad = tmp_path / "01-ruim" / "notebook.ipynb"
    bad.parent.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell('raise ValueError("falhou de propósito")')]), bad)
    with pytest.raises(CellExecutionError, match="falhou de propósito"):
        executar.execute_notebook(bad, fast=True, cell_timeout=60)
