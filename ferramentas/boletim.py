"""Boletim do curso: uma tabela com o número principal de cada capítulo e a linha de base com que ele se compara.

Os números vêm das saídas gravadas nos notebooks (a linha `Resultado-chave:` e algumas outras linhas impressas);
o tempo é a soma dos registros de tempo que o Jupyter grava em cada célula (`metadata.execution`). Nada é
digitado à mão: depois de `make saidas`, a tabela é refeita daqui.

Uso:
    python ferramentas/boletim.py             # mostra a tabela; sai com código 1 se a do README.md divergir
    python ferramentas/boletim.py --escrever  # reescreve a seção do README.md entre as marcações

Cada capítulo declara as linhas que precisa encontrar, como modelos: o texto literal da linha impressa, com
`{nome}` no lugar de um número (`2,063`, `7 383 552`, `−3,1`, `2,4e-07`), `{nome:texto}` no lugar de um trecho
qualquer, `{*}` para um número que não entra na tabela e `{...}` para um trecho que não entra. Espaços no modelo
aceitam um ou mais espaços (colunas alinhadas). Se um modelo não casa com nenhuma linha, a ferramenta falha
dizendo o capítulo e a linha esperada: um capítulo que mudou o que imprime não some da tabela em silêncio.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat
from raiz import ROOT, chapter_notebooks

START = "<!-- boletim: início -->"
END = "<!-- boletim: fim -->"
NUMBER = r"[−+-]?\d+(?: \d{3})*(?:,\d+)?(?:e[−+-]?\d+)?"
PLACEHOLDER = re.compile(r"\{(\w+|\*|\.\.\.)(:texto)?\}")
HEADER = ("| Capítulo | O que mede | Resultado | Comparado com | Dispositivo | Tempo |\n"
          "|---|---|---|---|---|---|")
# Toda execução gravada é completa e diz o dispositivo na célula de Configuração.
COMMON_LINES = ("Modo rápido: False", "Dispositivo: {device:texto}")


class BoletimError(Exception):
    pass


@dataclass(frozen=True)
class Chapter:
    prefix: str  # "05": a pasta 05-*
    what: str  # as três colunas de texto são formatadas com os valores extraídos das linhas
    result: str
    baseline: str
    lines: tuple[str, ...]
    time: str = "{total}"


CHAPTERS = (
    Chapter("00", "primeiro treino: reta que dá os caracteres a partir das palavras",
            "caracteres ≈ {slope} × palavras − {intercept}",
            "mínimos quadrados: {ls_slope} × palavras − {ls_intercept}",
            ("Resultado-chave: reta treinada caracteres ≈ {slope} × palavras − {intercept}; "
             "mínimos quadrados caracteres ≈ {ls_slope} × palavras − {ls_intercept}",)),
    Chapter("01", "perplexidade no teste",
            "rede neural: {net}",
            "contagem suavizada: {count} (uniforme: {uniform})<br>rede − contagem: {diff} [{lo}; {hi}], {verdict}",
            ("Resultado-chave: perplexidade no teste — uniforme {uniform}, contagem suavizada {count}, "
             "rede neural {...} {net}; rede − contagem {diff} (intervalo de 95 %: {lo} a {hi}), {verdict:texto}",)),
    Chapter("02", "tokens por palavra em texto fora do treino",
            "BPE de Machado ({vocab} tokens): {bpe}",
            "GPT-2: {gpt2} (em inglês: {gpt2_en})",
            ("Resultado-chave: BPE de Machado com {vocab} tokens, {bpe} tokens por palavra em texto fora do treino "
             "{...}; GPT-2 usa {gpt2} tokens por palavra em português e {gpt2_en} em inglês",)),
    Chapter("03", "atenção multicabeça escrita à mão",
            "igual (maior diferença {diff})",
            "`F.scaled_dot_product_attention` do PyTorch",
            ("Resultado-chave: MultiHeadAttention igual à F.scaled_dot_product_attention do PyTorch "
             "(maior diferença {diff}){...}",)),
    Chapter("04", "GPT-2 de {tied} parâmetros montado do zero",
            "logits iguais (diferença {diff} em float64); passada de {tokens} tokens em {ms} ms",
            "GPT-2 do `transformers`",
            ("Resultado-chave: {*} parâmetros ({tied} com pesos compartilhados); passada de {tokens} tokens em "
             "{ms} ms {...}; logits iguais aos do GPT-2 do transformers (diferença {diff} em float64)",)),
    Chapter("05", "bits por caractere (bpc) do pré-treinamento",
            "validação: {val} bpc<br>livro de teste: {test} bpc",
            "melhor n-grama: {ngram_val} e {ngram_test}<br>{ngram} − GPT: {gain_val} [{lo_val}; {hi_val}] e "
            "{gain_test} [{lo_test}; {hi_test}]",
            ("Resultado-chave: GPT de {*} parâmetros {...}: {val} bpc na validação e {test} no livro de teste "
             "(melhor n-grama: {ngram_val} e {ngram_test}); {train} min de treino em {...}",
             "validação: {ngram:texto} − GPT = {gain_val} bpc (intervalo de 95 %: {lo_val} a {hi_val})",
             "livro de teste: {...} − GPT = {gain_test} bpc (intervalo de 95 %: {lo_test} a {hi_test})"),
            "{total} (treino: {train} min)"),
    Chapter("06", "classificação de spam no teste ({seeds} sementes)",
            "F1 {f1} ± {f1_sd} %<br>acurácia {acc} ± {acc_sd} %",
            "TF-IDF: F1 {tfidf_f1} %, acurácia {tfidf_acc} %<br>diferença na acurácia: {diff} pontos [{lo}; {hi}], "
            "{verdict}",
            ("Resultado-chave: GPT do curso com ajuste fino do último bloco: acurácia de {acc} ± {acc_sd} % no teste "
             "({seeds} sementes); TF-IDF: {tfidf_acc} %; diferença {diff} pontos [{lo}; {hi}]; {...}; "
             "{train} min de ajuste em {...}",
             "GPT pré-treinado, último bloco {*} ± {*} {*} ± {*} {*} ± {*} {f1} ± {f1_sd} {...}",
             "no teste: acurácia {*} %, precisão {*} %, revocação {*} %, F1 {tfidf_f1} %",
             "pré-treinado, último bloco − TF-IDF: {*} pontos [{*}; {*}] → {verdict:texto}"),
            "{total} (ajuste: {train} min)"),
    Chapter("07", "acerto exato no teste",
            "{em} %",
            "consulta ao treino (a resposta da pergunta mais parecida): {lookup} %<br>ajustado − consulta: {diff} "
            "pontos [{lo}; {hi}], {verdict}<br>modelo base: {base_em} %",
            ("Resultado-chave: {...} acerto exato {em} % (consulta ao treino: {lookup} %; ajustado − consulta: "
             "{diff} pontos [{lo}; {hi}]){...}",
             "Resultado-chave: {...} {train} min {...}",
             "acerto exato, ajustado − consulta: {*} pontos [{*}; {*}] → {verdict:texto}",
             # A tabela base × ajustado (com e sem máscara): com uma coluna a mais, o modelo deixa de casar.
             "acerto exato {base_em} % {*} % {*} %"),
            "{total} (ajuste: {train} min)"),
    Chapter("08", "geração de {kv_tokens} tokens com cache de chaves e valores (mediana de 3 repetições)<br>"
            "LoRA ({lora_params} treináveis), F1 no detector de spam<br>"
            "ModernGPT: logits em float64 e bpc na validação",
            "{cached} tokens/s ({kv}×, {kv_verdict})<br>F1 {lora_f1} %<br>diferença {llama}; {modern} bpc",
            "sem cache: {uncached} tokens/s<br>último bloco: F1 {last_f1} %<br>`LlamaForCausalLM` do `transformers`; "
            "GPT-2 do curso: {gpt} bpc",
            ("{kv_tokens} tokens: sem cache {uncached} ({*}–{*}), com cache {cached} ({*}–{*}); "
             "com/sem: {kv}×, {kv_verdict:texto}",
             "Resultado-chave: {...}LoRA F1 {lora_f1} % com {lora_params} parâmetros treináveis "
             "(último bloco: {last_f1} %){...}",
             "Resultado-chave: {...}ModernGPT igual ao Llama do transformers (diferença {llama} em float64), "
             "{modern} bpc contra {gpt} do GPT-2 do curso")),
)


def compile_template(template: str) -> re.Pattern[str]:
    """O modelo de uma linha vira uma expressão regular que casa com a linha inteira (sem espaços nas pontas)."""
    parts, last = [], 0
    for match in PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last:match.start()]).replace(r"\ ", " +"))
        name, free = match[1], match[2]
        body = ".*?" if name == "..." else ".+?" if free else NUMBER
        parts.append(f"(?:{body})" if name in ("*", "...") else f"(?P<{name}>{body})")
        last = match.end()
    parts.append(re.escape(template[last:]).replace(r"\ ", " +"))
    return re.compile("".join(parts))


def printed_lines(nb: nbformat.NotebookNode) -> list[str]:
    """As linhas que o notebook imprimiu (saídas de texto), na ordem, sem espaços nas pontas."""
    lines = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                lines += [line.strip() for line in output.get("text", "").splitlines()]
    return lines


def extract(nb: nbformat.NotebookNode, templates: tuple[str, ...], name: str) -> dict[str, str]:
    """Os valores de cada modelo, tirados da última linha impressa que casa com ele."""
    lines = printed_lines(nb)
    values: dict[str, str] = {}
    for template in templates:
        pattern = compile_template(template)
        matches = [m for m in map(pattern.fullmatch, lines) if m]
        if not matches:
            raise BoletimError(f"{name}: nenhuma linha impressa tem a forma esperada:\n    {template}\n"
                               "(o notebook mudou o que imprime? Ajuste o modelo em ferramentas/boletim.py.)")
        values.update(matches[-1].groupdict())
    return values


def wall_seconds(nb: nbformat.NotebookNode, name: str) -> float:
    """A soma, célula a célula, do tempo entre o Jupyter mandar o código e receber a resposta."""
    total = 0.0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        timing = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" not in timing or "shell.execute_reply" not in timing:
            raise BoletimError(f"{name}: a célula {i} não tem registro de tempo (metadata.execution); "
                               "grave as saídas com `make saidas`")
        start, end = (datetime.fromisoformat(timing[key].replace("Z", "+00:00"))
                      for key in ("iopub.execute_input", "shell.execute_reply"))
        total += (end - start).total_seconds()
    return total


def duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.1f} min".replace(".", ",")


def chapter_row(chapter: Chapter, nb: nbformat.NotebookNode, name: str) -> str:
    values = extract(nb, COMMON_LINES + chapter.lines, name)
    values["total"] = duration(wall_seconds(nb, name))
    try:
        what, result, baseline, time = (text.format(**values) for text in
                                         (chapter.what, chapter.result, chapter.baseline, chapter.time))
    except KeyError as missing:
        raise BoletimError(f"{name}: a tabela usa {{{missing.args[0]}}}, que nenhum modelo de linha extrai") from None
    cells = [chapter.prefix, what, result, baseline, values["device"], time]
    return "| " + " | ".join(cells) + " |"


def table(root: Path = ROOT) -> str:
    rows = [HEADER]
    for chapter in CHAPTERS:
        notebooks = [nb for nb in chapter_notebooks(root) if nb.parent.name.startswith(f"{chapter.prefix}-")]
        if len(notebooks) != 1:
            raise BoletimError(f"capítulo {chapter.prefix}: esperava um notebook em {chapter.prefix}-*/, "
                               f"achei {len(notebooks)}")
        rows.append(chapter_row(chapter, nbformat.read(notebooks[0], as_version=4), notebooks[0].parent.name))
    return "\n".join(rows)


def with_table(readme: str, new_table: str) -> str:
    """O README com a tabela trocada entre as marcações START e END."""
    if readme.count(START) != 1 or readme.count(END) != 1 or readme.index(START) > readme.index(END):
        raise BoletimError(f"o README.md precisa ter, uma vez cada e nesta ordem, as marcações {START} e {END}")
    before, rest = readme.split(START)
    after = rest.split(END)[1]
    return f"{before}{START}\n{new_table}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Monta o boletim do curso a partir das saídas dos notebooks.")
    parser.add_argument("--escrever", action="store_true", help="reescreve a tabela no README.md")
    parser.add_argument("--raiz", type=Path, default=ROOT, help="raiz do curso (padrão: este repositório)")
    args = parser.parse_args(argv)

    readme_path = args.raiz / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    try:
        new_table = table(args.raiz)
        print(new_table)
        updated = with_table(readme, new_table)
    except BoletimError as error:
        print(f"ERRO: {error}")
        return 1
    if updated == readme:
        print("\nO boletim do README.md está em dia.")
        return 0
    if args.escrever:
        readme_path.write_text(updated, encoding="utf-8")
        print("\nreescrito: o boletim do README.md")
        return 0
    print("\nDIVERGÊNCIA: o boletim do README.md difere do gerado a partir dos notebooks:")
    print("\n".join(difflib.unified_diff(readme.splitlines(), updated.splitlines(), "README.md", "gerado",
                                         lineterm="")))
    print("Para corrigir: python ferramentas/boletim.py --escrever")
    return 1


if __name__ == "__main__":
    sys.exit(main())
