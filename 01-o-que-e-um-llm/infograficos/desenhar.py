"""Infográficos do capítulo 01 — O que é um LLM.

Gera, nesta pasta, PNG e SVG de:
- proximo-token: previsão do próximo token, de forma autorregressiva;
- ciclo-de-vida: coleta de dados → pré-treinamento → fine-tuning → alinhamento → uso;
- decoder-only: a arquitetura de um GPT (transformer só de decodificador), de baixo para cima;
- bigrama: a ideia do modelo de bigramas, contando pares numa frase minúscula.

Rode com `python ferramentas/infograficos.py 01` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

from desenho import (  # noqa: E402
    ARROW,
    BODY_SIZE,
    HEADING_SIZE,
    INK,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    TITLE_SIZE,
    arrow,
    badge,
    bold,
    box,
    cell,
    draw_lines,
    new_figure,
    path_arrow,
    pill,
    plain,
    plus_sign,
    save,
    title,
)
from matplotlib.patches import Circle  # noqa: E402
from numeros import decimal, percent  # noqa: E402

HERE = Path(__file__).resolve().parent


# --- proximo-token -----------------------------------------------------------------------------


def next_token() -> None:
    fig, ax = new_figure(11.5, 7.6)
    title(ax, "Prever a próxima palavra, uma de cada vez",
          "a palavra sorteada entra no contexto e o processo se repete (geração autorregressiva)")
    context = "Dom Casmurro, domingo vou"
    # probabilidades ilustrativas (não vêm de um modelo treinado); somam 100%
    candidates = [("jantar", 0.38), ("para", 0.16), ("lá", 0.11), ("ao", 0.08), ("à", 0.06),
                  ("(todas as outras)", 0.21)]
    chosen = "jantar"
    orange = PALETTE["orange"]

    row_y = 4.65
    draw_lines(ax, 0.4, row_y + 0.72, ["contexto"], size=SMALL_SIZE, color=MUTED, ha="left")
    box(ax, 1.95, row_y, 3.1, 0.9, [context], color="blue")
    box(ax, 4.85, row_y, 1.8, 1.25, [bold("modelo de"), bold("linguagem")], color="purple",
        text_color=PALETTE["purple"].text)
    arrow(ax, (3.5, row_y), (3.95, row_y))

    # painel com as barras de probabilidade
    panel_left, panel_w, panel_h = 6.35, 4.8, 3.3
    panel_top = row_y + panel_h / 2
    box(ax, panel_left + panel_w / 2, row_y, panel_w, panel_h, color="gray", face="white", lw=1.2)
    arrow(ax, (5.75, row_y), (panel_left, row_y))
    draw_lines(ax, panel_left + 0.2, panel_top - 0.3, [bold("próxima palavra")], size=BODY_SIZE, ha="left")
    draw_lines(ax, panel_left + 0.2, panel_top - 0.6, ["probabilidades ilustrativas"], size=SMALL_SIZE,
               color=MUTED, ha="left")
    label_right = panel_left + 1.6
    bar_left = label_right + 0.12
    scale = 6.4  # polegadas por unidade de probabilidade
    spacing = 0.37
    top = panel_top - 1.05
    for i, (word, p) in enumerate(candidates):
        y = top - i * spacing
        is_other = word.startswith("(")
        if word == chosen:
            face, text_color = orange.edge, orange.text
        elif is_other:
            face, text_color = "#D5DAE1", MUTED
        else:
            face, text_color = "#9DBBE0", INK
        box(ax, bar_left + p * scale / 2, y, p * scale, 0.25, color="gray", face=face, lw=0, rounding=0.04)
        word_span = bold(word, color=text_color) if word == chosen else plain(word, color=text_color)
        draw_lines(ax, label_right, y, [word_span], size=SMALL_SIZE + 0.5, ha="right")
        draw_lines(ax, bar_left + p * scale + 0.08, y, [percent(p, 0)], size=SMALL_SIZE, color=MUTED, ha="left")
    bars_bottom = row_y - panel_h / 2

    # sorteio e novo contexto
    low_y = 1.75
    box(ax, 9.05, low_y, 3.3, 1.05,
                   [bold("sorteio (amostragem)"), plain("escolhe uma palavra conforme", size=SMALL_SIZE),
                    plain("as probabilidades", size=SMALL_SIZE)], color="orange")
    arrow(ax, (9.05, bars_bottom), (9.05, low_y + 0.525))
    box(ax, 3.0, low_y, 4.0, 0.9,
                  [[plain(context + " "), bold(chosen, color=orange.text)]], color="blue")
    draw_lines(ax, 5.0, low_y + 0.72, ["novo contexto"], size=SMALL_SIZE, color=MUTED, ha="right")
    arrow(ax, (7.4, low_y), (5.0, low_y))
    draw_lines(ax, 6.2, low_y + 0.25, [[plain("sorteada: "), bold(f"“{chosen}”", color=orange.text)]],
               size=SMALL_SIZE + 0.5)
    arrow(ax, (1.6, low_y + 0.45), (1.6, row_y - 0.45), lw=2.2)
    draw_lines(ax, 1.75, (low_y + row_y) / 2, [bold("repete"), "com o novo contexto"], size=SMALL_SIZE + 0.5,
               ha="left")
    draw_lines(ax, 0.4, 0.45,
               ["Para simplificar, cada passo aqui é uma palavra; o modelo de verdade prevê tokens "
                "(pedaços de texto, capítulo 02)."], size=SMALL_SIZE, color=MUTED, ha="left")
    save(fig, HERE / "proximo-token")


# --- ciclo-de-vida -----------------------------------------------------------------------------


def _fields(ax, x_label: float, x_value: float | None, y_top: float, fields, *, label_color: str) -> float:
    """Empilha campos "rótulo: valor" a partir de `y_top`; devolve o y logo abaixo do último.

    Com `x_value` None, o valor vai na linha de baixo do rótulo (cartões estreitos)."""
    y = y_top
    for label, value in fields:
        label_line = [bold(label, color=label_color, size=SMALL_SIZE)]
        if x_value is None:
            draw_lines(ax, x_label, y, label_line, ha="left", va="top")
            y -= 0.26
            draw_lines(ax, x_label, y, value, size=BODY_SIZE, ha="left", va="top")
        else:
            draw_lines(ax, x_label, y - 0.02, label_line, ha="left", va="top")
            draw_lines(ax, x_value, y, value, size=BODY_SIZE, ha="left", va="top")
        y -= len(value) * BODY_SIZE * 1.4 / 72 + 0.14
    return y


def life_cycle() -> None:
    # As cinco etapas, na ordem e com os nomes da seção 7.5 do notebook e do roteiro.
    stages = [
        ("Coleta de dados", "reunir e limpar o texto", "teal", [
            ("DADOS", ["livros, sites, código; filtrados, sem repetições"]),
            ("RESULTADO", ["um corpus (coleção de textos) enorme"]),
        ], "no curso: Machado de Assis"),
        ("Pré-treinamento", "a etapa mais cara", "blue", [
            ("TAREFA", ["prever o próximo token (sem rótulos)"]),
            ("RESULTADO", ["modelo base: continua textos, não segue pedidos"]),
        ], "capítulo 05"),
        ("Fine-tuning", "ajuste fino", "green", [
            ("DADOS", ["exemplos de uma tarefa ou pares instrução → resposta"]),
            ("RESULTADO", ["classificador (cap. 06) ou assistente (cap. 07)"]),
        ], "capítulos 06 e 07"),
        ("Alinhamento", "RLHF ou DPO", "purple", [
            ("DADOS", ["preferências humanas: qual resposta é melhor"]),
            ("RESULTADO", ["respostas mais úteis, honestas e seguras"]),
        ], "fora do código do curso"),
        ("Uso", "inferência", "orange", [
            ("ENTRADA", ["o prompt (texto de entrada) de quem usa"]),
            ("SAÍDA", ["a resposta, um token por vez; os pesos não mudam"]),
        ], "geração: seção 4.1"),
    ]
    card_h, gap = 1.3, 0.42
    width = 12.6
    height = 1.45 + len(stages) * card_h + (len(stages) - 1) * gap + 0.35
    fig, ax = new_figure(width, height)
    title(ax, "O ciclo de vida de um LLM", "cinco etapas, nesta ordem; cada uma parte do resultado da anterior")
    x0, x1 = 0.4, width - 0.4
    top = height - 1.45
    for i, (name, gloss, color, fields, where) in enumerate(stages):
        colors = PALETTE[color]
        cy = top - card_h / 2 - i * (card_h + gap)
        box(ax, (x0 + x1) / 2, cy, x1 - x0, card_h, color=color, rounding=0.16)
        badge(ax, x0 + 0.42, cy, i + 1, color=color, radius=0.24)
        draw_lines(ax, x0 + 0.82, cy + 0.17, [bold(name, color=colors.text)], size=HEADING_SIZE + 1, ha="left")
        draw_lines(ax, x0 + 0.82, cy - 0.2, [gloss], size=SMALL_SIZE + 0.5, color=MUTED, ha="left")
        _fields(ax, 3.55, 4.85, cy + 0.36, fields, label_color=colors.text)
        pill(ax, x1 - 0.25, cy + card_h / 2 - 0.3, where, color=color, ha="right")
        if i:
            arrow(ax, (width / 2, cy + card_h / 2 + gap), (width / 2, cy + card_h / 2), head=14, lw=2.0, gap=1.5)
    save(fig, HERE / "ciclo-de-vida")


# --- decoder-only ------------------------------------------------------------------------------




def decoder_only() -> None:
    fig, ax = new_figure(11.2, 15.0)
    title(ax, "Um GPT por dentro: transformer só de decodificador",
          "a arquitetura do GPT-2, lida de baixo para cima")
    x = 4.3  # centro da coluna principal
    w = 3.3  # largura das caixas
    x_res = 2.2  # por onde passam as conexões residuais
    chip_x, note_x = 6.45, 7.35
    note_size = SMALL_SIZE
    annotations = []  # (y, capítulo ou None, linhas)

    def element(y: float, h: float, lines, color: str, chapter: str | None = None, note=None) -> float:
        box(ax, x, y, w, h, lines, color=color, size=BODY_SIZE)
        if note:
            annotations.append((y, chapter, note))
        return y

    def up(y_from: float, y_to: float, label: str | None = None) -> None:
        arrow(ax, (x, y_from), (x, y_to), gap=1.0, head=13, lw=1.8)
        if label:
            draw_lines(ax, x + 0.15, (y_from + y_to) / 2, [label], size=note_size, color=MUTED, ha="left")

    # entrada
    y_text = element(1.1, 0.52, [bold("texto")], "gray", None,
                     ["a frase de entrada, ex.: “domingo vou”"])
    y_tokens = element(y_text + 0.26 + 0.5 + 0.26, 0.52, [[bold("tokens"), plain(" (ids)")]], "gray",
                       "cap. 02",
                       ["o tokenizador BPE quebra o texto em tokens", "e troca cada um por um id (inteiro)"])
    up(y_text + 0.26, y_tokens - 0.26, "tokenizador")
    y_emb = y_tokens + 0.26 + 0.45 + 0.33
    half = (w - 0.12) / 2
    for dx, kind in ((-(half / 2 + 0.06), "de token"), (half / 2 + 0.06, "de posição")):
        box(ax, x + dx, y_emb, half, 0.66, [bold("embedding"), bold(kind)], color="teal",
            size=BODY_SIZE - 0.5)
        arrow(ax, (x + dx, y_tokens + 0.26), (x + dx, y_emb - 0.33), gap=1.0, head=13, lw=1.8)
    annotations.append((y_emb, "cap. 02", ["cada id vira um vetor de 768 números;",
                                            "cada posição (0, 1, 2, …) ganha outro",
                                            "vetor do mesmo tamanho"]))
    y_sum = y_emb + 0.33 + 0.45 + 0.2
    plus_sign(ax, x, y_sum)
    for dx in (-(half / 2 + 0.06), half / 2 + 0.06):
        side = -1 if dx < 0 else 1  # chega ao círculo pela diagonal do lado de onde vem
        arrow(ax, (x + dx, y_emb + 0.33), (x + side * 0.14, y_sum - 0.14), gap=1.0, head=13, lw=1.8)
    annotations.append((y_sum, None, ["soma: um vetor por token, que diz", "“o quê” e “onde”"]))

    # bloco transformer (repetido N vezes)
    block_bottom = y_sum + 0.2 + 0.15
    split1 = block_bottom + 0.3
    y_ln1 = element(split1 + 0.2 + 0.23, 0.46, [bold("LayerNorm")], "yellow", None,
                    ["LayerNorm antes de cada subcamada", "(“pre-LN”, como no GPT-2)"])
    up(y_sum + 0.2, y_ln1 - 0.23)
    y_attn = element(y_ln1 + 0.23 + 0.34 + 0.3, 0.6, [bold("atenção multicabeça"), bold("causal")], "orange",
                     "cap. 03",
                     ["cada token olha só para si e para os", "anteriores (máscara causal); 12 cabeças"])
    up(y_ln1 + 0.23, y_attn - 0.3)
    y_add1 = y_attn + 0.3 + 0.34 + 0.2
    plus_sign(ax, x, y_add1)
    up(y_attn + 0.3, y_add1 - 0.2)
    annotations.append((y_add1, None, ["soma residual: entrada + saída da atenção"]))
    split2 = y_add1 + 0.2 + 0.18
    y_ln2 = element(split2 + 0.2 + 0.23, 0.46, [bold("LayerNorm")], "yellow")
    up(y_add1 + 0.2, y_ln2 - 0.23)
    y_ff = element(y_ln2 + 0.23 + 0.34 + 0.3, 0.6, [bold("feed-forward (MLP)")], "green", "cap. 04",
                   ["duas camadas lineares com GELU no meio", "(768 → 3 072 → 768)"])
    up(y_ln2 + 0.23, y_ff - 0.3)
    y_add2 = y_ff + 0.3 + 0.34 + 0.2
    plus_sign(ax, x, y_add2)
    up(y_ff + 0.3, y_add2 - 0.2)
    annotations.append((y_add2, None, ["soma residual: entrada + saída do MLP"]))
    block_top = y_add2 + 0.2 + 0.22
    for split, target in ((split1, y_add1), (split2, y_add2)):
        path_arrow(ax, [(x, split), (x_res, split), (x_res, target), (x - 0.2, target)], head=13, lw=1.8)
        ax.add_patch(Circle((x, split), 0.05, facecolor=ARROW, edgecolor="none", zorder=5))
    block_left, block_right = x_res - 0.35, x + w / 2 + 0.3
    box(ax, (block_left + block_right) / 2, (block_bottom + block_top) / 2, block_right - block_left,
        block_top - block_bottom, color="gray", face="#FAFBFC", linestyle=(0, (5, 3)), lw=1.4, zorder=0.5)
    mid = (block_bottom + block_top) / 2
    draw_lines(ax, 0.95, mid + 0.55, [bold("N ×")], size=TITLE_SIZE + 3)
    draw_lines(ax, 0.95, mid - 0.05, ["bloco", "transformer", "repetido", "N vezes"], size=note_size,
               color=MUTED)
    draw_lines(ax, 0.95, mid - 0.75, ["N = 12 no", "GPT-2 pequeno"], size=note_size, is_bold=True,
               color=MUTED, va="top")
    pill(ax, 0.95, mid - 1.45, "cap. 04", color="gray")

    # saída
    y_lnf = element(block_top + 0.45 + 0.23, 0.46, [bold("LayerNorm final")], "yellow", None,
                    ["normaliza a saída do último bloco"])
    up(y_add2 + 0.2, y_lnf - 0.23)
    y_out = element(y_lnf + 0.23 + 0.36 + 0.26, 0.52, [bold("camada linear de saída")], "purple", "cap. 04",
                    ["leva cada vetor de 768 números", "a 50 257 valores"])
    up(y_lnf + 0.23, y_out - 0.26)
    y_logits = element(y_out + 0.26 + 0.36 + 0.26, 0.52, [bold("logits")], "purple", None,
                       ["um número por token do vocabulário", "(50 257 no GPT-2)"])
    up(y_out + 0.26, y_logits - 0.26)
    y_probs = element(y_logits + 0.26 + 0.5 + 0.3, 0.6, [bold("probabilidades"), bold("do próximo token")],
                      "blue", None, ["somam 1; para gerar texto, usamos", "as da última posição"])
    up(y_logits + 0.26, y_probs - 0.3, "softmax")

    draw_lines(ax, 0.4, 0.42, ["Números do GPT-2 pequeno (124 milhões de parâmetros). O dropout foi omitido "
                               "para simplificar."], size=note_size, color=MUTED, ha="left")
    for y, chapter, lines in annotations:
        if chapter:
            pill(ax, chip_x, y, chapter, color="gray", ha="left")
        draw_lines(ax, note_x, y, lines, size=note_size, color=MUTED, ha="left")
    save(fig, HERE / "decoder-only")


# --- bigrama -----------------------------------------------------------------------------------

SENTENCE = "a casa é a casa de capitu"


def bigram_counts(words: list[str]) -> tuple[list[str], list[list[int]]]:
    """Vocabulário (na ordem em que aparece) e matriz de contagens [atual][próxima]."""
    vocab = list(dict.fromkeys(words))
    index = {word: i for i, word in enumerate(vocab)}
    counts = [[0] * len(vocab) for _ in vocab]
    for current, following in zip(words, words[1:], strict=False):
        counts[index[current]][index[following]] += 1
    return vocab, counts


def bigram() -> None:
    words = SENTENCE.split()
    vocab, counts = bigram_counts(words)
    totals = [sum(row) for row in counts]
    blue, green = PALETTE["blue"], PALETTE["green"]

    fig, ax = new_figure(11.8, 6.6)
    title(ax, "A ideia do bigrama: contar quem vem depois de quem",
          "conte os pares de palavras vizinhas e transforme as contagens em probabilidades")

    # a frase, com setas entre palavras vizinhas
    y_sentence = 4.95
    draw_lines(ax, 0.4, y_sentence, [plain("frase:", color=MUTED)], size=BODY_SIZE, ha="left")
    cursor = 1.2
    for i, word in enumerate(words):
        chip = pill(ax, cursor, y_sentence, word, color="gray", size=BODY_SIZE, ha="left", height=0.42,
                    pad_x=0.16, is_bold=False)
        cursor = chip.get_x() + chip.get_width()
        if i < len(words) - 1:
            arrow(ax, (cursor, y_sentence), (cursor + 0.4, y_sentence), head=11, lw=1.4, gap=2.5)
            cursor += 0.4
    draw_lines(ax, cursor + 0.3, y_sentence, [plain(f"({len(words) - 1} pares)", color=MUTED)],
               size=BODY_SIZE, ha="left")

    cell_w, cell_h, label_w = 0.64, 0.42, 0.95
    header_y = 3.35  # base da linha de cabeçalho
    n = len(vocab)

    def row_bottom(r: int) -> float:
        return header_y - (r + 1) * cell_h

    def header(x0: float, columns: list[str], caption: str) -> None:
        draw_lines(ax, x0, header_y + cell_h + 0.48, [bold(caption)], size=BODY_SIZE + 0.5, ha="left")
        draw_lines(ax, x0 + label_w / 2, header_y + cell_h / 2, ["atual ↓"], size=SMALL_SIZE, color=MUTED)
        draw_lines(ax, x0 + label_w + n * cell_w / 2, header_y + cell_h + 0.16, ["próxima palavra →"],
                   size=SMALL_SIZE, color=MUTED)
        for c, name in enumerate(columns):
            cell(ax, x0 + label_w + c * cell_w, header_y, cell_w, cell_h, face="#EEF1F5")
            draw_lines(ax, x0 + label_w + (c + 0.5) * cell_w, header_y + cell_h / 2, [bold(name)],
                       size=SMALL_SIZE + 0.5)
        for r, name in enumerate(vocab):
            cell(ax, x0, row_bottom(r), label_w, cell_h, face="#EEF1F5")
            draw_lines(ax, x0 + label_w / 2, row_bottom(r) + cell_h / 2, [bold(name)], size=SMALL_SIZE + 0.5)

    # tabela 1: contagens (com a soma de cada linha)
    left_x = 0.75
    header(left_x, [*vocab, "soma"], "1. contagens dos pares (atual, próxima)")
    for r in range(n):
        for c in range(n + 1):
            value = counts[r][c] if c < n else totals[r]
            is_total = c == n
            face = "#F4F6F9" if is_total else (blue.face if value else "white")
            x_cell = left_x + label_w + c * cell_w
            cell(ax, x_cell, row_bottom(r), cell_w, cell_h, face=face)
            if value:
                span = bold(str(value), color=INK if is_total else blue.text)
            else:
                span = plain("0", color="#A9B2BE")
            draw_lines(ax, x_cell + cell_w / 2, row_bottom(r) + cell_h / 2, [span], size=BODY_SIZE)
    table1_right = left_x + label_w + (n + 1) * cell_w
    draw_lines(ax, left_x, row_bottom(n - 1) - 0.25,
               [plain("“capitu” é a última palavra: nenhum par começa nela", color=MUTED)],
               size=SMALL_SIZE, ha="left", va="top")

    # seta: divide cada linha pela soma
    right_x = table1_right + 1.55
    mid_y = header_y - n * cell_h / 2
    arrow(ax, (table1_right + 0.12, mid_y), (right_x - 0.12, mid_y), lw=2.4, head=18)
    draw_lines(ax, (table1_right + right_x) / 2, mid_y + 0.2, ["divide cada", "linha pela", "soma da linha"],
               size=SMALL_SIZE, color=INK, va="bottom")

    # tabela 2: probabilidades condicionais
    header(right_x, vocab, "2. probabilidades P(próxima | atual)")
    for r in range(n):
        y0 = row_bottom(r)
        if totals[r] == 0:
            x_cell = right_x + label_w
            cell(ax, x_cell, y0, n * cell_w, cell_h, face="#F4F6F9")
            no_data = plain("sem dados", color=MUTED, italic=True)
            draw_lines(ax, x_cell + n * cell_w / 2, y0 + cell_h / 2, [no_data], size=SMALL_SIZE + 0.5)
            continue
        for c in range(n):
            p = counts[r][c] / totals[r]
            x_cell = right_x + label_w + c * cell_w
            cell(ax, x_cell, y0, cell_w, cell_h, face=green.face if p else "white")
            # sem zeros à direita: 1 → "1", 0.5 → "0,5", 1/3 → "0,33"
            span = bold(decimal(p).rstrip("0").rstrip(","), color=green.text) if p else plain("0", color="#A9B2BE")
            draw_lines(ax, x_cell + cell_w / 2, y0 + cell_h / 2, [span], size=BODY_SIZE)
    table2_w = label_w + n * cell_w
    box(ax, right_x + table2_w / 2, row_bottom(n - 1) - 0.62, table2_w, 0.68,
        [bold("cada linha é uma distribuição", color=green.text),
         [bold("de probabilidade", color=green.text), plain(" (soma 1)", color=green.text)]],
        color="green", size=SMALL_SIZE + 0.5)
    save(fig, HERE / "bigrama")


def main() -> None:
    next_token()
    life_cycle()
    decoder_only()
    bigram()


if __name__ == "__main__":
    main()
