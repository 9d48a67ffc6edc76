"""Infográficos do capítulo 03 — Atenção.

Gera, nesta pasta, PNG e SVG de:
- contexto-banco: o "banco" da praça e o do dinheiro; as vizinhas decidem o sentido;
- autoatencao-simplificada: pontuações, pesos e vetor de contexto de "olhos", com vetores de 3 números;
- qkv: atenção com pesos treináveis (consulta, chave, valor) e as formas de cada passo;
- mascara-causal: as pontuações da seção 4 do notebook com o futuro trocado por −∞ e os pesos depois da softmax;
- multi-cabeca: projeção, `view`, `transpose`, cabeças em paralelo, concatenação e projeção de saída.

Todos os números mostrados são calculados aqui (com `torch`), nada é digitado à mão: os vetores
de brinquedo são os mesmos do notebook, e os pesos sorteados repetem os do notebook (mesma semente,
123, e mesma ordem de criação das camadas): os da `SelfAttention_v2` (seções 3.2 e 4) e os da
`MultiHeadAttention` da seção 5.

Rode com `python ferramentas/infograficos.py 03` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import numpy as np  # noqa: E402
import torch  # noqa: E402
from desenho import (  # noqa: E402
    BODY_SIZE,
    HEADING_SIZE,
    INK,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    badge,
    blend,
    bold,
    box,
    cell,
    code,
    decimal_br,
    draw_lines,
    line_width,
    new_figure,
    path_arrow,
    pill,
    plain,
    save,
    title,
)
from matplotlib.patches import Rectangle  # noqa: E402

HERE = Path(__file__).resolve().parent

SEED = 123
# vetores de brinquedo (3 números por palavra), os mesmos do notebook
WORDS = ["Capitu", "tinha", "olhos", "de", "ressaca"]
TOY_VECTORS = [
    [0.9, 0.1, 0.4],  # Capitu
    [0.2, 0.8, 0.3],  # tinha
    [0.7, 0.3, 0.8],  # olhos
    [0.1, 0.6, 0.1],  # de
    [0.6, 0.2, 0.9],  # ressaca
]
QUERY_WORD = "olhos"
MASKED_FACE = "#F1F3F6"  # célula do futuro (mascarada)


def math_span(tex: str, **style):
    """Fórmula em mathtext do matplotlib (ex.: r"x_{\\mathrm{olhos}}"), como um trecho de linha."""
    return plain(f"${tex}$", **style)


def normalized(values: np.ndarray) -> np.ndarray:
    """Leva os valores para 0..1 (só para escolher a intensidade da cor)."""
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.zeros_like(values)


def grid(ax, x: float, y_top: float, shades: np.ndarray, color: str, *, cw: float, ch: float,
         masked: np.ndarray | None = None, lo: float = 0.12, hi: float = 0.85) -> tuple[float, float]:
    """Matriz desenhada como células coloridas (intensidade = `shades`, de 0 a 1), sem números.

    `masked` marca as células do futuro (cinza-claro). Devolve (largura, altura) desenhadas."""
    rows, cols = shades.shape
    for r in range(rows):
        for c in range(cols):
            is_masked = masked is not None and bool(masked[r, c])
            face = MASKED_FACE if is_masked else blend(color, lo + (hi - lo) * float(shades[r, c]))
            cell(ax, x + c * cw, y_top - (r + 1) * ch, cw, ch, face=face, edge="white", lw=0.8)
    return cols * cw, rows * ch


def frame(ax, x: float, y_top: float, w: float, h: float, color: str, lw: float = 1.3) -> None:
    """Contorno fino em volta de uma matriz (não registrado: as células já são conferidas)."""
    ax.add_patch(Rectangle((x, y_top - h), w, h, facecolor="none", edgecolor=color, linewidth=lw, zorder=3))


# --- contexto-banco ----------------------------------------------------------------------------


def context_bank() -> None:
    fig, ax = new_figure(12.0, 7.3)
    title(ax, "O contexto decide o sentido",
          "a mesma palavra, “banco”, significa coisas diferentes conforme as vizinhas")
    orange = PALETTE["orange"]
    word_size = BODY_SIZE + 2
    box_h, pad, gap = 0.52, 0.16, 0.14

    green, blue = PALETTE["green"], PALETTE["blue"]
    sentences = [
        ("Sentei no banco da praça para ler.", ["Sentei", "praça", "ler."], "green", "assento",
         [[plain("pistas: "), bold("Sentei", color=green.text), plain(", "), bold("praça", color=green.text),
           plain(", "), bold("ler", color=green.text)],
          plain("→ um lugar para sentar")]),
        ("Fui ao banco sacar dinheiro.", ["sacar", "dinheiro."], "blue", "instituição financeira",
         [[plain("pistas: "), bold("sacar", color=blue.text), plain(", "), bold("dinheiro", color=blue.text)],
          plain("→ uma agência bancária")]),
    ]
    rows_y = [5.0, 2.75]
    x_start, note_x = 1.05, 8.95
    pill(ax, 11.6, 7.3 - 0.5, "ilustrativo", color="gray", ha="right")
    for number, ((sentence, clues, color, meaning, note), y) in enumerate(zip(sentences, rows_y), start=1):
        colors = PALETTE[color]
        badge(ax, 0.6, y, number, color="gray")
        centers: dict[str, float] = {}
        cursor = x_start
        for word in sentence.split():
            is_bank, is_clue = word == "banco", word in clues
            span = (bold(word, color=orange.text) if is_bank
                    else bold(word, color=colors.text) if is_clue else plain(word))
            w = line_width(ax, [span], word_size) + 2 * pad
            box_color = "orange" if is_bank else color if is_clue else "white"
            box(ax, cursor + w / 2, y, w, box_h, [span], color=box_color, size=word_size, rounding=0.08,
                lw=1.8 if (is_bank or is_clue) else 1.1, pad=0.02)
            centers[word] = cursor + w / 2
            cursor += w + gap
        assert cursor < note_x - 0.3, "a frase invadiu a coluna das notas"

        # setas: cada pista "informa" o banco (arcos por cima da frase); em cada lado, a pista mais
        # distante faz o arco mais alto e chega mais perto do centro do "banco", sem cruzar as outras
        bank_x = centers["banco"]
        top = y + box_h / 2
        for side in (1, -1):  # 1: pistas à esquerda do banco; -1: à direita
            same_side = sorted((w for w in clues if (bank_x - centers[w]) * side > 0),
                               key=lambda w: -abs(bank_x - centers[w]))
            for rank, word in enumerate(same_side):
                dx = abs(bank_x - centers[word])
                end = (bank_x - side * (0.08 + 0.2 * rank), top)
                peak = 0.3 + 0.1 * dx  # altura aproximada do arco, em polegadas
                # arc3: indo para a direita, rad negativo curva para cima (e vice-versa)
                rad = -side * min(0.9, 2 * peak / dx)
                arrow(ax, (centers[word], top), end, rad=rad, color=colors.edge, lw=1.8, head=13, gap=2.5)

        # o sentido que o "banco" assume
        pill_y = y - 0.85
        arrow(ax, (bank_x, y - box_h / 2), (bank_x, pill_y + 0.2), color=orange.edge, lw=1.6, head=11, gap=1.5)
        pill(ax, bank_x, pill_y, [plain("banco = ", color=orange.text, bold=False),
                                  bold(meaning, color=orange.text)],
             color="orange", size=BODY_SIZE, height=0.4, pad_x=0.16)
        draw_lines(ax, note_x, y, note, size=SMALL_SIZE + 0.5, color=MUTED, ha="left")

    box(ax, 6.0, 0.85, 11.2, 1.1,
        [[bold("A atenção deixa cada palavra consultar as outras para decidir o que significa.")],
         plain("Antes dela, “banco” recebe o mesmo vetor de embedding nas duas frases (capítulo 02).",
               color=MUTED, size=SMALL_SIZE + 0.5),
         plain("Ilustrativo: as setas mostram a ideia, não pesos calculados por um modelo.", color=MUTED,
               size=SMALL_SIZE + 0.5)],
        color="orange", size=BODY_SIZE)
    save(fig, HERE / "contexto-banco")


# --- autoatencao-simplificada ------------------------------------------------------------------


def simplified_attention() -> None:
    inputs = torch.tensor(TOY_VECTORS)
    q = WORDS.index(QUERY_WORD)
    query = inputs[q]
    scores = inputs @ query  # passo 1: ω_i = x_olhos · x_i
    weights = torch.softmax(scores, dim=0)  # passo 2: α = softmax(ω)
    context = weights @ inputs  # passo 3: z_olhos = Σ α_i x_i
    assert torch.isclose(weights.sum(), torch.tensor(1.0))
    xs, ws, als, zs = inputs.numpy(), scores.numpy(), weights.numpy(), context.numpy()
    orange, blue, green, purple = PALETTE["orange"], PALETTE["blue"], PALETTE["green"], PALETTE["purple"]

    fig, ax = new_figure(12.0, 9.2)
    title(ax, "Autoatenção simplificada: “olhos” consulta a frase",
          "sem pesos treináveis: produto escalar, softmax e média ponderada, em três passos")

    row_h, first_y = 0.62, 6.45
    rows_y = [first_y - i * row_h for i in range(len(WORDS))]
    head_y, sub_y = 7.65, 7.25
    word_right = 1.6
    x_left, x_cw, x_ch = 1.85, 0.6, 0.44
    w_center, w_w = 4.95, 0.8
    bar_left, bar_max = 6.45, 1.95
    bar_scale = bar_max / float(als.max())
    z_left, z_cw = 9.75, 0.6

    # faixa que destaca a linha da palavra que consulta
    ax.add_patch(Rectangle((0.4, rows_y[q] - row_h / 2 + 0.03), 8.95, row_h - 0.06, facecolor=orange.face,
                           edgecolor="none", zorder=0.5))

    # coluna 0: as entradas x_i
    draw_lines(ax, 0.4, head_y, [[bold("entradas "), math_span(r"x_i")]], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, 0.4, sub_y, [plain("3 números por palavra (à mão)", color=MUTED)], size=SMALL_SIZE, ha="left")
    for i, word in enumerate(WORDS):
        y = rows_y[i]
        span = bold(word, color=orange.text) if i == q else plain(word)
        draw_lines(ax, word_right, y, [span], size=BODY_SIZE + 0.5, ha="right")
        for j in range(3):
            cell(ax, x_left + j * x_cw, y - x_ch / 2, x_cw, x_ch, face=orange.face if i == q else "white")
            draw_lines(ax, x_left + (j + 0.5) * x_cw, y, [code(decimal_br(xs[i, j]), bold=i == q)],
                       size=SMALL_SIZE)
    draw_lines(ax, 0.4, rows_y[-1] - 0.55,
               [[plain("consulta: ", color=MUTED), math_span(r"x_{\mathrm{olhos}}", color=orange.text)]],
               size=SMALL_SIZE + 0.5, ha="left")

    # passo 1: pontuações
    step_x = [4.05, 6.25, 9.55]
    badge(ax, step_x[0] + 0.22, head_y, 1, color="blue")
    draw_lines(ax, step_x[0] + 0.55, head_y, [bold("pontuações")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, step_x[0] + 0.05, sub_y,
               [[math_span(r"\omega_i = x_{\mathrm{olhos}} \cdot x_i")]], size=BODY_SIZE, ha="left")
    for i in range(len(WORDS)):
        box(ax, w_center, rows_y[i], w_w, x_ch, [code(decimal_br(ws[i]), bold=True, color=blue.text)],
            color="blue", size=SMALL_SIZE + 0.5, rounding=0.05, lw=1.2, pad=0.02)
        arrow(ax, (x_left + 3 * x_cw + 0.08, rows_y[i]), (w_center - w_w / 2 - 0.06, rows_y[i]), head=10,
              lw=1.3, gap=0)

    # passo 2: pesos (barras)
    badge(ax, step_x[1] + 0.22, head_y, 2, color="green")
    draw_lines(ax, step_x[1] + 0.55, head_y, [bold("pesos de atenção")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, step_x[1] + 0.05, sub_y, [[math_span(r"\alpha = "), code("softmax"),
                                            math_span(r"(\omega)")]], size=BODY_SIZE, ha="left")
    bar_h = 0.34
    bar_ends = []
    for i in range(len(WORDS)):
        length = float(als[i]) * bar_scale
        face = green.edge if i == int(als.argmax()) else blend(green.edge, 0.55)
        ax.add_patch(Rectangle((bar_left, rows_y[i] - bar_h / 2), length, bar_h, facecolor=face,
                               edgecolor="none", zorder=2))
        label = [code(decimal_br(als[i]), bold=True, color=green.text)]
        draw_lines(ax, bar_left + length + 0.08, rows_y[i], label, size=SMALL_SIZE + 0.5, ha="left")
        bar_ends.append(bar_left + length + 0.08 + line_width(ax, label, SMALL_SIZE + 0.5))
        arrow(ax, (w_center + w_w / 2 + 0.06, rows_y[i]), (bar_left - 0.06, rows_y[i]), head=10, lw=1.3, gap=0)
    ax.plot([bar_left, bar_left], [rows_y[0] + row_h / 2, rows_y[-1] - row_h / 2], color=MUTED, lw=1.0,
            zorder=2)
    draw_lines(ax, bar_left, rows_y[-1] - 0.55,
               [[plain("soma = ", color=MUTED), code(decimal_br(float(als.sum())), bold=True)]],
               size=SMALL_SIZE + 0.5, ha="left")

    # passo 3: vetor de contexto (média ponderada das entradas)
    badge(ax, step_x[2] + 0.22, head_y, 3, color="purple")
    draw_lines(ax, step_x[2] + 0.55, head_y, [bold("contexto")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, step_x[2] + 0.05, sub_y, [[math_span(r"z_{\mathrm{olhos}} = \sum_i \alpha_i\, x_i")]],
               size=BODY_SIZE, ha="left")
    z_y = rows_y[q]
    start_x = max(bar_ends) + 0.2
    for i in range(len(WORDS)):
        arrow(ax, (start_x, rows_y[i]), (z_left - 0.08, z_y + (rows_y[i] - z_y) * 0.12), color=purple.edge,
              lw=0.8 + 9 * float(als[i]), head=10, gap=0)
    for j in range(3):
        cell(ax, z_left + j * z_cw, z_y - x_ch / 2, z_cw, x_ch, face=purple.face, edge=purple.edge, lw=1.2)
        draw_lines(ax, z_left + (j + 0.5) * z_cw, z_y, [code(decimal_br(zs[j]), bold=True, color=purple.text)],
                   size=SMALL_SIZE)
    draw_lines(ax, z_left + 1.5 * z_cw, z_y - 0.55,
               [plain("um vetor novo para", color=MUTED), plain("“olhos”, do mesmo", color=MUTED),
                plain("tamanho da entrada", color=MUTED)], size=SMALL_SIZE, va="top")

    # quadro: como sai cada número (a partir dos valores calculados)
    i0 = 0
    first = WORDS[i0]

    def tex_number(value: float, digits: int = 2) -> str:
        return decimal_br(value, digits).replace(",", "{,}").replace("−", "-")

    def x_of(word: str) -> str:
        return rf"x_{{\mathrm{{{word}}}}}"

    products = " + ".join(f"{decimal_br(xs[q, j], 1)}·{decimal_br(xs[i0, j], 1)}" for j in range(3))
    exps = " + ".join(f"e^{{{tex_number(v)}}}" for v in ws)
    frame_top, frame_bottom = 3.1, 0.3
    box(ax, 6.0, (frame_top + frame_bottom) / 2, 11.2, frame_top - frame_bottom, color="gray", face="#FAFBFC",
        linestyle=(0, (5, 3)), lw=1.3, zorder=0.5)
    draw_lines(ax, 0.7, frame_top - 0.32, [bold(f"De onde vem cada número (exemplo: a linha de “{first}”)")],
               size=BODY_SIZE + 0.5, ha="left")
    lines_y = [frame_top - 0.8, frame_top - 1.3, frame_top - 1.8]
    badge(ax, 0.95, lines_y[0], 1, color="blue", radius=0.17, size=11)
    draw_lines(ax, 1.3, lines_y[0],
               [[math_span(rf"\omega_{{\mathrm{{{first}}}}}"), plain(f" = {products} = "),
                 bold(decimal_br(ws[i0]), color=blue.text),
                 plain("   (produto escalar: multiplica posição a posição e soma)", color=MUTED)]],
               size=BODY_SIZE, ha="left")
    badge(ax, 0.95, lines_y[1], 2, color="green", radius=0.17, size=11)
    draw_lines(ax, 1.3, lines_y[1],
               [[math_span(rf"\alpha_{{\mathrm{{{first}}}}} = e^{{{tex_number(ws[i0])}}} \,/\, ({exps})"),
                 plain(" = "), bold(decimal_br(als[i0]), color=green.text),
                 plain("   (softmax)", color=MUTED)]],
               size=BODY_SIZE, ha="left")
    badge(ax, 0.95, lines_y[2], 3, color="purple", radius=0.17, size=11)
    terms = " + ".join(rf"{tex_number(als[i])}\,{x_of(word)}" for i, word in enumerate(WORDS))
    draw_lines(ax, 1.3, lines_y[2], [[math_span(rf"z_{{\mathrm{{olhos}}}} = {terms}")]], size=BODY_SIZE,
               ha="left")
    order = [WORDS[i] for i in np.argsort(-als)]
    if order[0] == QUERY_WORD:
        favorites = f"a si mesma e a “{order[1]}”"
    else:
        favorites = f"a “{order[0]}” e a “{order[1]}”"
    draw_lines(ax, 0.7, frame_bottom + 0.42,
               [plain(f"A palavra “{QUERY_WORD}” dá mais peso {favorites}: vetores parecidos com o seu têm "
                      "produto escalar maior.", color=MUTED),
                plain("Vetores de 3 números escolhidos à mão para caber no desenho (os de verdade têm centenas); "
                      "valores arredondados para 2 casas.", color=MUTED)],
               size=SMALL_SIZE, ha="left")
    save(fig, HERE / "autoatencao-simplificada")


# --- qkv ---------------------------------------------------------------------------------------


def trainable_attention_example(d_out: int = 2) -> dict[str, np.ndarray]:
    """Atenção com pesos treináveis sobre os vetores de brinquedo (pesos aleatórios, semente fixa)."""
    torch.manual_seed(SEED)
    x = torch.tensor(TOY_VECTORS)
    d_in = x.shape[1]
    w_query = torch.nn.Linear(d_in, d_out, bias=False)
    w_key = torch.nn.Linear(d_in, d_out, bias=False)
    w_value = torch.nn.Linear(d_in, d_out, bias=False)
    with torch.no_grad():
        queries, keys, values = w_query(x), w_key(x), w_value(x)
        scores = queries @ keys.T
        weights = torch.softmax(scores / keys.shape[-1] ** 0.5, dim=-1)
        context = weights @ values
        reference = torch.nn.functional.scaled_dot_product_attention(queries, keys, values)
    assert torch.allclose(context, reference, atol=1e-6)
    return {"X": x.numpy(), "Wq": w_query.weight.detach().T.numpy(), "Wk": w_key.weight.detach().T.numpy(),
            "Wv": w_value.weight.detach().T.numpy(), "Q": queries.numpy(), "K": keys.numpy(), "V": values.numpy(),
            "S": scores.numpy(), "A": weights.numpy(), "Z": context.numpy()}


def qkv() -> None:
    m = trainable_attention_example()
    blue, orange, green, teal, purple = (PALETTE[c] for c in ("blue", "orange", "green", "teal", "purple"))
    yellow, gray = PALETTE["yellow"], PALETTE["gray"]
    height = 10.6
    fig, ax = new_figure(12.0, height)
    title(ax, "Atenção com pesos treináveis: consulta, chave e valor",
          "três projeções aprendidas; depois, o mesmo produto escalar, a softmax e a média ponderada")
    box(ax, 6.0, 8.95, 6.4, 0.8,
        [[math_span(r"Z = \mathrm{softmax}\left(\frac{Q\,K^{\top}}{\sqrt{d_k}}\right)\,V", size=17)]],
        color="gray", face="white", lw=1.4)

    c = 0.26  # lado de uma célula
    y_q, y_k, y_v = 7.3, 5.2, 3.1
    y_s = (y_q + y_k) / 2
    label_size = SMALL_SIZE

    def matrix(x_left: float, y_mid: float, key: str, color: str, above, below, *, masked=None) -> tuple:
        values = m[key]
        shades = normalized(values)
        w, h = grid(ax, x_left, y_mid + values.shape[0] * c / 2, shades, PALETTE[color].edge, cw=c, ch=c,
                    masked=masked)
        frame(ax, x_left, y_mid + h / 2, w, h, PALETTE[color].edge)
        if above:
            draw_lines(ax, x_left + w / 2, y_mid + h / 2 + 0.22, [above], size=BODY_SIZE)
        if below:
            draw_lines(ax, x_left + w / 2, y_mid - h / 2 - 0.2, [below], size=label_size)
        return x_left, x_left + w, y_mid - h / 2, y_mid + h / 2

    def shape(text: str, color: str = INK):
        return code(text, color=color, bold=True)

    # entrada X e as três projeções
    _, x1, _, _ = matrix(0.7, y_k, "X", "gray", math_span("X", color=gray.text), shape("T × d_in"))
    trunk_x = 1.95
    names = {"q": ("Q", "blue", y_q, "Wq"), "k": ("K", "orange", y_k, "Wk"), "v": ("V", "green", y_v, "Wv")}
    ends = {}
    for letter, (name, color, y, w_key) in names.items():
        route = [(x1 + 0.06, y_k), (trunk_x, y_k), (trunk_x, y), (2.42, y)] if y != y_k else \
            [(x1 + 0.06, y_k), (2.42, y_k)]
        path_arrow(ax, route, head=12, lw=1.6)
        _, w_right, _, _ = matrix(2.5, y, w_key, "yellow", math_span(rf"\times\, W_{letter}", color=yellow.text),
                                  shape("d_in × d_out", yellow.text))
        arrow(ax, (w_right + 0.06, y), (3.55 - 0.06, y), head=12, lw=1.6, gap=0)
        ends[name] = matrix(3.55, y, name, color, math_span(rf"{name} = X\,W_{letter}", color=PALETTE[color].text),
                            shape("T × d_out", PALETTE[color].text))

    # pontuações S = Q Kᵀ
    s_left = 5.75
    q_right, k_right = ends["Q"][1], ends["K"][1]
    path_arrow(ax, [(q_right + 0.06, y_q), (4.95, y_q), (4.95, y_s + 0.35), (s_left - 0.06, y_s + 0.35)],
               head=12, lw=1.6, color=blue.edge)
    path_arrow(ax, [(k_right + 0.06, y_k), (4.95, y_k), (4.95, y_s - 0.35), (s_left - 0.06, y_s - 0.35)],
               head=12, lw=1.6, color=orange.edge)
    _, s_right, _, _ = matrix(s_left, y_s, "S", "gray", math_span(r"Q\,K^{\top}"),
                              shape("T × T"))
    draw_lines(ax, s_left + 2.5 * c, y_s + 1.2, [plain("pontuações", color=MUTED)], size=label_size)

    # ÷ √d_k e softmax por linha → pesos A
    a_left = 8.75
    arrow(ax, (s_right + 0.1, y_s), (a_left - 0.1, y_s), head=14, lw=2.0, gap=0)
    mid = (s_right + a_left) / 2
    draw_lines(ax, mid, y_s + 0.3, [[plain("÷ "), math_span(r"\sqrt{d_k}")]], size=BODY_SIZE)
    draw_lines(ax, mid, y_s - 0.38, [code("softmax"), plain("em cada linha", color=MUTED)], size=label_size)
    _, a_right, a_bottom, _ = matrix(a_left, y_s, "A", "teal", math_span("A", color=teal.text), None)
    draw_lines(ax, a_left + 2.5 * c, y_s + 1.2, [plain("pesos de atenção", color=MUTED)], size=label_size)
    draw_lines(ax, a_right + 0.15, y_s, [shape("T × T"), plain("cada linha", color=MUTED),
                                         plain("soma 1", color=MUTED)], size=label_size, ha="left")

    # saída Z = A V
    z_left = a_left + 1.5 * c
    v_right = ends["V"][1]
    arrow(ax, (v_right + 0.06, y_v), (z_left - 0.08, y_v), head=14, lw=2.0, gap=0, color=green.edge)
    draw_lines(ax, (v_right + z_left) / 2, y_v + 0.25, [plain("os valores V", color=green.text)], size=label_size)
    _, z_right, _, z_top = matrix(z_left, y_v, "Z", "purple", None, None)
    arrow(ax, (z_left + c, a_bottom - 0.06), (z_left + c, z_top + 0.08), head=14, lw=2.0, gap=0,
          color=teal.edge)
    draw_lines(ax, z_left + c + 0.15, (a_bottom + z_top) / 2, [plain("pesa e soma", color=MUTED)],
               size=label_size, ha="left")
    draw_lines(ax, z_right + 0.2, y_v, [math_span(r"Z = A\,V", color=purple.text), shape("T × d_out"),
                                        plain("um vetor de contexto", color=MUTED),
                                        plain("por token", color=MUTED)], size=label_size, ha="left")

    # os três papéis
    roles = [("blue", "Q", "consulta", "query", "o que estou procurando"),
             ("orange", "K", "chave", "key", "o que eu ofereço"),
             ("green", "V", "valor", "value", "o que eu passo adiante")]
    for k, (color, letter, name, english, meaning) in enumerate(roles):
        colors = PALETTE[color]
        box(ax, 2.2 + k * 3.8, 1.47, 3.6, 0.9,
            [[bold(f"{letter}  ·  {name} ", color=colors.text), plain(f"({english})", color=colors.text)],
             plain(f"“{meaning}”")], color=color, size=BODY_SIZE)
    draw_lines(ax, 0.4, 0.5,
               [[math_span(r"d_k"), plain(": tamanho de cada chave (aqui 2). Dividir por "),
                 math_span(r"\sqrt{d_k}"),
                 plain(" evita pontuações grandes, que levariam a softmax a pôr quase todo o peso num token só.")],
                [plain("Cada "), math_span(r"W"), plain(" é aprendida no treino; no código, é uma camada "),
                 code("nn.Linear(d_in, d_out, bias=False)")],
                plain("Números do notebook: T = 5 palavras, d_in = 3, d_out = 2 e os pesos sorteados da "
                      "SelfAttention_v2 (seção 3.2, semente 123); a cor mostra o valor.")],
               size=SMALL_SIZE, color=MUTED, ha="left")
    save(fig, HERE / "qkv")


# --- mascara-causal ----------------------------------------------------------------------------


def causal_mask_example() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """As pontuações da seção 4 do notebook (SelfAttention_v2, semente 123, já divididas por √d_k),
    a máscara causal e os pesos depois da softmax."""
    m = trainable_attention_example()
    t = len(WORDS)
    scores = torch.from_numpy(m["S"]) / m["K"].shape[-1] ** 0.5
    future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)  # acima da diagonal: o futuro
    masked = scores.masked_fill(future, -torch.inf)
    weights = torch.softmax(masked, dim=-1)
    assert torch.allclose(weights.sum(dim=-1), torch.ones(t))
    assert torch.all(weights[future] == 0)
    return scores.numpy(), future.numpy(), weights.numpy()


def causal_mask() -> None:
    scores, future, weights = causal_mask_example()
    t = len(WORDS)
    red, teal = PALETTE["red"], PALETTE["teal"]
    fig, ax = new_figure(12.0, 7.7)
    title(ax, "Máscara causal: ninguém olha para o futuro",
          "cada token só pode usar a si mesmo e os anteriores; o resto vira −∞ antes da softmax")
    cw, ch = 0.74, 0.5
    label_w = 0.95
    top = 5.15  # topo da grade (abaixo dos nomes das colunas)
    pill(ax, 11.6, 7.7 - 0.5, "números do notebook", color="gray", ha="right")

    def panel(x0: float, heading, values: np.ndarray, *, after_softmax: bool) -> float:
        """Uma grade T × T com os nomes dos tokens; devolve a borda direita."""
        grid_x = x0 + label_w
        draw_lines(ax, x0, top + 1.0, [heading], size=HEADING_SIZE - 0.5, ha="left")
        draw_lines(ax, grid_x + t * cw / 2, top + 0.62, [plain("para quem →", color=MUTED)], size=SMALL_SIZE)
        draw_lines(ax, x0 + label_w / 2 - 0.05, top + 0.25, [plain("quem olha ↓", color=MUTED)],
                   size=SMALL_SIZE - 1)
        for j, word in enumerate(WORDS):
            draw_lines(ax, grid_x + (j + 0.5) * cw, top + 0.25, [bold(word)], size=SMALL_SIZE - 0.5)
        for i, word in enumerate(WORDS):
            y0 = top - (i + 1) * ch
            draw_lines(ax, grid_x - 0.1, y0 + ch / 2, [bold(word)], size=SMALL_SIZE - 0.5, ha="right")
            for j in range(t):
                if future[i, j]:
                    face = red.face if not after_softmax else MASKED_FACE
                    span = (code("−∞", color=red.text, bold=True) if not after_softmax
                            else code("0", color="#A9B2BE"))
                elif after_softmax:
                    face = blend(teal.edge, 0.08 + 0.8 * float(values[i, j]))
                    span = code(decimal_br(values[i, j]), bold=True,
                                color="white" if values[i, j] > 0.55 else INK)
                else:
                    face = "white"
                    span = code(decimal_br(values[i, j]))
                cell(ax, grid_x + j * cw, y0, cw, ch, face=face, edge="#C5CCD6")
                draw_lines(ax, grid_x + (j + 0.5) * cw, y0 + ch / 2, [span], size=SMALL_SIZE)
        return grid_x + t * cw

    left_right = panel(0.4, [bold("1. pontuações com a máscara")], scores, after_softmax=False)
    right_x0 = left_right + 1.25
    right_right = panel(right_x0, [bold("2. pesos depois da softmax")], weights,
                        after_softmax=True)
    mid_y = top - t * ch / 2
    arrow(ax, (left_right + 0.12, mid_y), (right_x0 + 0.1, mid_y), head=16, lw=2.2, gap=0)
    draw_lines(ax, (left_right + right_x0) / 2 + 0.05, mid_y + 0.42, [code("softmax"), plain("por linha")],
               size=SMALL_SIZE)

    # soma de cada linha (antes de arredondar)
    sum_x = right_right + 0.1
    draw_lines(ax, sum_x + 0.3, top + 0.25, [plain("soma", color=MUTED)], size=SMALL_SIZE - 0.5)
    for i in range(t):
        y0 = top - (i + 1) * ch
        draw_lines(ax, sum_x + 0.3, y0 + ch / 2, [code(decimal_br(float(weights[i].sum())), color=MUTED)],
                   size=SMALL_SIZE)

    # legenda embaixo das grades
    legend_y = top - t * ch - 0.45
    cell(ax, 1.35, legend_y - 0.14, 0.4, 0.28, face=red.face, edge="#C5CCD6")
    draw_lines(ax, 1.55, legend_y, [code("−∞", color=red.text, bold=True)], size=SMALL_SIZE - 1.5)
    draw_lines(ax, 1.85, legend_y, [[bold("futuro: proibido"), plain("  (acima da diagonal)", color=MUTED)]],
               size=SMALL_SIZE, ha="left")
    draw_lines(ax, right_x0 + label_w, legend_y,
               [[plain("como ", color=MUTED), math_span(r"e^{-\infty} = 0"),
                 plain(", o futuro recebe peso 0", color=MUTED)]],
               size=SMALL_SIZE, ha="left")

    box(ax, 6.0, 1.05, 11.2, 1.6,
        [[plain("Na linha de “olhos”, o token vê “Capitu”, “tinha” e a si mesmo; “de” e “ressaca” vêm depois "
                "e ficam de fora.")],
         [plain("Em código (seção 4): "),
          code(f"future = torch.triu(torch.ones({t}, {t}, dtype=torch.bool), diagonal=1)")],
         [plain("e depois "), code('scores.masked_fill(future, float("-inf"))')],
         plain("Números do notebook: as pontuações da SelfAttention_v2 (semente 123), já divididas por √2 "
               "(a raiz do tamanho das chaves), com 2 casas.", color=MUTED),
         plain("Com pesos ainda sorteados, as pontuações são pequenas, e os pesos saem quase iguais em cada linha.",
               color=MUTED)],
        color="gray", face="#FAFBFC", size=SMALL_SIZE, ha="left", pad=0.25)
    save(fig, HERE / "mascara-causal")


# --- multi-cabeca ------------------------------------------------------------------------------

BATCH, TOKENS, D_MODEL, HEADS = 2, 5, 12, 3  # o exemplo desenhado: d_in = d_out = 12, h = 3
GPT2_SMALL = {"d": 768, "h": 12, "context": 1024}


def multi_head_example() -> dict[str, np.ndarray]:
    """Atenção multicabeça causal passo a passo, com entrada e pesos aleatórios (semente fixa)."""
    torch.manual_seed(SEED)
    b, t, d, h = BATCH, TOKENS, D_MODEL, HEADS
    d_h = d // h
    x = torch.randn(b, t, d)  # como no notebook
    w_query, w_key, w_value = (torch.nn.Linear(d, d, bias=False) for _ in range(3))
    out_proj = torch.nn.Linear(d, d)
    with torch.no_grad():
        q, k, v = w_query(x), w_key(x), w_value(x)  # (b, T, d_out)
        heads = [m.view(b, t, h, d_h).transpose(1, 2) for m in (q, k, v)]  # (b, h, T, d_h)
        qh, kh, vh = heads
        scores = qh @ kh.transpose(2, 3)  # (b, h, T, T)
        future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
        weights = torch.softmax(scores.masked_fill(future, -torch.inf) / d_h ** 0.5, dim=-1)
        context = weights @ vh  # (b, h, T, d_h)
        reference = torch.nn.functional.scaled_dot_product_attention(qh, kh, vh, is_causal=True)
        assert torch.allclose(context, reference, atol=1e-6)
        merged = context.transpose(1, 2).contiguous().view(b, t, d)  # (b, T, d_out)
        out = out_proj(merged)
    assert out.shape == (b, t, d)
    first = 0  # desenhamos só a primeira sequência do lote
    return {"x": x[first].numpy(), "q": q[first].numpy(), "k": k[first].numpy(), "v": v[first].numpy(),
            "qh": qh[first].numpy(), "kh": kh[first].numpy(), "vh": vh[first].numpy(),
            "weights": weights[first].numpy(), "context": context[first].numpy(),
            "merged": merged[first].numpy(), "out": out[first].numpy(), "future": future.numpy()}


def multi_head() -> None:
    m = multi_head_example()
    b, t, d, h = BATCH, TOKENS, D_MODEL, HEADS
    d_h = d // h
    head_colors = ["blue", "orange", "purple"]
    gray = PALETTE["gray"]
    height = 13.4
    fig, ax = new_figure(12.0, height)
    title(ax, "Atenção multicabeça: várias atenções em paralelo",
          "Q, K e V saem de uma projeção cada, para todas as cabeças; o último eixo é fatiado em h cabeças")

    c = 0.16  # lado das células das matrizes T × d
    big_w = d * c
    centers = [5.3, 7.7, 10.1]  # Q, K, V (e as cabeças 1, 2, 3)
    text_x = 0.95

    def step(y: float, number: int, name: str, how, shape: str) -> None:
        badge(ax, 0.6, y, number, color="gray", radius=0.2, size=12)
        lines = [bold(name)]
        if how:
            lines.append(how)
        lines.append(code(shape, bold=True, color=gray.text))
        draw_lines(ax, text_x, y, lines, size=SMALL_SIZE + 0.5, ha="left")

    def tensor(x_center: float, y_top: float, values: np.ndarray, color: str | list[str], *, gaps: bool = False,
               label: str | None = None) -> tuple[float, float, float]:
        """Matriz T × d_out (uma sequência); com lista de cores, cada fatia de d_h colunas ganha a sua."""
        gap = 0.08 if gaps else 0.0
        width = big_w + (h - 1) * gap
        x_left = x_center - width / 2
        shades = normalized(values)
        if isinstance(color, str):
            grid(ax, x_left, y_top, shades, PALETTE[color].edge, cw=c, ch=c)
            frame(ax, x_left, y_top, width, t * c, PALETTE[color].edge, lw=1.1)
        else:
            for g in range(h):
                x_g = x_left + g * (d_h * c + gap)
                grid(ax, x_g, y_top, shades[:, g * d_h:(g + 1) * d_h], PALETTE[color[g]].edge, cw=c, ch=c)
                frame(ax, x_g, y_top, d_h * c, t * c, PALETTE[color[g]].edge, lw=1.1)
        if label:
            draw_lines(ax, x_left - 0.12, y_top - t * c / 2, [math_span(label)], size=BODY_SIZE + 1, ha="right")
        return x_left, x_left + width, y_top - t * c

    # 1. entrada
    y1 = 11.75
    step(y1 - t * c / 2, 1, "entrada", None, "(b, T, d_in)")
    _, _, x_bottom = tensor(centers[0], y1, m["x"], "gray", label="x")
    # quadro no canto: os números do exemplo e os do GPT-2 pequeno
    table_top = y1 + 0.12
    col_w = [1.3, 0.4, 0.85, 1.05, 0.4, 0.85]
    row_h = 0.32
    headers = ["tamanhos", "b", "T", "d_in = d_out", "h", "d_h = d_out / h"]
    gpt2_dh = GPT2_SMALL["d"] // GPT2_SMALL["h"]
    rows = [
        ("exemplo", [str(b), str(t), str(d), str(h), str(d_h)]),
        ("GPT-2 pequeno", ["—", f"até {GPT2_SMALL['context']}", str(GPT2_SMALL["d"]), str(GPT2_SMALL["h"]),
                           str(gpt2_dh)]),
    ]
    col_w[5] = max(col_w[5], line_width(ax, [code(headers[5])], SMALL_SIZE - 1) + 0.12)
    table_w = sum(col_w)
    table_x = 11.6 - table_w
    x_edges = [table_x + sum(col_w[:i]) for i in range(len(col_w) + 1)]
    for r, (name, values) in enumerate([(headers[0], headers[1:]), *rows]):
        y0 = table_top - (r + 1) * row_h
        for j, text in enumerate([name, *values]):
            face = "#EEF1F5" if r == 0 or j == 0 else "white"
            cell(ax, x_edges[j], y0, col_w[j], row_h, face=face)
            span = (plain(text, color=MUTED) if r == 0 and j == 0 else code(text, bold=True) if r == 0
                    else bold(text) if j == 0 else code(text))
            draw_lines(ax, x_edges[j] + col_w[j] / 2, y0 + row_h / 2, [span], size=SMALL_SIZE - 1)

    # 2. projeções
    y2 = 10.15
    step(y2 - t * c / 2, 2, "projeções Q, K, V", [code("nn.Linear(d_in, d_out)"), plain(" × 3")],
         "(b, T, d_out)")
    qkv_keys = ["q", "k", "v"]
    bus_y = (x_bottom + y2) / 2
    for cx, key in zip(centers, qkv_keys):
        tensor(cx, y2, m[key], "gray", label=key.upper())
        route = [(centers[0], x_bottom - 0.04), (centers[0], bus_y), (cx, bus_y), (cx, y2 + 0.06)]
        path_arrow(ax, route if cx != centers[0] else [route[0], route[-1]], head=11, lw=1.4)

    # 3. view: o último eixo vira (h, d_h)
    y3 = 8.8
    step(y3 - t * c / 2, 3, "fatiar em h cabeças", [code(".view(b, T, h, d_h)")], "(b, T, h, d_h)")
    group_bottoms = {}
    for cx, key in zip(centers, qkv_keys):
        arrow(ax, (cx, y2 - t * c - 0.04), (cx, y3 + 0.06), head=11, lw=1.4, gap=0)
        x_left, _, bottom = tensor(cx, y3, m[key], head_colors, gaps=True, label=key.upper())
        group_bottoms[key] = [(x_left + g * (d_h * c + 0.08) + d_h * c / 2, bottom) for g in range(h)]

    # 4 e 5. transpose (cabeça na frente) e atenção causal em cada cabeça, em paralelo
    panel_top, panel_bottom = 7.35, 3.65
    panel_w = 2.25
    mc = 0.14  # células das fatias T × d_h
    hc = 0.18  # células dos mapas de calor T × T
    step(6.45, 4, "trocar eixos: cabeça antes de T", [code(".transpose(1, 2)")], "(b, h, T, d_h)")
    badge(ax, 0.6, 4.65, 5, color="gray", radius=0.2, size=12)
    draw_lines(ax, text_x, 4.65,
               [bold("atenção causal por cabeça"), plain("todas em paralelo, num só cálculo", color=MUTED),
                [plain("pesos ", color=MUTED), code("(b, h, T, T)", bold=True, color=gray.text)],
                [plain("saída ", color=MUTED), code("(b, h, T, d_h)", bold=True, color=gray.text)]],
               size=SMALL_SIZE + 0.5, ha="left")
    merged_top = 3.05
    merged_left = centers[1] - big_w / 2
    for g, (cx, color) in enumerate(zip(centers, head_colors)):
        colors = PALETTE[color]
        box(ax, cx, (panel_top + panel_bottom) / 2, panel_w, panel_top - panel_bottom, color=color,
            face=blend(colors.face, 0.5), linestyle=(0, (5, 3)), lw=1.2, zorder=0.5)
        mini_top = panel_top - 0.35
        mini_w = d_h * mc
        mini_xs = [cx - 1.5 * mini_w - 0.2 + k * (mini_w + 0.2) for k in range(3)]
        for k, key in enumerate(qkv_keys):
            values = m[f"{key}h"][g]
            grid(ax, mini_xs[k], mini_top, normalized(values), colors.edge, cw=mc, ch=mc)
            frame(ax, mini_xs[k], mini_top, mini_w, t * mc, colors.edge, lw=1.0)
            draw_lines(ax, mini_xs[k] + mini_w / 2, mini_top - t * mc - 0.2,
                       [math_span(f"{key.upper()}_{g + 1}", color=colors.text)], size=SMALL_SIZE)
            start = group_bottoms[key][g]
            arrow(ax, (start[0], start[1] - 0.04), (mini_xs[k] + mini_w / 2, mini_top + 0.05), color=colors.edge,
                  head=9, lw=1.0, gap=0)
        # mapa de calor dos pesos (linhas: quem olha; colunas: para quem)
        heat_top = mini_top - t * mc - 0.5
        heat_left = cx - panel_w / 2 + 0.14
        weights = m["weights"][g]
        grid(ax, heat_left, heat_top, weights, colors.edge, cw=hc, ch=hc, masked=m["future"], lo=0.18, hi=1.0)
        frame(ax, heat_left, heat_top, t * hc, t * hc, colors.edge, lw=1.0)
        arrow(ax, ((mini_xs[0] + mini_xs[1] + mini_w) / 2, mini_top - t * mc - 0.08),
              (heat_left + t * hc / 2, heat_top + 0.05), color=colors.edge, head=9, lw=1.1, gap=0)
        # saída da cabeça: pesos × V_g
        z_left = cx + panel_w / 2 - 0.14 - mini_w
        z_top = heat_top - (t * hc - t * mc) / 2
        grid(ax, z_left, z_top, normalized(m["context"][g]), colors.edge, cw=mc, ch=mc)
        frame(ax, z_left, z_top, mini_w, t * mc, colors.edge, lw=1.0)
        mid_y = heat_top - t * hc / 2
        arrow(ax, (heat_left + t * hc + 0.05, mid_y), (z_left - 0.05, mid_y), color=colors.edge, head=9, lw=1.1,
              gap=0)
        draw_lines(ax, (heat_left + t * hc + z_left) / 2, mid_y + 0.22, [math_span(rf"\times V_{g + 1}")],
                   size=SMALL_SIZE - 1)
        draw_lines(ax, heat_left, heat_top - t * hc - 0.25, [bold(f"cabeça {g + 1}", color=colors.text)],
                   size=SMALL_SIZE, ha="left")
        # cada saída vai para a sua fatia na concatenação
        target_x = merged_left + (g + 0.5) * d_h * c
        arrow(ax, (z_left + mini_w / 2, z_top - t * mc - 0.04), (target_x, merged_top + 0.06), color=colors.edge,
              head=10, lw=1.3, gap=0)

    # 6. juntar as cabeças
    badge(ax, 0.6, merged_top - t * c / 2, 6, color="gray", radius=0.2, size=12)
    draw_lines(ax, text_x, merged_top - t * c / 2,
               [bold("juntar as cabeças"), code(".transpose(1, 2)"), code(".contiguous().view(b, T, d_out)"),
                code("(b, T, d_out)", bold=True, color=gray.text)],
               size=SMALL_SIZE + 0.5, ha="left")
    _, merged_right, merged_bottom = tensor(centers[1], merged_top, m["merged"], head_colors)
    draw_lines(ax, merged_right + 0.2, merged_top - t * c / 2,
               [plain("as h saídas lado a lado", color=MUTED), plain("(concatenação)", color=MUTED)],
               size=SMALL_SIZE, ha="left")

    # 7. projeção de saída
    out_top = merged_bottom - 0.55
    step(out_top - t * c / 2, 7, "projeção de saída", [code("nn.Linear(d_out, d_out)")], "(b, T, d_out)")
    arrow(ax, (centers[1], merged_bottom - 0.04), (centers[1], out_top + 0.06), head=11, lw=1.4, gap=0)
    _, out_right, _ = tensor(centers[1], out_top, m["out"], "teal")
    draw_lines(ax, out_right + 0.2, out_top - t * c / 2,
               [plain("mistura as cabeças; mesma", color=MUTED), plain("forma da entrada", color=MUTED)],
               size=SMALL_SIZE, ha="left")
    draw_lines(ax, 0.4, 0.5,
               [plain(f"Desenho: só a 1ª das b = {b} sequências do lote; cada célula é um número, e a cor mostra o "
                      "valor (os x e os pesos da seção 5 do notebook, semente 123)."),
                plain("Mapas de calor: linha = quem olha, coluna = para quem; cinza = futuro (máscara causal).")],
               size=SMALL_SIZE - 0.5, color=MUTED, ha="left")
    save(fig, HERE / "multi-cabeca")


def main() -> None:
    context_bank()
    simplified_attention()
    qkv()
    causal_mask()
    multi_head()


if __name__ == "__main__":
    main()
