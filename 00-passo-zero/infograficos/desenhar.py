"""Infográficos do capítulo 00 — Passo zero.

Gera, nesta pasta, PNG e SVG de:
- colab-gpu: como ligar a GPU no Google Colab;
- pytorch-visao-geral: as peças do PyTorch usadas no curso;
- loop-de-treino: o laço de treino, em cinco passos (forward → perda → backward → passo do otimizador →
  zerar os gradientes), repetidos a cada lote;
- cadeia: número → tensor → operações → gradientes → ajuste de pesos.

Rode com `python ferramentas/infograficos.py 00` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

from desenho import (  # noqa: E402
    BODY_SIZE,
    CODE_SIZE,
    HEADING_SIZE,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    badge,
    bold,
    box,
    code,
    draw_lines,
    line_width,
    new_figure,
    pill,
    plain,
    save,
    title,
)
from matplotlib.patches import Circle  # noqa: E402

HERE = Path(__file__).resolve().parent


# --- colab-gpu ---------------------------------------------------------------------------------


def _menu_bar(ax, x0: float, y: float, width: float) -> None:
    """Barra de menus esquemática, com "Ambiente de execução" em destaque."""
    box(ax, x0 + width / 2, y, width, 0.46, color="gray", rounding=0.08, lw=1.2)
    items = ["Arquivo", "Editar", "Ver", "Inserir", "Ambiente de execução", "…"]
    target = "Ambiente de execução"
    pill_pad = 0.08
    widths = [line_width(ax, item, SMALL_SIZE) for item in items]
    # espaço igual entre os itens, de modo que a barra fique cheia sem transbordar
    used = sum(widths) + 2 * pill_pad
    gap = (width - 2 * 0.16 - used) / (len(items) - 1)
    cursor = x0 + 0.16
    for item, w in zip(items, widths, strict=True):
        if item == target:
            pill(ax, cursor + pill_pad + w / 2, y, item, color="blue", size=SMALL_SIZE, pad_x=pill_pad,
                 height=0.32)
            cursor += w + 2 * pill_pad + gap
        else:
            draw_lines(ax, cursor, y, [item], size=SMALL_SIZE, color=MUTED, ha="left")
            cursor += w + gap


def _menu_dropdown(ax, x0: float, y_top: float, width: float) -> None:
    """Menu aberto: linhas cinzas (outras opções) e a opção certa em destaque."""
    pill(ax, x0, y_top - 0.14, "Ambiente de execução", color="gray", ha="left", size=SMALL_SIZE,
         is_bold=False, height=0.28)
    panel_top = y_top - 0.34
    panel_h = 0.92
    box(ax, x0 + width / 2, panel_top - panel_h / 2, width, panel_h, face="white", color="gray",
        rounding=0.06, lw=1.2)
    row_h = 0.22
    for i in range(4):
        cy = panel_top - 0.2 - i * row_h
        if i == 2:
            box(ax, x0 + width / 2, cy, width - 0.16, row_h + 0.02,
                ["Alterar o tipo de ambiente de execução"], color="blue", size=SMALL_SIZE, is_bold=True,
                text_color=PALETTE["blue"].text, rounding=0.05, lw=1.2)
        else:
            bar_w = [1.7, 2.3, 0, 1.4][i]
            box(ax, x0 + 0.2 + bar_w / 2, cy, bar_w, 0.07, color="gray", face="#D9DEE5", lw=0, rounding=0.03)


def _radio(ax, x: float, y: float, label: str, selected: bool) -> None:
    """Botão de opção (rádio) com rótulo."""
    edge = PALETTE["blue"].edge if selected else "#8793A3"
    ax.add_patch(Circle((x, y), 0.085, facecolor="white", edgecolor=edge, linewidth=1.6, zorder=6))
    if selected:
        ax.add_patch(Circle((x, y), 0.045, facecolor=edge, edgecolor="none", zorder=7))
    draw_lines(ax, x + 0.16, y, [bold(label) if selected else label], size=SMALL_SIZE, ha="left",
               color=PALETTE["blue"].text if selected else MUTED)


def _dialog(ax, x0: float, y_top: float, width: float) -> None:
    """Janela "Alterar o tipo de ambiente de execução" com o acelerador GPU T4 marcado."""
    h = 1.12
    box(ax, x0 + width / 2, y_top - h / 2, width, h, face="white", color="gray", rounding=0.08, lw=1.2)
    draw_lines(ax, x0 + 0.18, y_top - 0.22, [bold("Alterar o tipo de ambiente de execução")], size=SMALL_SIZE,
               ha="left")
    draw_lines(ax, x0 + 0.18, y_top - 0.52, ["Acelerador de hardware"], size=SMALL_SIZE, ha="left",
               color=MUTED)
    ry = y_top - 0.86
    _radio(ax, x0 + 0.3, ry, "CPU", selected=False)
    box(ax, x0 + 1.62, ry, 1.22, 0.32, color="blue", rounding=0.08, lw=1.4)
    _radio(ax, x0 + 1.18, ry, "GPU T4", selected=True)
    _radio(ax, x0 + 2.55, ry, "…", selected=False)


def _buttons(ax, x1: float, y: float) -> None:
    """Botões "Cancelar" e "Salvar", alinhados à direita em x1."""
    box(ax, x1 - 0.55, y, 1.1, 0.42, [bold("Salvar", color="white")], color="blue",
        face=PALETTE["blue"].edge, size=BODY_SIZE, rounding=0.1)
    box(ax, x1 - 1.85, y, 1.2, 0.42, ["Cancelar"], color="gray", face="white", size=BODY_SIZE,
        text_color=MUTED, rounding=0.1)


def _code_cell(ax, x0: float, y_top: float, width: float) -> None:
    """Célula de código com `torch.cuda.is_available()` e a saída `True`."""
    h = 1.12
    box(ax, x0 + width / 2, y_top - h / 2, width, h, color="gray", rounding=0.08, lw=1.2)
    draw_lines(ax, x0 + 0.2, y_top - 0.1,
               [code("import torch"), code("torch.cuda.is_available()")],
               size=CODE_SIZE, ha="left", va="top")
    output = [plain("saída: ", color=MUTED, size=SMALL_SIZE),
              code("True", bold=True, color=PALETTE["green"].edge)]
    draw_lines(ax, x0 + 0.2, y_top - 0.86, [output], size=CODE_SIZE, ha="left")


def colab_gpu() -> None:
    fig, ax = new_figure(11, 8.9)
    title(ax, "Como ligar a GPU no Google Colab", "cinco passos, com os menus do Colab em português")
    row_y = [7.25, 5.85, 4.3, 2.95, 1.55]
    text_x = 1.3
    scheme_x = 5.5
    scheme_w = 5.1
    # linha tracejada ligando os números dos passos
    ax.plot([0.75, 0.75], [row_y[-1], row_y[0]], color="#C5CCD6", lw=2, ls=(0, (3, 3)), zorder=1)
    steps = [
        ["Abra o menu", bold("Ambiente de execução", color=PALETTE["blue"].text),
         plain("na barra de menus, no alto da página", color=MUTED, size=SMALL_SIZE)],
        ["Clique em", bold("Alterar o tipo de ambiente", color=PALETTE["blue"].text),
         bold("de execução", color=PALETTE["blue"].text)],
        [[plain("Em "), bold("Acelerador de hardware", color=PALETTE["blue"].text), plain(",")],
         [plain("escolha "), bold("GPU T4", color=PALETTE["blue"].text)],
         plain("(a GPU disponível no plano gratuito)", color=MUTED, size=SMALL_SIZE)],
        [[plain("Clique em "), bold("Salvar", color=PALETTE["blue"].text)],
         plain("o ambiente reinicia: rode as células de novo", color=MUTED, size=SMALL_SIZE)],
        ["Confira no código:", code("torch.cuda.is_available()"),
         [plain("deve mostrar "), code("True", bold=True, color=PALETTE["green"].edge),
          plain(" — GPU ligada!")]],
    ]
    for n, (y, lines) in enumerate(zip(row_y, steps, strict=True), start=1):
        badge(ax, 0.75, y, n, color="green" if n == 5 else "blue", radius=0.27, size=15)
        draw_lines(ax, text_x, y, lines, size=HEADING_SIZE, ha="left")
    _menu_bar(ax, scheme_x, row_y[0], scheme_w)
    _menu_dropdown(ax, scheme_x, row_y[1] + 0.62, scheme_w)
    _dialog(ax, scheme_x, row_y[2] + 0.56, scheme_w)
    _buttons(ax, scheme_x + scheme_w, row_y[3])
    _code_cell(ax, scheme_x, row_y[4] + 0.56, scheme_w)
    draw_lines(ax, 0.4, 0.42, ["Sem GPU o curso também roda (na CPU), só que mais devagar."],
               size=SMALL_SIZE, color=MUTED, ha="left")
    save(fig, HERE / "colab-gpu")


# --- pytorch-visao-geral -----------------------------------------------------------------------


def _chips(ax, x0: float, y_top: float, width: float, items: list[str], color: str) -> None:
    """Etiquetas de código lado a lado, quebrando a linha quando não cabem em `width`."""
    gap = 0.12
    height = 0.34
    rows: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for item in items:
        w = line_width(ax, code(item), SMALL_SIZE + 0.5) + 0.24
        if rows[-1] and used + gap + w > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + w
        rows[-1].append((item, w))
    for r, row in enumerate(rows):
        cursor = x0
        y = y_top - height / 2 - r * (height + 0.1)
        for item, w in row:
            pill(ax, cursor, y, code(item), color=color, size=SMALL_SIZE + 0.5, ha="left", is_bold=False,
                 height=height)
            cursor += w + gap


def pytorch_overview() -> None:
    fig, ax = new_figure(11, 6.9)
    title(ax, "As peças do PyTorch que usamos no curso",
          "o que cada parte faz e os nomes que aparecem no código")
    cards = [
        (code("torch.Tensor"), ["os dados: números", "organizados em n dimensões"],
         ["torch.tensor([1., 2.])", "x.shape"], "blue"),
        (code("autograd"), ["diferenciação automática:", "calcula os gradientes sozinho,", "de trás para a frente"],
         ["loss.backward()", "w.grad"], "purple"),
        (code("torch.nn"), ["camadas e modelos,", "com pesos que aprendem"],
         ["nn.Module", "nn.Linear", "nn.Embedding"], "green"),
        (code("torch.optim"), ["otimizadores: usam os", "gradientes para ajustar os pesos"],
         ["SGD", "AdamW", "optimizer.step()"], "orange"),
        (code("torch.utils.data"), ["organiza os exemplos e os", "entrega em lotes"],
         ["Dataset", "DataLoader"], "teal"),
        ("dispositivos", ["onde as contas rodam: CPU,", "CUDA (GPU NVIDIA)", "ou MPS (GPU da Apple)"],
         ['device = "cuda"', ".to(device)"], "red"),
    ]
    card_w, card_h = 3.3, 2.45
    xs = [0.4 + card_w / 2 + i * (card_w + 0.25) for i in range(3)]
    ys = [4.25, 1.6]
    for i, (header, description, items, color) in enumerate(cards):
        cx, cy = xs[i % 3], ys[i // 3]
        colors = PALETTE[color]
        box(ax, cx, cy, card_w, card_h, color=color, rounding=0.16)
        left = cx - card_w / 2 + 0.22
        top = cy + card_h / 2
        draw_lines(ax, left, top - 0.34, [header], size=HEADING_SIZE + 2, color=colors.text, is_bold=True,
                   ha="left")
        draw_lines(ax, left, top - 0.66, description, size=BODY_SIZE - 0.5, ha="left", va="top")
        _chips(ax, left, top - 1.52, card_w - 0.44, items, color)
    save(fig, HERE / "pytorch-visao-geral")


# --- loop-de-treino ----------------------------------------------------------------------------


def training_loop() -> None:
    fig, ax = new_figure(11.5, 8.7)
    title(ax, "O laço de treino", "os mesmos cinco passos, repetidos para cada lote de dados")
    # os cinco passos, com os nomes do texto do capítulo: nome, glosa (ou nada) e o código
    steps = [
        ("forward", "passada para frente", "pred = model(x)", "green"),
        ("perda", "erro da previsão", "loss_fn(pred, y)", "red"),
        ("backward", "passada para trás", "loss.backward()", "purple"),
        ("passo do otimizador", "ajusta os pesos", "optimizer.step()", "orange"),
        ("zerar os gradientes", "para o próximo passo", "optimizer.zero_grad()", "yellow"),
    ]
    cx, cy, rx, ry = 5.75, 3.95, 3.95, 2.55
    box_w, box_h = 3.3, 1.2
    boxes = []
    centers = []
    for n, (name, gloss, snippet, color) in enumerate(steps, start=1):
        angle = math.radians(90 - 72 * (n - 1))  # sentido horário, começando no alto
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        centers.append((x, y))
        boxes.append(box(ax, x, y, box_w, box_h, color=color))
        badge(ax, x - box_w / 2 + 0.36, y, n, color=color, radius=0.21, size=12.5)
        draw_lines(ax, x - box_w / 2 + 0.7, y,
                   [bold(name), plain(gloss, color=MUTED, size=SMALL_SIZE), code(snippet)],
                   size=BODY_SIZE, ha="left")
    for i in range(len(steps)):
        j = (i + 1) % len(steps)
        arrow(ax, centers[i], centers[j], patch_a=boxes[i], patch_b=boxes[j], rad=-0.18, gap=5, lw=2.2)
    draw_lines(ax, cx - box_w / 2 - 0.3, centers[0][1] + 0.05, ["próximo lote"], size=SMALL_SIZE, color=MUTED,
               ha="right")
    # o mesmo laço em código, no meio do ciclo
    listing = [
        ("for epoch in range(num_epochs):", ""),
        ("    for x, y in loader:", "lote"),
        ("        pred = model(x)", "1"),
        ("        loss = loss_fn(pred, y)", "2"),
        ("        loss.backward()", "3"),
        ("        optimizer.step()", "4"),
        ("        optimizer.zero_grad()", "5"),
    ]
    width = max(len(text) for text, _ in listing) + 2
    lines = []
    for text, number in listing:
        line = [code(text.ljust(width))]
        if number:
            line.append(code(f"# {number}".ljust(6), color=MUTED))
        else:
            line.append(code(" " * 6))
        lines.append(line)
    box(ax, cx, cy - 0.1, 3.75, 2.2, color="white", face="white", linestyle=(0, (4, 3)), lw=1.2)
    draw_lines(ax, cx - 3.75 / 2 + 0.18, cy - 0.1 + 1.1 - 0.2, [plain("em código", color=MUTED)],
               size=SMALL_SIZE, ha="left")
    draw_lines(ax, cx, cy - 0.22, lines, size=SMALL_SIZE, ha="center")
    pill(ax, cx, 0.42, [bold("época"), plain(" = uma passada completa por todos os lotes dos dados")],
         color="yellow", size=BODY_SIZE, is_bold=False, height=0.44, pad_x=0.22)
    save(fig, HERE / "loop-de-treino")


# --- cadeia ------------------------------------------------------------------------------------


def chain() -> None:
    fig, ax = new_figure(11.8, 4.45)
    title(ax, "Do número ao ajuste de pesos", "o caminho que todo o curso percorre, em cinco elos")
    links = [
        ("número", [code("3.7")], ["um valor só:", "um preço, um pixel,", "uma nota"], "gray"),
        ("tensor", [code("[[1., 2.],"), code(" [3., 4.]]")], ["números organizados", "em dimensões",
                                                            "(vetor, matriz, …)"], "blue"),
        ("operações", [code("y = x @ W + b")], ["soma, produto de", "matrizes… registradas", "pelo autograd"],
         "green"),
        ("gradientes", [code("W.grad")], ["quanto a perda muda", "se cada peso mudar"], "purple"),
        ("ajuste de pesos", [code("optimizer.step()")], ["peso ← peso −", "taxa × gradiente"], "orange"),
    ]
    box_w, box_h, gap = 2.0, 1.3, 0.28
    y = 2.05
    boxes = []
    xs = [0.34 + box_w / 2 + i * (box_w + gap) for i in range(len(links))]
    for x, (name, example, explanation, color) in zip(xs, links, strict=True):
        colors = PALETTE[color]
        boxes.append(box(ax, x, y, box_w, box_h, color=color))
        draw_lines(ax, x, y + box_h / 2 - 0.32, [bold(name, color=colors.text)], size=HEADING_SIZE - 0.5)
        draw_lines(ax, x, y - 0.12, example, size=SMALL_SIZE + 0.5)
        draw_lines(ax, x, y - box_h / 2 - 0.18, explanation, size=SMALL_SIZE + 0.5, va="top")
    for x in xs[:-1]:
        arrow(ax, (x + box_w / 2, y), (x + box_w / 2 + gap, y), gap=1.5, head=14)
    # o treino repete: os pesos ajustados voltam a ser usados nas operações
    arrow(ax, (xs[4], y + box_h / 2), (xs[2], y + box_h / 2), rad=0.25, linestyle=(0, (4, 3)), lw=1.6,
          color=MUTED, gap=4)
    draw_lines(ax, xs[3], y + box_h / 2 + 0.26, ["repete a cada lote"], size=SMALL_SIZE, color=MUTED)
    save(fig, HERE / "cadeia")


def main() -> None:
    colab_gpu()
    pytorch_overview()
    training_loop()
    chain()


if __name__ == "__main__":
    main()
