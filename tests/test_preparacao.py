"""Os blocos de infraestrutura da Preparação: instalar o que falta, números no padrão brasileiro, conferência."""

import subprocess

import blocos
import matplotlib
import pytest
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NOTEBOOK = "00-passo-zero/notebook.ipynb"


@pytest.fixture(scope="module")
def prep():
    return blocos.load_blocks(NOTEBOOK, "instalar_faltantes", "numeros", "conferir")


@pytest.fixture
def pip_calls(prep, monkeypatch):
    calls = []

    def fake_run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, returncode=0)

    monkeypatch.setattr(prep.subprocess, "run", fake_run)
    return calls


def test_install_missing_installs_only_what_is_missing_and_never_torch(prep, pip_calls, monkeypatch):
    assert prep.install_missing() == []  # aqui tudo está instalado: nada é chamado
    assert pip_calls == []
    real_find_spec = prep.importlib.util.find_spec
    monkeypatch.setattr(prep.importlib.util, "find_spec",
                        lambda name: None if name == "tiktoken" else real_find_spec(name))
    assert prep.install_missing() == ["tiktoken"]
    assert pip_calls[0][-1] == "tiktoken" and "torch" not in pip_calls[0]


def test_install_missing_explains_a_missing_torch_or_a_failed_pip(prep, monkeypatch):
    monkeypatch.setattr(prep.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuntimeError, match="PyTorch não está instalado"):
        prep.install_missing()
    monkeypatch.setattr(prep.importlib.util, "find_spec", lambda name: object() if name == "torch" else None)
    monkeypatch.setattr(prep.subprocess, "run", lambda command, **kw: subprocess.CompletedProcess(command, 1))
    with pytest.raises(RuntimeError, match="Não consegui instalar numpy"):
        prep.install_missing()


def test_numbers_in_the_brazilian_format(prep):
    assert prep.thousands(124439808) == "124 439 808"
    assert prep.decimal(1234.567) == "1 234,57"
    assert prep.decimal(-0.5, 3) == "-0,500"
    assert prep.percent(0.193) == "19,3 %"
    assert prep.scientific(3.04e-7) == "3,0e-07"
    fig, ax = plt.subplots()
    ax.plot([0, 0.5, 1], [0, 2500, 5000])
    prep.br_ticks(ax)
    fig.canvas.draw()
    assert "0,4" in [t.get_text() for t in ax.get_xticklabels()]
    assert "2 000" in [t.get_text() for t in ax.get_yticklabels()]
    plt.close(fig)
    fig, ax = plt.subplots()
    ax.bar(["GPT-2", "nosso BPE"], [2.3, 1.8])
    ax.set_yscale("log")
    prep.br_ticks(ax)  # categorias e escala log ficam como estão
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["GPT-2", "nosso BPE"]
    assert type(ax.yaxis.get_major_formatter()).__name__.startswith("Log")
    plt.close(fig)


@pytest.mark.parametrize("answer, options, expected", [
    (None, {}, "⏳ Exercício 1: ainda sem resposta"),
    (torch.ones(4), {"kind": torch.Tensor, "shape": (4,)}, "✅ Exercício 1: correto!"),
    (3, {"kind": torch.Tensor}, "a resposta deveria ser um tensor, mas é um int"),
    (14, {"kind": float}, "deveria ser um float, mas é um int"),
    (torch.ones(3), {"kind": torch.Tensor, "shape": (4,)}, "a forma esperada é (4,)"),
    (torch.ones(4, dtype=torch.float64), {"shape": (4,), "dtype": torch.float32}, "o dtype esperado é float32"),
    (lambda text: 1 / 0, {}, "deu erro — ZeroDivisionError"),
])
def test_check_gives_a_hint_instead_of_a_traceback(prep, capsys, answer, options, expected):
    def is_right(value):
        return value(1) if callable(value) else bool((value == 1).all())

    right = prep.check("Exercício 1", answer, is_right, **options)
    out = capsys.readouterr().out
    assert expected.lower() in out.lower()
    assert right == out.startswith("✅")


def test_check_wrong_value_uses_the_hint(prep, capsys):
    assert not prep.check("Exercício 2", 2.0, lambda a: a == 3.0, kind=float, hint="Derive de novo.")
    assert capsys.readouterr().out.strip() == "❌ Exercício 2: ainda não. Derive de novo."


def test_a_function_answer_may_be_any_callable_but_not_a_class(prep, capsys):
    import functools
    import types

    def add(a, b):
        return a + b

    # Um functools.partial é uma resposta chamável: conta como função (antes: "deveria ser uma função, mas é
    # uma função").
    assert prep.check("Exercício 3", functools.partial(add, 1), lambda f: f(2) == 3, kind=types.FunctionType)
    assert capsys.readouterr().out.startswith("✅")
    assert not prep.check("Exercício 3", int, lambda f: True, kind=types.FunctionType)  # uma classe, não
    assert "deveria ser uma função, mas é um objeto do tipo type" in capsys.readouterr().out
    assert prep.describe(functools.partial(add, 1)) == "um objeto chamável do tipo partial"
    assert prep.describe(add) == "uma função"


def test_signed_always_shows_the_sign(prep):
    assert prep.signed(1.23) == "+1,2" and prep.signed(-0.84) == "−0,8" and prep.signed(0.0) == "+0,0"
    assert prep.signed(-1234.5, 0) == "−1 234"
