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


# --- Nenhuma célula troca, calada, o nome de um bloco; cada bloco só usa o que os blocos antes dele definem ---

LOADERS_BLOCK = "# @bloco dados — origem: 00-a\ndef make_loaders(text):\n    return [text]"
SHADOW_MESSAGE = ("00-a/notebook.ipynb (célula 2), linha {line}: redefine 'make_loaders', que o bloco 'dados' "
                  "(célula 1) define; os blocos que usam 'make_loaders' passariam a usar a versão desta célula "
                  "sem aviso. Use outro nome ou, se for de propósito, diga por quê na mesma linha: "
                  "'# sombra permitida: <motivo>'")


def test_no_cell_silently_replaces_a_block_name(notebook):
    """Os blocos usam as funções uns dos outros pelo nome, sem importar: uma célula comum que redefine um nome de
    bloco (def, class, atribuição, import...) muda, sem aviso, o que um bloco recolhido faz — foi o bug do
    make_loaders no capítulo 07. Redefinir de propósito é permitido com o motivo na própria linha:
    `nome = ...  # sombra permitida: <motivo>`. Import do mesmo módulo (`import torch` de novo) não conta, e o `_`
    sozinho (descarte) também não; nomes com `_` na frente contam."""
    problems = blocos.shadowing(notebook)
    assert not problems, "\n".join(problems)


def test_each_block_uses_only_names_from_blocks_before_it(notebook):
    """O que um bloco usa ao ser executado vem de um bloco anterior; o que ele usa só dentro de funções vem de
    algum bloco do notebook (a função roda quando é chamada, e aí os dois já rodaram)."""
    problems = blocos.block_order(notebook)
    assert not problems, "\n".join(problems)


def test_a_cell_redefining_a_block_function_is_reported(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook, LOADERS_BLOCK, "x = 1\nmake_loaders = lambda text: []\nprint(make_loaders('a'))")
    assert blocos.shadowing(notebook) == [SHADOW_MESSAGE.format(line=2)]


@pytest.mark.parametrize("cell", [
    "def make_loaders(text, batch_size):\n    return []",
    "class make_loaders:\n    pass",
    "make_loaders, other = 1, 2",
    "make_loaders: int = 1",
    "make_loaders += [1]",
    "for make_loaders in range(2):\n    pass",
    "with open(__file__) as make_loaders:\n    pass",
    "if True:\n    make_loaders = 1",
    "try:\n    pass\nexcept ValueError as make_loaders:\n    pass",
    "from itertools import chain as make_loaders",
    "%matplotlib inline\nmake_loaders = 1",
])
def test_every_way_of_binding_a_name_counts(tmp_path, cell):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook, LOADERS_BLOCK, cell)
    assert blocos.shadowing(notebook) == [SHADOW_MESSAGE.format(line=cell.count("\n", 0, cell.index("make")) + 1)]


def test_a_redefinition_with_its_reason_is_allowed(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook, LOADERS_BLOCK,
                   "make_loaders = lambda text: []  # sombra permitida: exercício; o bloco volta na célula seguinte")
    assert blocos.shadowing(notebook) == []
    write_notebook(notebook, LOADERS_BLOCK, "make_loaders = lambda text: []  # sombra permitida:")
    assert blocos.shadowing(notebook) == [SHADOW_MESSAGE.format(line=1)], "sem o motivo, não vale"


def test_what_is_not_a_shadow(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook,
                   "# @bloco dados — origem: 00-a\nimport torch\nfor _ in range(2):\n    pass\nSIZE = 3",
                   # o mesmo módulo de novo, o descarte e um nome só parecido
                   "import torch\n_ = torch.manual_seed(0)\nsize = 4\nprint(SIZE)",
                   "# @bloco outro — origem: 00-a\nSIZE = 5")  # um bloco redefinir não é assunto deste teste
    assert blocos.shadowing(notebook) == []


def test_an_underscore_helper_of_a_block_is_protected_too(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook, "# @bloco dados — origem: 00-a\ndef _chunks(text):\n    return [text]",
                   "def _chunks(text):\n    return []")
    assert [p.split(":")[0] for p in blocos.shadowing(notebook)] == ["00-a/notebook.ipynb (célula 2), linha 1"]


def test_a_block_using_a_name_from_a_later_block_when_it_runs_is_reported(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook,
                   "# @bloco modelo — origem: 00-a\nLOADERS = make_loaders('abc')",
                   LOADERS_BLOCK)
    assert blocos.block_order(notebook) == [
        "00-a/notebook.ipynb (célula 1): o bloco 'modelo' usa 'make_loaders' ao ser executado, e nenhum bloco "
        "antes dele o define (o bloco 'dados' define, mas vem depois)"]


def test_inside_a_function_a_name_from_a_later_block_is_fine_unless_strict(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook,
                   "# @bloco receita — origem: 00-a\ndef load_course_model():\n    return make_loaders('abc')",
                   LOADERS_BLOCK)
    assert blocos.block_order(notebook) == []  # só roda quando chamada, e aí os dois blocos já rodaram
    assert blocos.block_order(notebook, strict=True) == [
        "00-a/notebook.ipynb (célula 1): o bloco 'receita' usa 'make_loaders' dentro de uma função, e nenhum bloco "
        "antes dele o define (o bloco 'dados' define, mas vem depois)"]
    assert blocos.load_blocks(notebook, "receita").load_course_model() == ["abc"]


def test_a_block_using_a_name_only_a_plain_cell_defines_is_reported(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook, "BATCH_SIZE = 8",
                   "# @bloco receita — origem: 00-a\ndef load_course_model():\n    return [BATCH_SIZE, undefined]")
    assert blocos.block_order(notebook) == [
        "00-a/notebook.ipynb (célula 2): o bloco 'receita' usa 'BATCH_SIZE' dentro de uma função, e nenhum bloco do "
        "notebook o define (só a célula 1, que não é bloco, define; quem carrega os blocos não a executa)",
        "00-a/notebook.ipynb (célula 2): o bloco 'receita' usa 'undefined' dentro de uma função, e nenhum bloco do "
        "notebook o define (nada no notebook define)"]


def test_cell_names_tells_now_from_later_and_ignores_locals():
    names = blocos.cell_names(
        "import torch\n"
        "SIZE = make_size()\n"
        "class Model(Base):\n    dim = DIM\n"
        "    def forward(self, x):\n        hidden = layer(x)\n        return hidden\n"
        "squares = [square(i) for i in range(SIZE)]\n"
        "def helper(words):\n    total = 0\n    return total + count(words) + SIZE\n")
    assert names.defines == {"torch", "SIZE", "Model", "squares", "helper"}
    assert names.own == {"SIZE", "Model", "squares", "helper"}
    assert names.uses_now == {"make_size", "Base", "DIM", "square"}
    assert names.uses_later == {"layer", "count"}  # hidden, total, words: variáveis locais, não dependências


def test_function_locals_do_not_bring_blocks_along(tmp_path):
    notebook = tmp_path / "00-a" / "notebook.ipynb"
    write_notebook(notebook, "# @bloco tabela — origem: 00-a\nwords = ['a']",
                   "# @bloco conta — origem: 00-a\ndef count(text):\n    words = text.split()\n    return len(words)")
    assert [b.name for b in blocos.with_dependencies(blocos.blocks_in(notebook), {"conta"})] == ["conta"]
