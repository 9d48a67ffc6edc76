"""Infográficos do capítulo 05 — Pré-treinamento.

Gera, nesta pasta, PNG e SVG de:
- laco-de-treino-llm: o laço de treino de um LLM, em cinco passos (cronograma, forward e perda em
  precisão mista, backward, recorte do gradiente, passo do AdamW) e a avaliação a cada `eval_every`;
- decodificacao: gulosa, temperatura, top-k e top-p sobre a mesma distribuição de brinquedo;
- divisao-e-bpc: os sete livros de treino, cada um cortado por posição em treino e validação, o livro de
  teste de fora, e por que medimos em bits por caractere.

Nada é digitado à mão: a curva do cronograma sai do `lr_at` do capítulo (bloco `otimizador`) com a
receita do curso; as probabilidades saem da softmax de logits ilustrativos (e o corte top-k/top-p é
conferido com o `keep_top` do bloco `gerar`); a divisão (livro a livro, com `read_book` e
`split_by_position`), os totais (`machado_split`) e o BPE da receita saem dos blocos `dados_machado` e
`treino_bpe`, e os tokens do GPT-2, do `tiktoken`. Sem internet, o `tiktoken` precisa
de um cache local: defina TIKTOKEN_CACHE_DIR (se não estiver definida, usamos
`../shared/dados/tiktoken-cache` ao lado do projeto, se existir). Os livros vêm da pasta da variável
CURSO_DADOS ou de `../shared/dados`, pelo `download_file` do curso, num cache temporário.

Rode com `python ferramentas/infograficos.py 05` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import blocos  # noqa: E402
import tiktoken  # noqa: E402
import torch  # noqa: E402
from desenho import (  # noqa: E402
    BODY_SIZE,
    HEADING_SIZE,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    badge,
    blend,
    bold,
    box,
    code,
    course_environment,
    decimal_br,
    draw_lines,
    line_width,
    new_figure,
    path_arrow,
    pill,
    plain,
    save,
    title,
    token_spans,
)
from matplotlib.patches import Rectangle  # noqa: E402
from numeros import percent, thousands  # noqa: E402
from raiz import data_dir, use_shared_tiktoken_cache  # noqa: E402

use_shared_tiktoken_cache()  # o mesmo espelho offline que os testes usam, se TIKTOKEN_CACHE_DIR não vier definida
HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE.parent / "notebook.ipynb"
DATA_DIR = data_dir()

GREY_BAR = "#D5DAE1"  # barra de um token cortado

# decodificação: logits ilustrativos (inventados) para o próximo token depois do prompt
PROMPT = "Capitu olhou para"
TOY_LOGITS = {" mim": 2.2, " o": 1.6, " a": 1.2, " José": 0.6, " fora": 0.1, " Escobar": -0.5}
TEMPERATURES = (0.5, 1.5)
TOP_K = 3
TOP_P = 0.9

# bits por caractere: a frase cortada pelos dois tokenizadores
BPC_SENTENCE = "Capitu tinha olhos"


# --- o que vem do notebook do capítulo ----------------------------------------------------------


def chapter_blocks():
    """Os blocos do capítulo de que as figuras precisam (e os do capítulo 02 de que eles dependem)."""
    return blocos.load_blocks(NOTEBOOK, "otimizador", "dados_machado", "gerar")


def course_recipe() -> dict:
    """O dicionário `COURSE_RECIPE` do bloco `receita_do_curso`, lido do notebook sem executá-lo."""
    block = next(b for b in blocos.blocks_in(NOTEBOOK) if b.name == "receita_do_curso")
    for node in ast.parse(block.source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COURSE_RECIPE":
            return ast.literal_eval(node.value)
    raise LookupError("COURSE_RECIPE não encontrado no bloco receita_do_curso")


def in_words(n: int) -> str:
    """Um número pequeno por extenso, como no texto do capítulo ("sete livros")."""
    return ("zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez")[n]


# --- peças comuns ------------------------------------------------------------------------------


def bar(ax, x: float, y: float, length: float, height: float, color: str, zorder: float = 3) -> None:
    """Barra horizontal (só enfeite: fora da conferência de leiaute)."""
    ax.add_patch(Rectangle((x, y - height / 2), length, height, facecolor=color, edgecolor="none", zorder=zorder))


def frame(ax, x0: float, y0: float, x1: float, y1: float, *, zorder: float = 0.5) -> None:
    """Moldura tracejada de um painel."""
    box(ax, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0, color="gray", face="#FAFBFC", linestyle=(0, (5, 3)),
        lw=1.3, zorder=zorder)


# --- laco-de-treino-llm ------------------------------------------------------------------------


def training_loop(m) -> None:
    recipe = course_recipe()
    max_steps, warmup, peak = recipe["max_steps"], recipe["warmup_steps"], recipe["peak_lr"]
    rates = [m.lr_at(s, max_steps, peak, warmup) for s in range(max_steps)]
    min_ratio = rates[-1] / peak

    width, height = 12.0, 9.3
    fig, ax = new_figure(width, height)
    title(ax, "O laço de treino de um LLM",
          "o laço do capítulo 00 com os acessórios de um LLM; os números são os da receita do curso")

    col_x, col_w, box_h = 4.25, 5.9, 1.0
    ys = [7.2, 5.95, 4.7, 3.45, 2.2]
    left = col_x - col_w / 2
    steps = [
        ([bold("taxa de aprendizado do cronograma")], "aquecimento + decaimento cosseno",
         [code('group["lr"] = lr_at(step, …)')], "yellow"),
        ([bold("um lote → "), bold("forward", italic=True), bold(" e perda")],
         "em precisão mista: bf16, fp16 ou fp32",
         [code("with autocast: "), code("loss = calc_loss_batch(…)")], "green"),
        ([bold("backward", italic=True)], "zera os gradientes e calcula os novos",
         [code("loss.backward()")], "purple"),
        ([bold("recorte do gradiente")], "a norma de todos os gradientes fica ≤ 1",
         [code("clip_grad_norm_(model.parameters(), 1.0)")], "red"),
        ([bold("passo do AdamW")], "decaimento de pesos só nas matrizes",
         [code("optimizer.step()")], "orange"),
    ]
    boxes = []
    for n, (y, (name, gloss, snippet, color)) in enumerate(zip(ys, steps, strict=True), start=1):
        boxes.append(box(ax, col_x, y, col_w, box_h, color=color))
        badge(ax, left + 0.38, y, n, color=color, radius=0.21, size=12.5)
        draw_lines(ax, left + 0.75, y, [name, plain(gloss, color=MUTED, size=SMALL_SIZE), snippet],
                   size=BODY_SIZE, ha="left")
    for y_from, y_to in zip(ys, ys[1:]):
        arrow(ax, (col_x, y_from - box_h / 2), (col_x, y_to + box_h / 2), gap=1.0, head=13, lw=1.8)

    # de volta ao passo 1: o próximo passo do laço
    x_back, y_low = 0.6, 1.2
    path_arrow(ax, [(col_x, ys[-1] - box_h / 2), (col_x, y_low), (x_back, y_low), (x_back, ys[0]),
                    (left - 0.03, ys[0])], lw=1.8, head=13)
    draw_lines(ax, x_back + 0.15, y_low + 0.2,
               [[plain("próximo passo, até "), code("max_steps"), plain(f" = {thousands(max_steps)}")]],
               size=SMALL_SIZE, color=MUTED, ha="left")

    # o cronograma, em miniatura, ao lado do passo 1
    sx0, sx1, sy0, sy1 = 7.75, 11.7, ys[0] - 0.62, ys[0] + 0.62
    box(ax, (sx0 + sx1) / 2, (sy0 + sy1) / 2, sx1 - sx0, sy1 - sy0, color="yellow", face="white", lw=1.2)
    ax.plot([left + col_w + 0.02, sx0 - 0.02], [ys[0], ys[0]], color=PALETTE["yellow"].edge, lw=1.3,
            ls=(0, (3, 2)), zorder=1)
    px0, px1, py0, py1 = sx0 + 0.25, sx1 - 0.25, sy0 + 0.28, sy1 - 0.42
    ax.plot([px0, px1], [py0, py0], color="#C5CCD6", lw=1.0, zorder=3)
    xs = [px0 + (px1 - px0) * s / (max_steps - 1) for s in range(max_steps)]
    ys_curve = [py0 + (py1 - py0) * r / peak for r in rates]
    ax.plot(xs, ys_curve, color=PALETTE["yellow"].edge, lw=2.2, zorder=4, solid_capstyle="round")
    draw_lines(ax, sx0 + 0.15, sy1 - 0.2,
               [[bold("taxa de aprendizado", color=PALETTE["yellow"].text),
                 plain(f"  pico {decimal_br(peak, 3)}", color=MUTED)]], size=SMALL_SIZE - 0.5, ha="left")
    draw_lines(ax, px0, py0 - 0.14, [f"aquecimento: {thousands(warmup)} passos"], size=SMALL_SIZE - 1.5,
               color=MUTED, ha="left")
    draw_lines(ax, px1, py0 - 0.14, [f"cosseno até {round(100 * min_ratio)} % do pico"], size=SMALL_SIZE - 1.5,
               color=MUTED, ha="right")

    # a cada eval_every passos: avaliar, guardar o melhor, mostrar uma amostra
    fx0, fx1, fy0, fy1 = 7.75, 11.7, 1.45, 5.55
    frame(ax, fx0, fy0, fx1, fy1)
    fcx = (fx0 + fx1) / 2
    draw_lines(ax, fx0 + 0.2, fy1 - 0.3,
               [[bold("a cada "), code("eval_every", bold=True), bold(f" = {recipe['eval_every']} passos")]],
               size=BODY_SIZE, ha="left")
    blue = PALETTE["blue"]
    eval_y, eval_h = ys[-1], 0.95
    eval_box = box(ax, fcx, eval_y, fx1 - fx0 - 0.4, eval_h,
                   [[bold("avaliar treino e validação", color=blue.text)],
                    plain(f"a perda em {recipe['eval_batches']} lotes de cada", color=MUTED, size=SMALL_SIZE),
                    [code("calc_loss_loader(…)", size=SMALL_SIZE)]],
                   color="blue", size=BODY_SIZE)
    arrow(ax, (left + col_w, ys[-1]), (fcx, eval_y), patch_b=eval_box, gap=2.0, head=13, lw=1.8,
          linestyle=(0, (4, 2)))
    out_y, out_w, out_h = 3.95, 1.7, 1.05
    out_xs = [fx0 + 0.2 + out_w / 2, fx1 - 0.2 - out_w / 2]
    outcomes = [
        [[bold("guardar o melhor", color=PALETTE["green"].text)], plain("(parada antecipada)", size=SMALL_SIZE),
         plain("se a validação caiu", color=MUTED, size=SMALL_SIZE - 0.5)],
        [[bold("amostra de texto", color=PALETTE["teal"].text)], plain("continua um prompt", size=SMALL_SIZE),
         plain("para ver o progresso", color=MUTED, size=SMALL_SIZE - 0.5)],
    ]
    # quem faz cada uma: o próprio train_model, se receber patience; o on_eval de quem chama
    callers = [[plain("com "), code("patience")], [plain("no "), code("on_eval(…)")]]
    for x, lines, color, caller in zip(out_xs, outcomes, ("green", "teal"), callers, strict=True):
        box(ax, x, out_y, out_w, out_h, lines, color=color, size=BODY_SIZE - 0.5)
        arrow(ax, (x, eval_y + eval_h / 2), (x, out_y - out_h / 2), gap=1.0, head=12, lw=1.6)
        draw_lines(ax, x, out_y + out_h / 2 + 0.2, [caller], size=SMALL_SIZE - 0.5, color=MUTED)

    draw_lines(ax, 0.4, 0.5,
               [[plain("Receita do curso: ", color=MUTED),
                 plain(f"lote de {recipe['batch_size']} × {recipe['context_length']} tokens, "
                       f"decaimento de pesos {decimal_br(recipe['weight_decay'], 1)}, "
                       f"{thousands(max_steps)} passos (bloco ", color=MUTED),
                 code("receita_do_curso", color=MUTED), plain(").", color=MUTED)]],
               size=SMALL_SIZE, ha="left")
    save(fig, HERE / "laco-de-treino-llm")


# --- decodificacao -----------------------------------------------------------------------------


def decoding(m) -> None:
    tokens = list(TOY_LOGITS)
    logits = torch.tensor([TOY_LOGITS[t] for t in tokens])
    order = torch.sort(logits, descending=True).indices  # do mais provável para o menos
    tokens = [tokens[i] for i in order.tolist()]
    logits = logits[order]
    probs = torch.softmax(logits, dim=-1)
    by_temperature = {t: torch.softmax(logits / t, dim=-1) for t in TEMPERATURES}
    kept_k = torch.zeros(len(tokens), dtype=torch.bool)
    kept_k[torch.topk(probs, TOP_K).indices] = True
    cumulative = probs.cumsum(dim=-1)  # já em ordem decrescente
    kept_p = (cumulative - probs) < TOP_P  # entra quem encontra a soma ainda abaixo de p
    # o mesmo corte que o `generate` do capítulo faz (bloco gerar)
    assert torch.equal(torch.isfinite(m.keep_top(logits[None], top_k=TOP_K))[0], kept_k)
    assert torch.equal(torch.isfinite(m.keep_top(logits[None], top_p=TOP_P))[0], kept_p)
    n_nucleus = int(kept_p.sum())
    assert TOP_K < n_nucleus < len(tokens)  # os dois cortes ficam diferentes na figura
    greedy = int(probs.argmax())

    width, height = 12.0, 10.9
    fig, ax = new_figure(width, height)
    title(ax, "Decodificação: quatro jeitos de escolher o próximo token",
          f"a mesma distribuição depois de “{PROMPT}”: {len(tokens)} candidatos com logits ilustrativos (inventados)")

    # a distribuição de partida: logits → a softmax
    top_y = 9.05
    draw_lines(ax, 0.4, top_y + 0.32,
               [[plain("os "), bold("logits"), plain(f" dos {len(tokens)} candidatos (o modelo dá um a cada token do "
                                                      "vocabulário); "),
                 bold("a softmax"), plain(" os transforma em probabilidades")]],
               size=BODY_SIZE, ha="left")
    chip_x = 0.4
    for token, value in zip(tokens, logits.tolist(), strict=True):
        label = [*token_spans(token, is_bold=True), plain(f"  {decimal_br(value, 1)}", color=MUTED)]
        w = line_width(ax, label, BODY_SIZE) + 0.3
        pill(ax, chip_x, top_y - 0.18, label, color="gray", size=BODY_SIZE, ha="left", is_bold=False,
             height=0.4, pad_x=0.15)
        chip_x += w + 0.2

    panel_w, panel_h = 5.45, 3.55
    lefts = [0.4, width - 0.4 - panel_w]
    tops = [8.25, 8.25 - panel_h - 0.3]
    row_h, bar_h, scale = 0.35, 0.22, 2.25  # scale: polegadas por unidade de probabilidade
    label_w = 1.2

    def panel(x0: float, y_top: float, heading: list, note: list) -> None:
        frame(ax, x0, y_top - panel_h, x0 + panel_w, y_top)
        draw_lines(ax, x0 + 0.2, y_top - 0.3, [heading], size=HEADING_SIZE - 0.5, ha="left")
        draw_lines(ax, x0 + 0.2, y_top - panel_h + 0.2, note, size=SMALL_SIZE, color=MUTED, ha="left",
                   va="bottom")

    def rows(x0: float, y_first: float, values, colors, *, text_colors=None, show_labels=True) -> None:
        for r, (token, value, color) in enumerate(zip(tokens, values.tolist(), colors, strict=True)):
            y = y_first - r * row_h
            text_color = text_colors[r] if text_colors else None
            if show_labels:
                draw_lines(ax, x0 + label_w - 0.1, y, [token_spans(token, color=text_color)], size=SMALL_SIZE + 0.5,
                           ha="right")
            bar(ax, x0 + label_w, y, value * scale, bar_h, color)
            label = decimal_br(value) if value >= 0.005 else f"< {decimal_br(0.01)}"  # não mostra "0,00"
            draw_lines(ax, x0 + label_w + value * scale + 0.07, y, [plain(label, color=text_color)],
                       size=SMALL_SIZE, ha="left")

    y_rows = 0.85  # distância do topo do painel à primeira linha

    # gulosa
    x0, y_top = lefts[0], tops[0]
    green = PALETTE["green"]
    panel(x0, y_top, [bold("gulosa", color=green.text), plain(": sempre o mais provável")],
          [[plain("escolhe "), *token_spans(tokens[greedy]), plain(" toda vez: nenhum sorteio,")],
           "o mesmo prompt dá sempre o mesmo texto"])
    colors = [green.edge if r == greedy else blend(green.edge, 0.3) for r in range(len(tokens))]
    rows(x0 + 0.1, y_top - y_rows, probs, colors)
    draw_lines(ax, x0 + 0.1 + label_w + float(probs[greedy]) * scale + 0.6, y_top - y_rows,
               [bold("← escolhido", color=green.text)], size=SMALL_SIZE, ha="left")

    # temperatura
    x0, y_top = lefts[1], tops[0]
    purple = PALETTE["purple"]
    low, high = TEMPERATURES
    panel(x0, y_top, [bold("temperatura", color=purple.text), plain(": a softmax de logits ÷ T")],
          [[plain(f"T = {decimal_br(low, 1)}: mais pontuda (mais previsível)")],
           [plain(f"T = {decimal_br(high, 1)}: mais achatada (mais variada); sorteia")]])
    column = 2.05
    for c, t in enumerate(TEMPERATURES):
        cx = x0 + 0.1 + c * column
        draw_lines(ax, cx + label_w, y_top - y_rows + 0.32, [bold(f"T = {decimal_br(t, 1)}", color=purple.text)],
                   size=SMALL_SIZE, ha="left")
        shade = purple.edge if t < 1 else blend(purple.edge, 0.55)
        rows(cx, y_top - y_rows - 0.1, by_temperature[t], [shade] * len(tokens), show_labels=c == 0)

    # top-k
    x0, y_top = lefts[0], tops[1]
    orange = PALETTE["orange"]
    panel(x0, y_top, [bold("top-k", italic=True, color=orange.text),
                      plain(f" (k = {TOP_K}): só os {TOP_K} mais prováveis")],
          ["os outros saem; sorteia entre os que ficam,", "com as probabilidades renormalizadas (soma 1)"])
    kept = kept_k.tolist()
    rows(x0 + 0.1, y_top - y_rows, probs, [orange.edge if k else GREY_BAR for k in kept],
         text_colors=[None if k else "#A0A9B5" for k in kept])
    cut_y = y_top - y_rows - (TOP_K - 0.5) * row_h
    ax.plot([x0 + 0.25, x0 + panel_w - 0.2], [cut_y, cut_y], color=orange.edge, lw=1.2, ls=(0, (4, 3)), zorder=2)
    draw_lines(ax, x0 + 3.6, cut_y - 0.2, [plain(f"↑ ficam os {TOP_K}", color=orange.text)], size=SMALL_SIZE)

    # top-p
    x0, y_top = lefts[1], tops[1]
    teal = PALETTE["teal"]
    panel(x0, y_top, [bold("top-p", italic=True, color=teal.text), plain(f" (p = {decimal_br(TOP_P, 1)}): o núcleo")],
          [[plain(f"os mais prováveis até a soma chegar a {decimal_br(TOP_P, 1)};")],
           [plain("o que faz a soma passar entra; sorteia no núcleo")]])
    kept = kept_p.tolist()
    text_colors = [None if k else "#A0A9B5" for k in kept]
    rows(x0 + 0.1, y_top - y_rows - 0.1, probs, [teal.edge if k else GREY_BAR for k in kept], text_colors=text_colors)
    acc_x = x0 + panel_w - 0.35
    draw_lines(ax, acc_x, y_top - y_rows + 0.22, [bold("acumulada", color=teal.text)], size=SMALL_SIZE, ha="right")
    for r, value in enumerate(cumulative.tolist()):
        color = text_colors[r] or (teal.text if r == n_nucleus - 1 else None)
        draw_lines(ax, acc_x, y_top - y_rows - 0.1 - r * row_h,
                   [bold(decimal_br(value), color=color) if r == n_nucleus - 1 else plain(decimal_br(value),
                                                                                           color=color)],
                   size=SMALL_SIZE, ha="right")
    cut_y = y_top - y_rows - 0.1 - (n_nucleus - 0.5) * row_h
    ax.plot([x0 + 0.25, x0 + panel_w - 0.2], [cut_y, cut_y], color=teal.edge, lw=1.2, ls=(0, (4, 3)), zorder=2)
    draw_lines(ax, x0 + 3.2, cut_y - 0.2,
               [plain(f"↑ núcleo: {n_nucleus} tokens (soma ≥ {decimal_br(TOP_P, 1)})", color=teal.text)],
               size=SMALL_SIZE)

    draw_lines(ax, 0.4, 0.42,
               [[plain("No capítulo: "), code("generate(model, idx, …, temperature, top_k, top_p)"),
                 plain("; temperature = 0 é a gulosa. Temperatura, top-k e top-p podem ser combinados.")]],
               size=SMALL_SIZE, color=MUTED, ha="left")
    save(fig, HERE / "decodificacao")


# --- divisao-e-bpc -----------------------------------------------------------------------------


def split_and_bpc(m) -> None:
    # cada livro de treino cortado pelo `split_by_position` do capítulo; o de teste fica inteiro, de fora
    books = []
    for name in m.TRAINING_BOOKS:
        text = m.read_book(name)
        train_part, val_part = m.split_by_position(text)
        assert train_part + val_part == text
        books.append((name, len(text), len(val_part)))
    test_chars = len(m.read_book(m.TEST_BOOK))
    assert m.TEST_BOOK not in m.TRAINING_BOOKS and len(books) + 1 == len(m.MACHADO_BOOKS)
    train_text, val_text = m.machado_split()
    total = len(train_text) + len(val_text)
    vocab_size = course_recipe()["vocab_size"]
    tokenizer = m.train_tokenizer(train_text, vocab_size)
    gpt2 = tiktoken.get_encoding("gpt2")
    ours_pieces = [tokenizer.decode([i]) for i in tokenizer.encode(BPC_SENTENCE)]
    gpt2_pieces = [gpt2.decode_single_token_bytes(i).decode("utf-8") for i in gpt2.encode(BPC_SENTENCE)]
    assert "".join(ours_pieces) == "".join(gpt2_pieces) == BPC_SENTENCE
    assert len(ours_pieces) < len(gpt2_pieces)

    width, height = 12.0, 12.9
    fig, ax = new_figure(width, height)
    title(ax, "Treino, validação, teste e bits por caractere",
          f"como o capítulo separa os {in_words(len(m.MACHADO_BOOKS))} livros e por que compara modelos em bits por "
          "caractere (bpc)")
    green, orange, purple = PALETTE["green"], PALETTE["orange"], PALETTE["purple"]

    # (a) a divisão: sete livros cortados por posição, um livro de teste de fora
    top, bottom = 11.75, 5.0
    frame(ax, 0.4, bottom, width - 0.4, top)
    draw_lines(ax, 0.6, top - 0.32,
               [[bold(f"a divisão: {in_words(len(books))} livros, cada um cortado por posição, sem embaralhar")]],
               size=HEADING_SIZE, ha="left")
    title_x, meta_x, bar_x0, count_x = 0.6, 2.9, 4.15, 11.4
    bar_max = 10.45 - bar_x0  # polegadas do livro mais longo
    per_char = bar_max / max([n for _, n, _ in books] + [test_chars])
    row_h, bar_h = 0.43, 0.28

    def book_label(y: float, name: str, color: str | None = None) -> None:
        book_title, year, genre, _ = m.MACHADO_BOOKS[name]
        draw_lines(ax, title_x, y, [[bold(book_title, italic=True, color=color)]], size=BODY_SIZE - 0.5, ha="left")
        draw_lines(ax, meta_x, y, [plain(f"{year} · {genre}", color=MUTED)], size=SMALL_SIZE, ha="left")

    def count(y: float, n: int) -> None:
        draw_lines(ax, count_x, y, [plain(thousands(n), color=MUTED)], size=SMALL_SIZE, ha="right")

    # legenda e cabeçalho da coluna de números
    legend_y = top - 0.82
    swatch_w = 0.32
    legend_x = title_x
    for color, label in ((green, "treino: o começo de cada livro"),
                         (orange, "validação: os últimos 10 %, a partir de um fim de parágrafo")):
        bar(ax, legend_x, legend_y, swatch_w, bar_h * 0.7, color.edge)
        draw_lines(ax, legend_x + swatch_w + 0.1, legend_y, [label], size=SMALL_SIZE, ha="left", color=color.text)
        legend_x += swatch_w + 0.1 + line_width(ax, [plain(label)], SMALL_SIZE) + 0.35
    draw_lines(ax, count_x, legend_y, [bold("caracteres", color=MUTED)], size=SMALL_SIZE, ha="right")

    y = legend_y - 0.5
    for name, n_chars, n_val in books:
        book_label(y, name)
        train_w, val_w = per_char * (n_chars - n_val), per_char * n_val
        box(ax, bar_x0 + train_w / 2, y, train_w - 0.03, bar_h, color="green", rounding=0.05, lw=1.2)
        box(ax, bar_x0 + train_w + val_w / 2, y, val_w - 0.03, bar_h, color="orange", rounding=0.05, lw=1.2)
        count(y, n_chars)
        y -= row_h
    last_book_y = y + row_h

    # as partes juntadas: o que o capítulo imprime
    totals_y = last_book_y - 0.5
    draw_lines(ax, title_x, totals_y,
               [[plain("juntando as partes com "), code(m.EOT), plain(" entre os livros:  "),
                 bold("treino", color=green.text),
                 plain(f" {thousands(len(train_text))} caracteres ({percent(len(train_text) / total)}),  "),
                 bold("validação", color=orange.text),
                 plain(f" {thousands(len(val_text))} ({percent(len(val_text) / total)})")]],
               size=SMALL_SIZE + 0.5, ha="left")

    # o livro de teste, separado
    sep_y = totals_y - 0.38
    ax.plot([0.6, width - 0.6], [sep_y, sep_y], color=purple.edge, lw=1.2, ls=(0, (5, 3)), zorder=1)
    test_head_y = sep_y - 0.32
    draw_lines(ax, title_x, test_head_y,
               [[bold("livro de teste: nunca treinado, medido uma vez no fim", color=purple.text),
                 plain("  (nada no capítulo é escolhido olhando para ele)", color=MUTED)]],
               size=BODY_SIZE - 0.5, ha="left")
    test_y = test_head_y - 0.48
    book_label(test_y, m.TEST_BOOK, color=purple.text)
    test_w = per_char * test_chars
    box(ax, bar_x0 + test_w / 2, test_y, test_w - 0.03, bar_h, [plain("inteiro, fora do treino e da validação")],
        color="purple", rounding=0.05, lw=1.2, size=SMALL_SIZE - 0.5, text_color=purple.text, pad=0)
    count(test_y, test_chars)

    pill(ax, 0.6, bottom + 0.42, [bold("sem embaralhar: "), plain("nenhuma frase da validação aparece no treino")],
         color="yellow", size=BODY_SIZE, ha="left", is_bold=False, height=0.44, pad_x=0.2)
    draw_lines(ax, count_x, bottom + 0.42,
               ["janelas sorteadas do texto todo vazariam", "frases vizinhas para os dois lados"],
               size=SMALL_SIZE, color=MUTED, ha="right")

    # (b) por que bits por caractere
    frame(ax, 0.4, 0.35, width - 0.4, 4.75)
    draw_lines(ax, 0.6, 4.43, [[bold("por que bits por caractere")]], size=HEADING_SIZE, ha="left")
    unit = 0.29  # polegadas por caractere da frase
    tx0 = 2.75
    piece_h = 0.5
    n_chars = len(BPC_SENTENCE)

    def token_row(y: float, pieces: list[str], label: list, color: str) -> None:
        draw_lines(ax, 0.6, y, [label, plain(f"{len(pieces)} tokens", color=MUTED)], size=BODY_SIZE, ha="left")
        start = 0
        for piece in pieces:
            left_x = tx0 + start * unit + 0.025
            w = len(piece) * unit - 0.05
            box(ax, left_x + w / 2, y, w, piece_h, [token_spans(piece)], color=color, size=BODY_SIZE + 1,
                rounding=0.06, lw=1.2, pad=0.02)
            start += len(piece)

    row1, row2 = 3.75, 2.95
    token_row(row1, gpt2_pieces, [bold("GPT-2")], "gray")
    token_row(row2, ours_pieces, [bold("nosso BPE")], "green")
    sx = tx0 + n_chars * unit + 0.3
    draw_lines(ax, sx, (row1 + row2) / 2,
               [[plain("a mesma frase: "), bold(f"{n_chars} caracteres")],
                [plain(f"GPT-2 ({thousands(gpt2.n_vocab)} tokens, inglês): "), bold(str(len(gpt2_pieces)))],
                [plain(f"nosso BPE ({thousands(vocab_size)}, em Machado): "),
                 bold(str(len(ours_pieces)))]],
               size=SMALL_SIZE + 0.5, ha="left")

    formula_y = 1.95
    box(ax, 3.7, formula_y, 6.2, 0.62,
        [[bold("bpc"), plain(" = "), plain("perda por token × tokens"), plain("  ÷  "),
          plain("(caracteres × ln 2)")]],
        color="blue", size=HEADING_SIZE - 0.5, face="white")
    draw_lines(ax, 7.05, formula_y,
               [[bold("a perda por token depende do tokenizador;")], [bold("o bpc, não")]],
               size=BODY_SIZE, ha="left", color=PALETTE["blue"].text)
    n_gpt2, n_ours = len(gpt2_pieces), len(ours_pieces)
    draw_lines(ax, 0.6, 0.9,
               [[plain("perda × tokens = o custo do texto inteiro (em nats); ÷ caracteres e ÷ ln 2 = bits por "
                       "caractere, a mesma régua para qualquer tokenizador")],
                [plain(f"ex.: o mesmo custo C dá perda por token C ÷ {n_gpt2} no GPT-2 e C ÷ {n_ours} no nosso; "
                       f"por caractere, C ÷ {n_chars} nos dois")]],
               size=SMALL_SIZE, color=MUTED, ha="left")
    save(fig, HERE / "divisao-e-bpc")


def main() -> None:
    # os livros vêm pelo `download_file` do curso, do espelho DATA_DIR, num cache temporário
    with course_environment(DATA_DIR):
        m = chapter_blocks()
        training_loop(m)
        decoding(m)
        split_and_bpc(m)


if __name__ == "__main__":
    main()
