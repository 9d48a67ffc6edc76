"""Infográficos do capítulo 01 — O que é um LLM.

Gera, nesta pasta, PNG e SVG de:
- proximo-token: previsão do próximo token, de forma autorregressiva;
- ciclo-de-vida: pré-treinamento → fine-tuning / instruction tuning;
- decoder-only: a arquitetura de um GPT (transformer só de decoder), de baixo para cima;
- bigrama: a ideia do modelo de bigramas, contando pares numa frase minúscula.

Rode com `python ferramentas/infograficos.py 01` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[2] / "ferramentas"
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

from desenho import (  # noqa: E402
    BODY_SIZE,
    HEADING_SIZE,
    INK,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    badge,
    bold,
    box,
    draw_lines,
    new_figure,
    pill,
    plain,
    save,
    title,
)

HERE = Path(__file__).resolve().parent


def percent(p: float) -> str:
    """Probabilidade como porcentagem inteira ("38%")."""
    return f"{round(100 * p)}%"


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
        draw_lines(ax, bar_left + p * scale + 0.08, y, [percent(p)], size=SMALL_SIZE, color=MUTED, ha="left")
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
    fig, ax = new_figure(11.5, 7.3)
    title(ax, "O ciclo de vida de um LLM",
          "primeiro o pré-treinamento; depois, ajustes a partir do modelo base")
    blue, green, purple = PALETTE["blue"], PALETTE["green"], PALETTE["purple"]

    # etapa 1: cartão alto, à esquerda
    x0, x1, y0, y1 = 0.4, 4.0, 0.5, 6.0
    card1 = box(ax, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0, color="blue", rounding=0.18)
    badge(ax, x0 + 0.42, y1 - 0.45, 1, color="blue", radius=0.24)
    draw_lines(ax, x0 + 0.8, y1 - 0.45, [bold("Pré-treinamento", color=blue.text)], size=HEADING_SIZE + 2,
               ha="left")
    bottom = _fields(ax, x0 + 0.3, None, y1 - 0.95, [
        ("DADOS", ["texto bruto em grande", "quantidade (livros, sites…)"]),
        ("TAREFA", ["prever o próximo token", "(não precisa de rótulos)"]),
        ("CUSTO", ["a etapa mais cara: muito", "texto e muita GPU"]),
        ("RESULTADO", []),
    ], label_color=blue.text)
    base_y = bottom - 0.2
    pill(ax, x0 + 0.3, base_y, bold("modelo base", color=blue.text), color="blue", size=BODY_SIZE,
         ha="left", height=0.42, pad_x=0.18)
    draw_lines(ax, x0 + 0.3, base_y - 0.36, ["já “sabe” a língua, mas só", "continua textos"], size=SMALL_SIZE,
               color=MUTED, ha="left", va="top")
    pill(ax, x1 - 0.25, y0 + 0.32, "capítulo 05", color="blue", ha="right")

    # etapas 2 e 3: cartões à direita, ambos partindo do modelo base
    cards = [
        (2, "Fine-tuning", "green", green, 4.7, [
            ("PARTE DE", ["modelo base (etapa 1)"]),
            ("DADOS", ["dados rotulados (texto + rótulo certo)"]),
            ("TAREFA", ["tarefa específica, ex.: classificar SMS", "como spam ou não spam"]),
            ("RESULTADO", ["classificador de SMS"]),
        ], "capítulo 06"),
        (3, "Instruction tuning", "purple", purple, 1.8, [
            ("PARTE DE", ["modelo base (etapa 1)"]),
            ("DADOS", ["pares instrução → resposta"]),
            ("TAREFA", ["gerar a resposta que a instrução pede"]),
            ("RESULTADO", ["assistente que segue instruções"]),
        ], "capítulo 07"),
    ]
    cx0, cx1 = 5.2, 11.1
    card_h = 2.6  # dois cartões de 2,6 com 0,3 entre eles: mesma altura do cartão 1
    for number, name, color, colors, cy, fields, chapter in cards:
        card = box(ax, (cx0 + cx1) / 2, cy, cx1 - cx0, card_h, color=color, rounding=0.18)
        top = cy + card_h / 2
        badge(ax, cx0 + 0.42, top - 0.42, number, color=color, radius=0.24)
        draw_lines(ax, cx0 + 0.8, top - 0.42, [bold(name, color=colors.text)], size=HEADING_SIZE + 2, ha="left")
        _fields(ax, cx0 + 0.3, cx0 + 1.65, top - 0.85, fields, label_color=colors.text)
        pill(ax, cx1 - 0.25, top - 0.42, chapter, color=color, ha="right")
        arrow(ax, (x1 - 0.1, base_y), (cx0 + 0.1, cy), patch_a=card1, patch_b=card, lw=2.2)
    save(fig, HERE / "ciclo-de-vida")


def main() -> None:
    next_token()
    life_cycle()


if __name__ == "__main__":
    main()
