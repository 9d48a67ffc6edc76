"""O boletim do README.md: igual ao gerado das saídas gravadas; o extrator lê valores conhecidos e falha claro."""

import boletim
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

CHAPTER = boletim.Chapter(
    "09", "bpc no teste ({seeds} sementes)", "{bpc} bpc", "n-grama: {ngram} bpc; diferença {diff} [{lo}; {hi}]",
    ("Resultado-chave: GPT com {params} parâmetros: {bpc} bpc no teste (n-grama: {ngram}); {train} min de treino",
     "GPT − n-grama: {diff} bpc (intervalo de 95 %: {lo} a {hi}), {*} sementes{...}",
     "sementes: {seeds}"),
    "{total} (treino: {train} min)")


def cell(text, start, seconds):
    """Uma célula que imprimiu `text`, com os registros de tempo que o nbclient grava."""
    code = new_code_cell("print(...)", outputs=[new_output("stream", name="stdout", text=text)])
    code.metadata.execution = {"iopub.execute_input": f"2026-12-06T18:{start}:00.000000Z",
                               "shell.execute_reply": f"2026-12-06T18:{start}:{seconds}.500000Z"}
    return code


def notebook(*lines):
    return new_notebook(cells=[new_markdown_cell("# capítulo"),
                               cell("Modo rápido: False\nSemente: 123\nDispositivo: cuda\n", "00", "30"),
                               *(cell(line + "\n", f"{10 + i}", "45") for i, line in enumerate(lines))])


LINES = ("Resultado-chave: GPT com 1 234 567 parâmetros: 2,063 bpc no teste (n-grama: 2,236); 8,7 min de treino",
         "  GPT − n-grama:   −0,175 bpc (intervalo de 95 %: −0,218 a −0,140), 3 sementes → diferença real",
         "sementes: 1", "sementes: 3")  # vale a última linha que casa


def test_readme_table_is_the_one_generated_from_the_committed_outputs():
    assert boletim.main([]) == 0, "rode: python ferramentas/boletim.py --escrever"


def test_values_read_from_a_small_notebook():
    row = boletim.chapter_row(CHAPTER, notebook(*LINES), "09-sintetico")
    # Tempo: 30,5 s (configuração) + 4 × 45,5 s = 212,5 s = 3,5 min.
    assert row == ("| 09 | bpc no teste (3 sementes) | 2,063 bpc "
                   "| n-grama: 2,236 bpc; diferença −0,175 [−0,218; −0,140] | cuda | 3,5 min (treino: 8,7 min) |")


def test_numbers_and_placeholders():
    pattern = boletim.compile_template("perda {a}, {b} e {c} ({d}×){...}")
    match = pattern.fullmatch("perda 7 383 552,   2,4e-07 e +6,3 (6,5×) resto")
    assert match.groupdict() == {"a": "7 383 552", "b": "2,4e-07", "c": "+6,3", "d": "6,5"}
    assert not pattern.fullmatch("perda 7383552.0, 1 e 2 (3×)")  # um número como o Python imprime não casa
    assert boletim.duration(4.2) == "4 s" and boletim.duration(852) == "14,2 min"


def test_a_missing_line_fails_naming_the_chapter_and_the_expected_text():
    with pytest.raises(boletim.BoletimError) as error:
        boletim.chapter_row(CHAPTER, notebook(*LINES[:1], *LINES[2:]), "09-sintetico")
    message = str(error.value)
    assert message.startswith("09-sintetico: nenhuma linha impressa tem a forma esperada")
    assert "GPT − n-grama: {diff} bpc (intervalo de 95 %: {lo} a {hi})" in message


def test_a_quick_mode_run_or_a_cell_without_timing_is_refused():
    quick = notebook(*LINES)
    quick.cells[1].outputs[0].text = quick.cells[1].outputs[0].text.replace("False", "True")
    with pytest.raises(boletim.BoletimError, match="Modo rápido: False"):
        boletim.chapter_row(CHAPTER, quick, "09-sintetico")
    untimed = notebook(*LINES)
    del untimed.cells[2].metadata["execution"]
    with pytest.raises(boletim.BoletimError, match="a célula 2 não tem registro de tempo"):
        boletim.chapter_row(CHAPTER, untimed, "09-sintetico")


def test_stale_readme_is_reported_and_rewritten(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(boletim, "table", lambda root: "| tabela nova |")
    readme = tmp_path / "README.md"
    readme.write_text(f"# Curso\n\n{boletim.START}\n| tabela velha |\n{boletim.END}\n\n## Depois\n", encoding="utf-8")
    assert boletim.main(["--raiz", str(tmp_path)]) == 1
    assert "DIVERGÊNCIA" in capsys.readouterr().out
    assert boletim.main(["--raiz", str(tmp_path), "--escrever"]) == 0
    assert readme.read_text(encoding="utf-8") == (f"# Curso\n\n{boletim.START}\n| tabela nova |\n{boletim.END}\n\n"
                                                  "## Depois\n")
    assert boletim.main(["--raiz", str(tmp_path)]) == 0


def test_readme_without_markers_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(boletim, "table", lambda root: "| tabela |")
    (tmp_path / "README.md").write_text("# Curso\n", encoding="utf-8")
    assert boletim.main(["--raiz", str(tmp_path)]) == 1
    assert "precisa ter, uma vez cada e nesta ordem, as marcações" in capsys.readouterr().out


def test_every_chapter_folder_has_a_row(root):
    chapters = sorted(path.parent.name[:2] for path in root.glob("[0-9][0-9]-*/notebook.ipynb"))
    assert [chapter.prefix for chapter in boletim.CHAPTERS] == chapters
