"""Infográficos do capítulo 02 — Texto vira número.

Gera, nesta pasta, PNG e SVG de:
- granularidade: a mesma frase quebrada em caracteres, palavras e subpalavras (BPE do GPT-2);
- bpe-passo-a-passo: três junções de byte-pair encoding num corpus minúsculo em português;
- janela-deslizante: pares entrada–alvo com `max_length` e `stride`;
- embeddings: ids → embedding de token + embedding de posição → tensor de entrada do GPT.

Todos os tokens, ids, junções e janelas são calculados aqui (com o `tiktoken` e um BPE de
brinquedo), nada é digitado à mão. Sem internet, o `tiktoken` precisa de um cache local: defina
TIKTOKEN_CACHE_DIR (se não estiver definida, usamos `../shared/dados/tiktoken-cache` ao lado do
projeto, se existir).

Rode com `python ferramentas/infograficos.py 02` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import numpy as np  # noqa: E402
import tiktoken  # noqa: E402
import torch  # noqa: E402
from desenho import (  # noqa: E402
    ARROW,
    BODY_SIZE,
    HEADING_SIZE,
    INK,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    SPACE,
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
    pill,
    plain,
    plus_sign,
    save,
    title,
    token_spans,
)
from matplotlib.patches import Rectangle  # noqa: E402
from numeros import thousands  # noqa: E402
from raiz import use_shared_tiktoken_cache  # noqa: E402

use_shared_tiktoken_cache()  # o mesmo espelho offline que os testes usam, se TIKTOKEN_CACHE_DIR não vier definida
HERE = Path(__file__).resolve().parent

SENTENCE = "Capitu tinha olhos de ressaca."
WORD_PATTERN = r"\w+|[^\w\s]"  # palavras ou um sinal de pontuação
LONG_SENTENCE = "Capitu tinha olhos de ressaca, de cigana oblíqua e dissimulada."
BPE_TEXT = "não são mãos, são pães; não, não"
BPE_MERGES = 3
MAX_LENGTH = 4  # tamanho da janela (tokens de entrada por exemplo)
BATCH_SIZE = 8  # como no capítulo: lote de 8 sequências
EMB_DIM = 256  # dimensão dos embeddings usada no capítulo


def gpt2_encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding("gpt2")


def token_pieces(encoding: tiktoken.Encoding, ids: list[int]) -> list[str]:
    """Texto de cada token, decodificando um id por vez (todos os tokens aqui são UTF-8 completo)."""
    pieces = []
    for token_id in ids:
        raw = encoding.decode_single_token_bytes(token_id)
        pieces.append(raw.decode("utf-8"))  # falha alto se algum token for um pedaço de caractere
    return pieces


# --- granularidade -----------------------------------------------------------------------------


def granularity() -> None:
    encoding = gpt2_encoding()
    ids = encoding.encode(SENTENCE)
    pieces = token_pieces(encoding, ids)
    assert "".join(pieces) == SENTENCE

    # cada peça como (início, fim) em caracteres da frase: assim as três linhas ficam alinhadas
    chars = [(i, i + 1) for i in range(len(SENTENCE))]
    words = [m.span() for m in re.finditer(WORD_PATTERN, SENTENCE)]
    subwords = []
    start = 0
    for piece in pieces:
        subwords.append((start, start + len(piece)))
        start += len(piece)

    fig, ax = new_figure(12.0, 7.2)
    title(ax, "Três jeitos de picar a mesma frase",
          "caracteres, palavras ou subpalavras: o tamanho do vocabulário contra o tamanho da sequência")
    unit = 0.27  # polegadas por caractere da frase
    x0 = 0.4
    gap = 0.05
    box_h = 0.52
    notes_x0, notes_x1 = x0 + unit * len(SENTENCE) + 0.35, 11.6
    notes_w = notes_x1 - notes_x0

    def row(y: float, spans: list[tuple[int, int]], color: str, label: str, ids_below: list[int] | None,
            note: list) -> None:
        count = len(spans)
        draw_lines(ax, x0, y + box_h / 2 + 0.3,
                   [[bold(label), plain(f"  ·  {count} peças", color=MUTED)]], size=HEADING_SIZE - 1, ha="left")
        for k, (a, b) in enumerate(spans):
            text = SENTENCE[a:b]
            left = x0 + a * unit + gap / 2
            width = (b - a) * unit - gap
            box(ax, left + width / 2, y, width, box_h, [token_spans(text)], color=color, size=BODY_SIZE + 1,
                rounding=0.06, lw=1.2, pad=0.02)
            if ids_below is not None:
                draw_lines(ax, left + width / 2, y - box_h / 2 - 0.2, [code(str(ids_below[k]), color=MUTED)],
                           size=SMALL_SIZE - 0.5)
        box(ax, notes_x0 + notes_w / 2, y - 0.1, notes_w, 0.92, note, color=color, size=SMALL_SIZE, ha="left",
            pad=0.16, lw=1.2)

    y_chars, y_words, y_sub = 5.15, 3.5, 1.85
    row(y_chars, chars, "gray", "caracteres", None,
        [bold("poucos símbolos,"), bold("sequências longas"),
         plain("vocabulário: letras, dígitos e", color=MUTED), plain("pontuação; nada fica de fora", color=MUTED)])
    row(y_words, words, "blue", "palavras", None,
        [bold("muitos símbolos,"), bold("palavras desconhecidas"),
         plain("cada forma é um símbolo; a que", color=MUTED),
         [plain("faltar no vocabulário vira ", color=MUTED), code("<|unk|>", color=MUTED)]])
    row(y_sub, subwords, "green", "subpalavras (BPE do GPT-2)", ids,
        [bold("meio-termo"), plain(f"{thousands(encoding.n_vocab)} símbolos no GPT-2;", color=MUTED),
         plain("palavra frequente: um token;", color=MUTED),
         plain("palavra rara: vários pedaços", color=MUTED)])
    draw_lines(ax, notes_x0, y_chars + box_h / 2 + 0.3, [bold("o preço de cada escolha")],
               size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, x0, 0.55,
               [[plain("Palavras: a expressão regular "), code(WORD_PATTERN), plain(" (palavras e pontuação).")],
                [plain("Subpalavras: ids reais do tokenizador do GPT-2 ("), code('tiktoken.get_encoding("gpt2")'),
                 plain("), um id por token. "), code(SPACE), plain(" marca um espaço.")]],
               size=SMALL_SIZE, color=MUTED, ha="left")
    save(fig, HERE / "granularidade")


# --- bpe-passo-a-passo -------------------------------------------------------------------------


def pair_counts(corpus: list[list[str]]) -> Counter:
    """Conta pares de símbolos vizinhos dentro de cada palavra (nunca entre palavras).

    O `Counter` guarda os pares na ordem da primeira ocorrência; como `max` devolve o primeiro
    máximo que encontra, um empate fica com o par que apareceu primeiro no corpus."""
    counts: Counter = Counter()
    for word in corpus:
        for pair in zip(word, word[1:]):
            counts[pair] += 1
    return counts


def merge_pair(corpus: list[list[str]], pair: tuple[str, str]) -> list[list[str]]:
    """Troca cada ocorrência de `pair` (da esquerda para a direita) pelo símbolo novo."""
    merged = []
    for word in corpus:
        out: list[str] = []
        i = 0
        while i < len(word):
            if i + 1 < len(word) and (word[i], word[i + 1]) == pair:
                out.append(word[i] + word[i + 1])
                i += 2
            else:
                out.append(word[i])
                i += 1
        merged.append(out)
    return merged


def train_tiny_bpe(text: str, merges: int) -> tuple[list[list[str]], list[dict]]:
    """BPE de brinquedo sobre caracteres: devolve o corpus inicial e, por junção, o par escolhido,
    sua contagem, em que palavras ele aparece e o corpus depois da junção."""
    corpus = [list(word) for word in re.findall(r"\w+", text)]
    start = corpus
    steps = []
    for _ in range(merges):
        counts = pair_counts(corpus)
        pair, count = max(counts.items(), key=lambda item: item[1])  # empate: o primeiro visto
        # de onde vem a contagem: quantas vezes o par aparece em cada palavra distinta
        sources: Counter = Counter()
        for word in corpus:
            hits = sum(1 for p in zip(word, word[1:]) if p == pair)
            if hits:
                sources["".join(word)] += hits
        corpus = merge_pair(corpus, pair)
        steps.append({"pair": pair, "count": count, "sources": sources, "corpus": corpus})
    return start, steps


def bpe_steps() -> None:
    start, steps = train_tiny_bpe(BPE_TEXT, BPE_MERGES)
    alphabet = list(dict.fromkeys(ch for word in start for ch in word))
    blue = PALETTE["blue"]

    fig, ax = new_figure(11.8, 8.2)
    title(ax, "BPE: junte o par mais frequente, repita",
          f"byte-pair encoding num corpus minúsculo: “{BPE_TEXT}”")

    x0 = 0.4
    text_x = x0 + 0.6
    sym_h = 0.46
    sym_gap = 0.04
    word_gap = 0.24
    pad = 0.075
    head_size = BODY_SIZE
    sym_size = BODY_SIZE + 1
    min_w = line_width(ax, [code("m", bold=True)], sym_size) + 2 * pad

    def symbol_box(x: float, y: float, symbol: str, color: str = "white") -> float:
        """Caixinha de um símbolo com a borda esquerda em `x`; devolve a largura."""
        w = max(line_width(ax, [code(symbol, bold=True)], sym_size) + 2 * pad, min_w)
        if color == "white":
            span, lw = code(symbol), 1.1
        else:
            span, lw = code(symbol, color=PALETTE[color].text, bold=True), 1.6
        box(ax, x + w / 2, y, w, sym_h, [span], color=color, size=sym_size, rounding=0.06, lw=lw, pad=0.02)
        return w

    def corpus_row(y: float, corpus: list[list[str]], new_symbol: str | None, vocab_size: int) -> None:
        """As palavras do corpus lado a lado, cada símbolo numa caixinha; o símbolo novo em laranja."""
        cursor = text_x
        for word in corpus:
            for symbol in word:
                cursor += symbol_box(cursor, y, symbol, "orange" if symbol == new_symbol else "white") + sym_gap
            cursor += word_gap - sym_gap
        total = sum(len(word) for word in corpus)
        draw_lines(ax, 11.4, y,
                   [[plain("corpus: ", color=MUTED), bold(f"{total} símbolos")],
                    [plain("vocabulário: ", color=MUTED), bold(f"{vocab_size} símbolos")]],
                   size=SMALL_SIZE, ha="right")

    # passo 0: só caracteres
    y_head = 6.95
    step_h = 1.45
    badge(ax, x0 + 0.22, y_head, 0, color="gray")
    draw_lines(ax, text_x, y_head,
               [[bold("início: cada palavra quebrada em caracteres"),
                 plain("  (pontuação fora; pares só dentro de uma palavra)", color=MUTED)]],
               size=head_size, ha="left")
    vocab_size = len(alphabet)
    corpus_row(y_head - 0.6, start, None, vocab_size)

    for k, step in enumerate(steps, start=1):
        y_head = 6.95 - k * step_h
        a, b = step["pair"]
        new_symbol = a + b
        vocab_size += 1
        badge(ax, x0 + 0.22, y_head, k, color="orange")
        cursor = text_x
        label = [bold("par mais frequente:")]
        draw_lines(ax, cursor, y_head, label, size=head_size, ha="left")
        cursor += line_width(ax, label, head_size) + 0.15
        for i, symbol in enumerate((a, b)):
            cursor += symbol_box(cursor, y_head, symbol, "blue")
            if i == 0:
                draw_lines(ax, cursor + 0.14, y_head, ["+"], size=head_size)
                cursor += 0.28
        times = "vez" if step["count"] == 1 else "vezes"
        sources = " + ".join(f"{word} ×{n}" for word, n in step["sources"].items())
        text = [plain("  aparece "), bold(f"{step['count']} {times}", color=blue.text),
                plain(f" ({sources})", color=MUTED)]
        draw_lines(ax, cursor, y_head, [text], size=head_size, ha="left")
        cursor += line_width(ax, text, head_size) + 0.2
        arrow(ax, (cursor, y_head), (cursor + 0.5, y_head), head=12, lw=1.6)
        cursor += 0.62
        label = [bold("novo símbolo:")]
        draw_lines(ax, cursor, y_head, label, size=head_size, ha="left")
        cursor += line_width(ax, label, head_size) + 0.15
        symbol_box(cursor, y_head, new_symbol, "orange")
        corpus_row(y_head - 0.6, step["corpus"], new_symbol, vocab_size)

    learned = [a + b for a, b in (step["pair"] for step in steps)]
    encoding = gpt2_encoding()
    gpt2_merges = encoding.n_vocab - 256 - 1  # 256 bytes iniciais + junções + <|endoftext|>
    box(ax, 5.9, 0.65, 11.0, 0.86,
        [[plain("Vocabulário final: os caracteres "), code(" ".join(alphabet)), plain(" mais as junções "),
          code(" ".join(learned)), plain("; a lista de junções, em ordem, é o tokenizador.")],
         [plain("O BPE do GPT-2 faz o mesmo partindo dos 256 bytes, com "),
          bold(f"{thousands(gpt2_merges)} junções"),
          plain(f": {thousands(encoding.n_vocab)} tokens (contando o "), code("<|endoftext|>"), plain(").")]],
        color="gray", size=SMALL_SIZE, ha="left", pad=0.2)
    save(fig, HERE / "bpe-passo-a-passo")


# --- janela-deslizante -------------------------------------------------------------------------


def sliding_windows(ids: list[int], max_length: int, stride: int) -> list[tuple[int, list[int], list[int]]]:
    """Pares (início, entrada, alvo) como no `Dataset` do capítulo: o alvo é a entrada deslocada 1."""
    return [(i, ids[i:i + max_length], ids[i + 1:i + max_length + 1])
            for i in range(0, len(ids) - max_length, stride)]


def sliding_window() -> None:
    encoding = gpt2_encoding()
    ids = encoding.encode(LONG_SENTENCE)
    pieces = token_pieces(encoding, ids)
    shown_windows = 3
    strides = (4, 2)
    windows = {s: sliding_windows(ids, MAX_LENGTH, s) for s in strides}
    # tokens mostrados: até o último alvo das janelas desenhadas
    n_shown = max(windows[s][shown_windows - 1][0] for s in strides) + MAX_LENGTH + 1
    blue, green = PALETTE["blue"], PALETTE["green"]

    fig, ax = new_figure(12.0, 11.6)
    title(ax, "Janela deslizante: pares entrada → alvo",
          "cada janela de tokens vira um exemplo de treino; o alvo é a mesma janela, um token adiante")
    label_x = 0.4
    grid_x0 = 1.75
    cw = (11.6 - grid_x0) / n_shown
    ch = 0.42

    def col_x(position: int) -> float:
        return grid_x0 + position * cw

    # a frase e seus tokens
    draw_lines(ax, label_x, 10.15,
               [[plain("frase: ", color=MUTED), plain(f"“{LONG_SENTENCE}”"),
                 plain(f"  →  {len(ids)} tokens do GPT-2", color=MUTED)]], size=BODY_SIZE, ha="left")
    y_pos, y_tok, y_id = 9.55, 9.1, 8.68
    draw_lines(ax, label_x, y_pos, [plain("posição", color=MUTED)], size=SMALL_SIZE, ha="left")
    draw_lines(ax, label_x, y_tok, [bold("token")], size=SMALL_SIZE + 0.5, ha="left")
    draw_lines(ax, label_x, y_id, [bold("id")], size=SMALL_SIZE + 0.5, ha="left")
    for p in range(n_shown):
        draw_lines(ax, col_x(p) + cw / 2, y_pos, [plain(str(p), color=MUTED)], size=SMALL_SIZE - 0.5)
        cell(ax, col_x(p), y_tok - ch / 2, cw, ch, face="#EEF1F5")
        draw_lines(ax, col_x(p) + cw / 2, y_tok, [token_spans(pieces[p])], size=BODY_SIZE)
        cell(ax, col_x(p), y_id - ch / 2, cw, ch, face="white")
        draw_lines(ax, col_x(p) + cw / 2, y_id, [code(str(ids[p]))], size=SMALL_SIZE)
    draw_lines(ax, 11.6, y_id - 0.45,
               [plain(f"(os primeiros {n_shown} dos {len(ids)} tokens; {SPACE} marca um espaço)", color=MUTED)],
               size=SMALL_SIZE, ha="right")

    def window_cells(y_row: float, start: int, values: list[int], color: str) -> None:
        colors = PALETTE[color]
        inset = 0.05
        for j, value in enumerate(values):
            box(ax, col_x(start + j) + cw / 2, y_row, cw - 2 * inset, ch, [code(str(value), color=colors.text)],
                color=color, size=SMALL_SIZE, rounding=0.05, lw=1.2, pad=0.02)

    def row_labels(y_in: float, y_out: float) -> None:
        draw_lines(ax, label_x, y_in, [bold("entrada", color=blue.text)], size=SMALL_SIZE + 0.5, ha="left")
        draw_lines(ax, label_x, y_out, [bold("alvo", color=green.text)], size=SMALL_SIZE + 0.5, ha="left")

    def heading(y: float, stride: int, kind: str) -> None:
        draw_lines(ax, label_x, y,
                   [[code(f"max_length = {MAX_LENGTH}"), plain(", "), code(f"stride = {stride}"),
                     bold(f"  →  janelas {kind}"),
                     plain(f"   ({len(windows[stride])} janelas no total; aqui, as {shown_windows} primeiras)",
                           color=MUTED)]],
                   size=BODY_SIZE, ha="left")

    def stride_arrow(y_arrow: float, stride: int) -> None:
        x_start = col_x(0) + 0.05
        arrow(ax, (x_start, y_arrow), (col_x(stride) + 0.05, y_arrow), head=12, lw=1.6, gap=0)
        ax.plot([x_start] * 2, [y_arrow - 0.1, y_arrow + 0.1], color=ARROW, lw=1.6, zorder=3)
        draw_lines(ax, col_x(stride) + 0.2, y_arrow,
                   [[code(f"stride = {stride}"),
                     plain(f": cada janela começa {stride} tokens depois da anterior", color=MUTED)]],
                   size=SMALL_SIZE, ha="left")

    def bracket(y_line: float, start: int, label: str) -> None:
        """Chave horizontal sobre as células de uma janela, com o nome dela em cima."""
        x_a, x_b = col_x(start) + 0.08, col_x(start + MAX_LENGTH) - 0.08
        ax.plot([x_a, x_a, x_b, x_b], [y_line - 0.08, y_line, y_line, y_line - 0.08], color=blue.edge, lw=1.3,
                zorder=3, solid_joinstyle="miter")
        draw_lines(ax, (x_a + x_b) / 2, y_line + 0.17, [bold(label, color=blue.text)], size=SMALL_SIZE)

    # stride = 4: as janelas não se sobrepõem, cabem numa linha só
    stride = strides[0]
    y = 7.65
    heading(y, stride, "sem sobreposição")
    stride_arrow(y - 0.5, stride)
    y_in, y_out = y - 1.4, y - 1.9
    row_labels(y_in, y_out)
    for n, (start, inputs, targets) in enumerate(windows[stride][:shown_windows], start=1):
        bracket(y_in + ch / 2 + 0.1, start, f"janela {n}")
        window_cells(y_in, start, inputs, "blue")
        window_cells(y_out, start + 1, targets, "green")

    # stride = 2: as janelas se sobrepõem, uma por linha
    stride = strides[1]
    y = 5.05
    heading(y, stride, "com sobreposição")
    stride_arrow(y - 0.5, stride)
    for n, (start, inputs, targets) in enumerate(windows[stride][:shown_windows], start=1):
        y_in = y - 1.05 - (n - 1) * 1.1
        y_out = y_in - 0.47
        row_labels(y_in, y_out)
        window_cells(y_in, start, inputs, "blue")
        window_cells(y_out, start + 1, targets, "green")
        draw_lines(ax, col_x(start + MAX_LENGTH + 1) + 0.2, y_in,
                   [[bold(f"janela {n}", color=blue.text),
                     plain(f": entrada = tokens {start}–{start + MAX_LENGTH - 1}", color=MUTED)]],
                   size=SMALL_SIZE, ha="left")
        draw_lines(ax, col_x(start + MAX_LENGTH + 1) + 0.2, y_out,
                   [plain(f"alvo = tokens {start + 1}–{start + MAX_LENGTH}", color=MUTED)],
                   size=SMALL_SIZE, ha="left")

    box(ax, 6.0, 0.45, 11.2, 0.58,
        [[bold("alvo = entrada deslocada uma posição", color=green.text),
          plain(": em cada posição da entrada, o alvo é o token seguinte, o que o modelo deve prever")]],
        color="green", size=SMALL_SIZE + 0.5)
    save(fig, HERE / "janela-deslizante")


# --- embeddings --------------------------------------------------------------------------------


def strip(ax, x: float, y: float, width: float, height: float, values, color: str, *, strong: bool = True,
          register: bool = True) -> None:
    """Um vetor de embedding desenhado como uma fileira de células; a cor segue o valor (0 a 1)."""
    n = len(values)
    w = width / n
    for j, v in enumerate(values):
        amount = 0.2 + 0.65 * float(v) if strong else 0.06 + 0.22 * float(v)
        if register:
            cell(ax, x + j * w, y - height / 2, w, height, face=blend(color, amount), edge="white", lw=0.8)
        else:  # dentro da pilha do tensor, onde as folhas se sobrepõem de propósito
            ax.add_patch(Rectangle((x + j * w, y - height / 2), w, height, facecolor=blend(color, amount),
                                   edgecolor="white", linewidth=0.8, zorder=3))


def embeddings() -> None:
    encoding = gpt2_encoding()
    ids = encoding.encode(LONG_SENTENCE)[:MAX_LENGTH]
    pieces = token_pieces(encoding, ids)
    vocab_size = encoding.n_vocab
    context_length = MAX_LENGTH
    token_colors = ["blue", "orange", "green", "purple"]
    teal, purple = PALETTE["teal"], PALETTE["purple"]
    n_cells = 10  # células desenhadas por vetor (o vetor de verdade tem EMB_DIM números)
    # valores só ilustrativos (a cor de cada célula), sorteados com semente fixa; a linha de um id na
    # matriz e o vetor copiado dela usam os mesmos valores
    rng = np.random.default_rng(2)
    shown_rows = [0, *sorted(set(ids)), vocab_size - 1]
    row_values = {token_id: rng.random(n_cells) for token_id in shown_rows}
    pos_values = [rng.random(n_cells) for _ in range(context_length)]

    height = 12.2
    fig, ax = new_figure(12.0, height)
    title(ax, "Embeddings: de ids a vetores",
          "cada id busca uma linha de uma matriz treinável; cada posição ganha outro vetor; os dois se somam")
    y_head, y_sub = 10.45, 10.1
    col_a, mat_x, mat_w, vec_x, vec_w = 0.4, 3.1, 2.2, 6.85, 1.8
    label_x = mat_x + mat_w + 0.1
    row_h, dots_h = 0.36, 0.3
    bar_h = row_h * 0.82

    # coluna A: tokens e ids, um por posição
    pos_y = [9.35 - 0.6 * p for p in range(len(ids))]
    draw_lines(ax, col_a, y_head, [bold("tokens → ids")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, col_a, y_sub, [plain(f"posições 0 a {len(ids) - 1}", color=MUTED)], size=SMALL_SIZE,
               ha="left")
    id_chips = []
    for p, (piece, token_id, color) in enumerate(zip(pieces, ids, token_colors)):
        draw_lines(ax, col_a, pos_y[p], [token_spans(piece)], size=BODY_SIZE, ha="left")
        chip = pill(ax, col_a + 0.7, pos_y[p], code(str(token_id), color=PALETTE[color].text), color=color,
                    size=BODY_SIZE, ha="left", height=0.38)
        id_chips.append(chip)

    # coluna B: a matriz de embeddings de token (esquemática: algumas linhas e reticências)
    draw_lines(ax, mat_x, y_head, [bold("embedding de token")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, mat_x, y_sub, [code(f"nn.Embedding({vocab_size}, {EMB_DIM})")], size=SMALL_SIZE, ha="left")
    row_y: dict[int, float] = {}
    cursor = 9.85
    for r, token_id in enumerate(shown_rows):
        if r > 0:  # reticências: as linhas que não desenhamos
            cursor -= dots_h
            draw_lines(ax, mat_x + mat_w / 2, cursor + dots_h / 2, ["⋮"], size=BODY_SIZE, color=MUTED)
        yc = cursor - row_h / 2
        cursor -= row_h
        row_y[token_id] = yc
        if token_id in ids:
            colors = PALETTE[token_colors[ids.index(token_id)]]
            strip(ax, mat_x, yc, mat_w, bar_h, row_values[token_id], colors.edge)
            draw_lines(ax, label_x, yc, [code(str(token_id), color=colors.text, bold=True)], size=SMALL_SIZE,
                       ha="left")
        else:
            strip(ax, mat_x, yc, mat_w, bar_h, row_values[token_id], PALETTE["gray"].edge, strong=False)
            draw_lines(ax, label_x, yc, [code(str(token_id), color=MUTED)], size=SMALL_SIZE, ha="left")
    draw_lines(ax, mat_x, cursor - 0.25,
               [plain(f"{thousands(vocab_size)} linhas (uma por token) × {EMB_DIM} colunas", color=MUTED)],
               size=SMALL_SIZE, ha="left")
    for p, token_id in enumerate(ids):
        chip = id_chips[p]
        arrow(ax, (chip.get_x() + chip.get_width(), pos_y[p]), (mat_x, row_y[token_id]),
              color=PALETTE[token_colors[p]].edge, head=11, lw=1.5, gap=3.0)

    # coluna C: os vetores de token, na ordem das posições (cópias das linhas da matriz)
    draw_lines(ax, vec_x, y_head, [bold("vetores de token")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, vec_x, y_sub, [plain(f"{len(ids)} × {EMB_DIM} por sequência", color=MUTED)], size=SMALL_SIZE,
               ha="left")
    for p, (piece, token_id) in enumerate(zip(pieces, ids)):
        colors = PALETTE[token_colors[p]]
        strip(ax, vec_x, pos_y[p], vec_w, bar_h, row_values[token_id], colors.edge)
        draw_lines(ax, vec_x + vec_w + 0.15, pos_y[p],
                   [[plain(f"posição {p}: ", color=MUTED), *token_spans(piece), plain(" → ", color=MUTED),
                     code(str(token_id), color=colors.text)]], size=SMALL_SIZE, ha="left")
    y_copy = (pos_y[1] + pos_y[2]) / 2
    arrow(ax, (label_x + 0.7, y_copy), (vec_x - 0.1, y_copy), head=14, lw=2.0, gap=0)
    draw_lines(ax, (label_x + 0.6 + vec_x) / 2, y_copy + 0.35, [plain("copia as", color=MUTED),
                                                                plain("linhas", color=MUTED)], size=SMALL_SIZE)

    # embedding de posição: uma linha por posição 0..context_length-1
    pos_head, pos_top = 5.45, 4.85
    pos_rows_y = [pos_top - (p + 0.5) * row_h for p in range(context_length)]
    draw_lines(ax, col_a, pos_head, [bold("posições")], size=HEADING_SIZE - 1, ha="left")
    for p in range(context_length):
        chip = pill(ax, col_a, pos_rows_y[p], code(str(p), color=teal.text), color="teal", size=SMALL_SIZE,
                    ha="left", height=0.3)
        arrow(ax, (chip.get_x() + chip.get_width(), pos_rows_y[p]), (mat_x, pos_rows_y[p]), color=teal.edge,
              head=10, lw=1.3, gap=3.0)
    draw_lines(ax, mat_x, pos_head, [bold("embedding de posição")], size=HEADING_SIZE - 1, ha="left")
    draw_lines(ax, mat_x, pos_head - 0.35, [code(f"nn.Embedding({context_length}, {EMB_DIM})")],
               size=SMALL_SIZE, ha="left")
    for p in range(context_length):
        strip(ax, mat_x, pos_rows_y[p], mat_w, bar_h, pos_values[p], teal.edge)
        draw_lines(ax, label_x, pos_rows_y[p], [code(str(p), color=teal.text)], size=SMALL_SIZE, ha="left")
    draw_lines(ax, mat_x, pos_top - context_length * row_h - 0.25,
               [[code("context_length"), plain(f" × {EMB_DIM} (aqui, {context_length} × {EMB_DIM})")]],
               size=SMALL_SIZE, color=MUTED, ha="left")

    # soma: vetores de token (de cima) + vetores de posição (da esquerda)
    plus_x, plus_y = vec_x + vec_w / 2, (pos_rows_y[1] + pos_rows_y[2]) / 2
    plus_sign(ax, plus_x, plus_y, radius=0.22)
    arrow(ax, (plus_x, pos_y[-1] - bar_h / 2), (plus_x, plus_y + 0.22), head=14, lw=2.0, gap=2.0)
    arrow(ax, (label_x + 0.3, plus_y), (plus_x - 0.22, plus_y), head=14, lw=2.0, gap=2.0)
    draw_lines(ax, plus_x, plus_y - 0.45,
               [plain("soma elemento a elemento;", color=MUTED), plain("os vetores de posição valem", color=MUTED),
                plain(f"para as {BATCH_SIZE} sequências do lote", color=MUTED)], size=SMALL_SIZE, va="top")

    # o tensor de entrada: uma pilha de BATCH_SIZE folhas, cada uma com len(ids) vetores
    res_w, res_h, depth = 1.7, 1.55, 0.07
    res_x, res_y = 9.55, plus_y - res_h / 2
    arrow(ax, (plus_x + 0.22, plus_y), (res_x, plus_y), head=14, lw=2.0, gap=2.0)
    for k in reversed(range(BATCH_SIZE)):
        ax.add_patch(Rectangle((res_x + k * depth, res_y + k * depth), res_w, res_h, facecolor="white",
                               edgecolor=purple.edge, linewidth=1.0, zorder=2))
    for p in range(len(ids)):
        yc = res_y + res_h - 0.28 - p * 0.33
        strip(ax, res_x + 0.15, yc, res_w - 0.3, 0.24, (row_values[ids[p]] + pos_values[p]) / 2, purple.edge,
              register=False)
    center = res_x + (res_w + (BATCH_SIZE - 1) * depth) / 2
    top = res_y + res_h + (BATCH_SIZE - 1) * depth
    draw_lines(ax, center, top + 0.3, [bold("entrada do GPT", color=purple.text)], size=HEADING_SIZE - 1)
    draw_lines(ax, res_x + res_w / 2, res_y - 0.3, [code(f"({BATCH_SIZE}, {len(ids)}, {EMB_DIM})", bold=True)],
               size=BODY_SIZE)
    draw_lines(ax, res_x + res_w / 2, res_y - 0.58, [plain("(lote, tokens, emb_dim)", color=MUTED)],
               size=SMALL_SIZE)

    one_hot_inset(ax)
    save(fig, HERE / "embeddings")


def one_hot_inset(ax) -> None:
    """Quadro: multiplicar um vetor one-hot pela matriz de pesos seleciona uma linha.

    A mesma tabela de brinquedo da seção 7 do notebook: semente 123, nn.Embedding(6, 3), o id 2."""
    torch.manual_seed(123)
    n_vocab, dim, index = 6, 3, 2
    layer = torch.nn.Embedding(n_vocab, dim)
    one_hot = torch.nn.functional.one_hot(torch.tensor(index), n_vocab).float()
    with torch.no_grad():
        product = one_hot @ layer.weight
        looked_up = layer(torch.tensor(index))
    assert torch.allclose(product, looked_up)
    weights = layer.weight.detach().numpy()
    purple = PALETTE["purple"]

    frame_top, frame_bottom = 2.45, 0.3
    box(ax, 6.0, (frame_top + frame_bottom) / 2, 11.2, frame_top - frame_bottom, color="gray", face="#FAFBFC",
        linestyle=(0, (5, 3)), lw=1.3, zorder=0.5)
    draw_lines(ax, 0.65, frame_top - 0.3, [[code("nn.Embedding"), bold(" = one-hot × matriz")]],
               size=BODY_SIZE + 0.5, ha="left")
    ch = 0.25
    hot_w, num_w = 0.34, 0.62
    mid = 1.2
    # vetor one-hot (1 × n_vocab), com o índice de cada posição em cima
    x = 0.75
    for j, v in enumerate(one_hot.tolist()):
        cell(ax, x + j * hot_w, mid - ch / 2, hot_w, ch, face=purple.face if v else "white")
        draw_lines(ax, x + (j + 0.5) * hot_w, mid, [code(str(int(v)), bold=bool(v))], size=SMALL_SIZE)
        draw_lines(ax, x + (j + 0.5) * hot_w, mid + 0.28, [plain(str(j), color=MUTED)], size=SMALL_SIZE - 2)
    draw_lines(ax, x + n_vocab * hot_w / 2, mid - 0.4, [plain(f"one-hot do id {index}", color=MUTED)],
               size=SMALL_SIZE - 0.5)
    x += n_vocab * hot_w
    draw_lines(ax, x + 0.25, mid, ["×"], size=HEADING_SIZE)
    # matriz de pesos (n_vocab × dim), linha `index` em destaque, com o número de cada linha à esquerda
    x += 0.75
    top = mid + n_vocab * ch / 2
    for i in range(n_vocab):
        draw_lines(ax, x - 0.15, top - (i + 0.5) * ch, [plain(str(i), color=MUTED)], size=SMALL_SIZE - 2)
        for j in range(dim):
            cell(ax, x + j * num_w, top - (i + 1) * ch, num_w, ch, face=purple.face if i == index else "white")
            draw_lines(ax, x + (j + 0.5) * num_w, top - (i + 0.5) * ch,
                       [code(decimal_br(weights[i, j], 2), bold=i == index)], size=SMALL_SIZE - 1.5)
    x += dim * num_w
    draw_lines(ax, x + 0.25, mid, ["="], size=HEADING_SIZE)
    x += 0.5
    for j in range(dim):
        cell(ax, x + j * num_w, mid - ch / 2, num_w, ch, face=purple.face)
        draw_lines(ax, x + (j + 0.5) * num_w, mid, [code(decimal_br(float(product[j]), 2), bold=True)],
                   size=SMALL_SIZE - 1.5)
    draw_lines(ax, x + dim * num_w / 2, mid - 0.4, [plain(f"a linha {index} da matriz", color=MUTED)],
               size=SMALL_SIZE - 0.5)
    x += dim * num_w + 0.55
    draw_lines(ax, x, mid,
               [plain("Multiplicar o vetor one-hot pela matriz"), plain("só seleciona uma linha. "),
                [code("nn.Embedding"), plain(" faz essa busca direto,")],
                plain("sem multiplicar; os números da matriz"), plain("são aprendidos no treino.")],
               size=SMALL_SIZE, ha="left", color=INK)


def main() -> None:
    granularity()
    bpe_steps()
    sliding_window()
    embeddings()


if __name__ == "__main__":
    main()
