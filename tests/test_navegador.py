"""O caminho de quem aprende em casa: Jupyter Lab num navegador de verdade (Chromium), "Run All".

Precisa do Chromium e do playwright; se faltarem, o teste falha dizendo como instalar (não é pulado).
"""

import shutil

import navegador
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook


def require_browser():
    problem = navegador.missing_tools()
    if problem:
        pytest.fail(problem)


def describe(result):
    return "\n".join([f"{result.executed} de {result.cells} células executadas; {result.images} imagens "
                      f"(esperadas {result.expected_images}); captura: {result.screenshot}",
                      *result.dialogs, *result.errors])


def test_missing_tools_message_says_how_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    message = navegador.missing_tools()
    assert "apt-get install chromium" in message
    assert f"pip install playwright=={navegador.PLAYWRIGHT_VERSION}" in message


def test_chapter_00_runs_all_in_jupyter_lab():
    require_browser()
    result = navegador.check(navegador.ROOT / "00-passo-zero")
    print(f"Captura da tela: {result.screenshot} ({result.seconds:.0f} s)")
    assert result.ok, describe(result)
    assert result.images >= 1 and not result.dialogs


def test_browser_check_sees_an_error(tmp_path):
    require_browser()
    folder = tmp_path / "00-erro"
    folder.mkdir()
    cells = [new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()"),
             new_code_cell("1 / 0"),
             new_code_cell("print('não chega aqui')")]
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(new_notebook(cells=cells, metadata={"kernelspec": kernelspec}), folder / "notebook.ipynb")
    result = navegador.check(folder, timeout=120)
    assert not result.ok
    assert result.images == 1  # o gráfico antes do erro aparece
    assert result.executed == 2 and result.cells == 3  # o Jupyter desiste das células depois do erro
    assert any("ZeroDivisionError" in error for error in result.errors), describe(result)
