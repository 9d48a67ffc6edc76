"""Infográficos do capítulo 04 — GPT do zero.

Gera, nesta pasta, PNG e SVG de:
- arquitetura-gpt: o `GPTModel` com `GPT_CONFIG_124M`, de baixo para cima, com a forma de cada saída;
- bloco-transformer: um `TransformerBlock` pré-LayerNorm, com os dois atalhos (conexões residuais);
- layernorm: a normalização de camada de um único token, com números calculados aqui;
- atalhos: por que as conexões residuais ajudam o gradiente a chegar às primeiras camadas;
- tamanhos-gpt2: os quatro tamanhos do GPT-2, com parâmetros e memória calculados pela fórmula.

Nada é digitado à mão: formas, médias, variâncias, contagens de parâmetros e memória saem das
contas feitas aqui (e as contagens são conferidas com `assert`).

Rode com `python ferramentas/infograficos.py 04` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import blocos  # noqa: E402
import torch  # noqa: E402
from desenho import (  # noqa: E402
    ARROW,
    BODY_SIZE,
    HEADING_SIZE,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    badge,
    bold,
    box,
    cell,
    code,
    decimal_br,
    draw_lines,
    new_figure,
    path_arrow,
    plain,
    plus_sign,
    save,
    title,
)
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle  # noqa: E402
from numeros import thousands  # noqa: E402

HERE = Path(__file__).resolve().parent

# a configuração do capítulo (GPT-2 pequeno, 124 milhões de parâmetros), lida do bloco `config_gpt2` do notebook
GPT_CONFIG_124M = blocos.load_blocks(HERE.parent / "notebook.ipynb", "config_gpt2").GPT_CONFIG_124M
BATCH_SIZE = 2  # lote do exemplo: 2 sequências…
NUM_TOKENS = 4  # …de 4 tokens cada (o bloco da seção 5 do notebook: entrada (2, 4, 768))
ARCH_TOKENS = 7  # o esqueleto da seção 1 do notebook: "Capitu tinha olhos" e "José Dias tinha", 7 tokens cada

# exemplo da LayerNorm: um "token" com 6 números (no GPT-2 seriam 768)
LAYERNORM_EXAMPLE = [0.2, -1.3, 0.8, 2.1, -0.4, 0.6]
LAYERNORM_EPS = 1e-5  # o mesmo eps da LayerNorm do capítulo

# os quatro tamanhos do GPT-2: (nome, nome no Hugging Face, camadas, emb_dim, cabeças, parâmetros esperados)
GPT2_SIZES = [
    ("GPT-2 pequeno", "gpt2", 12, 768, 12, 124_439_808),
    ("GPT-2 médio", "gpt2-medium", 24, 1024, 16, 354_823_168),
    ("GPT-2 grande", "gpt2-large", 36, 1280, 20, 774_030_080),
    ("GPT-2 XL", "gpt2-xl", 48, 1600, 25, 1_557_611_200),
]
BYTES_PER_FLOAT32 = 4
GIGABYTE = 10**9  # GB decimal: 1 GB = 10⁹ bytes


# --- formatação e peças comuns -----------------------------------------------------------------


def shape_text(*dims: int) -> str:
    """Forma de um tensor como o PyTorch mostraria: (2, 4, 768)."""
    return "(" + ", ".join(str(d) for d in dims) + ")"


def dot(ax, x: float, y: float, color: str = ARROW, radius: float = 0.05) -> None:
    """Ponto de bifurcação (onde o atalho se separa do caminho principal)."""
    ax.add_patch(Circle((x, y), radius, facecolor=color, edgecolor="none", zorder=5))


def module_lines(name: str, detail: list, *, color: str) -> list:
    """Conteúdo de uma caixa de módulo: o nome do atributo em código (negrito) e a classe embaixo."""
    return [[code(name, bold=True, color=PALETTE[color].text, size=BODY_SIZE)],
            [*detail]]


# --- arquitetura-gpt ---------------------------------------------------------------------------


def gpt_architecture() -> None:
    cfg = GPT_CONFIG_124M
    b, t, d, v = BATCH_SIZE, ARCH_TOKENS, cfg["emb_dim"], cfg["vocab_size"]
    hidden = shape_text(b, t, d)
    small = SMALL_SIZE

    width, height = 11.8, 12.4
    fig, ax = new_figure(width, height)
    title(ax, "O GPTModel por dentro, com as formas dos tensores",
          f"GPT_CONFIG_124M, de baixo para cima, com o lote da seção 1: {b} frases de {t} tokens")

    col_x, col_w = 3.05, 4.7  # coluna dos módulos
    half = (col_w - 0.16) / 2
    left_x, right_x = col_x - (half / 2 + 0.08), col_x + (half / 2 + 0.08)
    shape_x, note_x = 5.75, 7.9  # colunas da forma da saída e das notas
    shape_size = SMALL_SIZE + 0.5

    def module(y: float, h: float, name: str, detail: list, color: str, x: float = col_x,
               w: float = col_w) -> None:
        box(ax, x, y, w, h, module_lines(name, detail, color=color), color=color, size=small)

    def shape_cell(y: float, lines: list) -> None:
        draw_lines(ax, shape_x, y, lines, size=shape_size, ha="left")

    def note(y: float, lines: list) -> None:
        draw_lines(ax, note_x, y, lines, size=small, color=MUTED, ha="left")

    def up(y_from: float, y_to: float, x: float = col_x) -> None:
        arrow(ax, (x, y_from), (x, y_to), gap=1.0, head=13, lw=1.8)

    # cabeçalhos das três colunas
    y_header = 10.85
    draw_lines(ax, 0.7, y_header, [bold("módulo (nome no código)")], size=BODY_SIZE, ha="left")
    draw_lines(ax, shape_x, y_header, [bold("forma da saída")], size=BODY_SIZE, ha="left")
    draw_lines(ax, note_x, y_header, [bold("o que faz")], size=BODY_SIZE, ha="left")
    ax.plot([0.4, width - 0.4], [y_header - 0.28] * 2, color="#D5DAE1", lw=1.0, zorder=1)

    # entrada: ids dos tokens e as posições
    y_in, h_in = 1.95, 0.66
    box(ax, left_x, y_in, half, h_in, [[code("in_idx", bold=True)], "ids dos tokens"], color="gray", size=small)
    box(ax, right_x, y_in, half, h_in, [[code(f"torch.arange({t})", bold=True)], "posições"], color="gray",
        size=small)
    shape_cell(y_in, [[code("in_idx", color=MUTED), plain(": ", color=MUTED), code(shape_text(b, t), bold=True)],
                      [code("arange", color=MUTED), plain(": ", color=MUTED), code(f"({t},)", bold=True)]])
    note(y_in, [f"{b} sequências de {t} ids (inteiros de 0 a {thousands(v - 1)})",
                f"e as posições 0, 1, …, {t - 1} de cada token"])

    # embeddings de token e de posição
    y_emb, h_emb = 3.2, 0.72
    module(y_emb, h_emb, "tok_emb", [code(f"nn.Embedding({v}, {d})")], "teal", left_x, half)
    module(y_emb, h_emb, "pos_emb", [code(f"nn.Embedding({cfg['context_length']}, {d})")], "teal", right_x, half)
    up(y_in + h_in / 2, y_emb - h_emb / 2, left_x)
    up(y_in + h_in / 2, y_emb - h_emb / 2, right_x)
    shape_cell(y_emb, [[code("tok_emb", color=MUTED), plain(": ", color=MUTED), code(hidden, bold=True)],
                       [code("pos_emb", color=MUTED), plain(": ", color=MUTED), code(shape_text(t, d), bold=True)]])
    note(y_emb, [f"cada id vira um vetor de {d} números;", f"cada posição ganha outro vetor de {d}"])

    # soma (com broadcasting: as mesmas posições valem para as duas sequências)
    y_sum, r_sum = 4.35, 0.22
    plus_sign(ax, col_x, y_sum, r_sum)
    for x_from, side in ((left_x, -1), (right_x, 1)):
        arrow(ax, (x_from, y_emb + h_emb / 2), (col_x + side * 0.15, y_sum - 0.15), gap=1.0, head=13, lw=1.8)
    shape_cell(y_sum, [[code(hidden, bold=True)]])
    note(y_sum, ["soma elemento a elemento; os vetores de", f"posição valem para as {b} sequências",
                 "(broadcasting)"])

    # dropout dos embeddings
    y_drop, h_mod = 5.4, 0.66
    module(y_drop, h_mod, "drop_emb", [code(f"nn.Dropout({cfg['drop_rate']})")], "gray")
    up(y_sum + r_sum, y_drop - h_mod / 2)
    shape_cell(y_drop, [[code(hidden, bold=True)]])
    note(y_drop, [f"no treino, zera {round(100 * cfg['drop_rate'])} % dos valores ao acaso;",
                  "na avaliação, não faz nada"])

    # os 12 blocos transformer: uma pilha de caixas
    y_blocks, h_blocks, depth, layers = 6.75, 0.9, 0.07, 3
    blue = PALETTE["blue"]
    for k in range(layers, 0, -1):  # "folhas" atrás da caixa da frente (só enfeite: fora da conferência)
        ax.add_patch(FancyBboxPatch((col_x - col_w / 2 + k * depth, y_blocks - h_blocks / 2 + k * depth), col_w,
                                    h_blocks, boxstyle="round,pad=0,rounding_size=0.12", facecolor=blue.face,
                                    edgecolor=blue.edge, linewidth=1.2, zorder=1.5))
    box(ax, col_x, y_blocks, col_w, h_blocks,
        [[code("trf_blocks", bold=True, color=blue.text, size=BODY_SIZE)],
         [code("nn.Sequential", size=small), plain(f" de {cfg['n_layers']} × "), code("TransformerBlock")]],
        color="blue", size=small)
    up(y_drop + h_mod / 2, y_blocks - h_blocks / 2)
    shape_cell(y_blocks, [[code(hidden, bold=True)]])
    box(ax, note_x + 1.75, y_blocks + 0.12, 3.5, 0.62,
        [bold("cada bloco mantém a forma", color=blue.text), [code("(lote, tokens, 768)", color=blue.text)]],
        color="blue", size=small, face="white")
    draw_lines(ax, note_x, y_blocks - 0.42, ["a saída de um bloco é a entrada do próximo"], size=small,
               color=MUTED, ha="left")
    blocks_top = y_blocks + h_blocks / 2 + layers * depth

    # LayerNorm final
    y_norm = 8.15
    module(y_norm, h_mod, "final_norm", [code(f"LayerNorm({d})")], "yellow")
    up(blocks_top, y_norm - h_mod / 2)
    shape_cell(y_norm, [[code(hidden, bold=True)]])
    note(y_norm, ["normaliza a saída do último bloco"])

    # camada de saída e logits
    y_head = 9.2
    module(y_head, h_mod, "out_head", [code(f"nn.Linear({d}, {v}, bias=False)")], "purple")
    up(y_norm + h_mod / 2, y_head - h_mod / 2)
    shape_cell(y_head, [[code(shape_text(b, t, v), bold=True)]])
    note(y_head, [f"leva cada vetor de {d} números a", f"{thousands(v)} valores, um por token do vocabulário"])
    y_logits = 10.1
    box(ax, col_x, y_logits, col_w, 0.46, [[code("logits", bold=True, color=PALETTE["purple"].text)]],
        color="purple", size=BODY_SIZE, face="white")
    up(y_head + h_mod / 2, y_logits - 0.23)
    shape_cell(y_logits, [[code(shape_text(b, t, v), bold=True)]])
    note(y_logits, ["uma pontuação por token do vocabulário,", "em cada posição; a softmax as transforma",
                    "em probabilidades"])

    # a configuração usada, no rodapé
    items = [f'"{key}": {value}' for key, value in cfg.items()]
    draw_lines(ax, 0.4, 0.72,
               [[code("GPT_CONFIG_124M", bold=True), plain(" = {", color=MUTED), code(", ".join(items[:4]) + ",")],
                [code(", ".join(items[4:])), plain("}", color=MUTED)]],
               size=SMALL_SIZE - 0.5, ha="left")
    save(fig, HERE / "arquitetura-gpt")


# --- bloco-transformer -------------------------------------------------------------------------


def transformer_block() -> None:
    cfg = GPT_CONFIG_124M
    d, heads = cfg["emb_dim"], cfg["n_heads"]
    hidden = 4 * d  # a camada escondida do feed-forward é 4 vezes mais larga
    b, t = BATCH_SIZE, NUM_TOKENS
    small = SMALL_SIZE
    shortcut_color = PALETTE["blue"].edge

    width, height = 11.8, 15.75
    fig, ax = new_figure(width, height)
    title(ax, "Um TransformerBlock por dentro",
          f"a entrada e a saída têm a mesma forma {shape_text(b, t, d)}; duas subcamadas, cada uma com seu atalho")

    col_x, col_w = 4.0, 3.5  # coluna principal
    x_res = 1.85  # por onde sobem os atalhos
    code_x = 6.55  # coluna do código de `forward`
    h_mod = 0.62

    def module(y: float, h: float, name: str, detail: list, color: str, w: float = col_w) -> None:
        box(ax, col_x, y, w, h, module_lines(name, detail, color=color), color=color, size=small)

    def up(y_from: float, y_to: float) -> None:
        arrow(ax, (col_x, y_from), (col_x, y_to), gap=1.0, head=13, lw=1.8)

    def segment(y_from: float, y_to: float) -> None:
        """Trecho sem ponta de seta (até o ponto onde o atalho se separa)."""
        ax.plot([col_x, col_x], [y_from, y_to], color=ARROW, lw=1.8, zorder=3, solid_capstyle="butt")

    def code_note(y: float, line: str, comment: list | None = None) -> None:
        lines = [[code(line, bold=True)]]
        if comment:
            lines += [[plain(part, color=MUTED) if isinstance(part, str) else part for part in comment]]
        draw_lines(ax, code_x, y, lines, size=small + 0.5, ha="left")


    # entrada
    y_in = 1.75
    box(ax, col_x, y_in, col_w, h_mod, [[bold("entrada "), code("x")], [code(shape_text(b, t, d))]], color="gray",
        size=small)
    code_note(y_in, "def forward(self, x):", ["recebe a saída do bloco anterior"])

    def split_point(y: float, number: int) -> None:
        """Onde o atalho se separa do caminho principal (e a linha de código correspondente)."""
        dot(ax, col_x, y, shortcut_color, 0.06)
        code_note(y, "shortcut = x", [f"guarda a entrada para o atalho {number}"])

    # atalho 1: norm1 → att → drop_shortcut → ⊕
    split1 = y_in + h_mod / 2 + 0.4
    segment(y_in + h_mod / 2, split1)
    split_point(split1, 1)
    y_norm1 = split1 + 0.36 + h_mod / 2
    module(y_norm1, h_mod, "norm1", [code(f"LayerNorm({d})")], "yellow")
    up(split1, y_norm1 - h_mod / 2)
    code_note(y_norm1, "x = self.norm1(x)", ["cada token: média 0, variância 1"])
    h_att = 1.15
    y_att = y_norm1 + h_mod / 2 + 0.36 + h_att / 2
    box(ax, col_x, y_att, col_w, h_att,
        [[code("att", bold=True, color=PALETTE["orange"].text, size=BODY_SIZE)], [code("MultiHeadAttention")],
         [plain(f"{heads} cabeças, causal")],
         [plain("dropout nos pesos de atenção", color=PALETTE["orange"].text)]], color="orange", size=small)
    up(y_norm1 + h_mod / 2, y_att - h_att / 2)
    code_note(y_att + 0.12, "x = self.att(x)", [f"{heads} cabeças de {d // heads} números; máscara causal"])
    draw_lines(ax, code_x, y_att - 0.36,
               [[plain("lá dentro, depois da softmax: ", color=MUTED), code("self.dropout(weights)", color=MUTED)]],
               size=small + 0.5, ha="left")
    y_drop1 = y_att + h_att / 2 + 0.36 + h_mod / 2
    module(y_drop1, h_mod, "drop_shortcut", [code(f"nn.Dropout({cfg['drop_rate']})")], "gray")
    up(y_att + h_att / 2, y_drop1 - h_mod / 2)
    code_note(y_drop1, "x = self.drop_shortcut(x)", [f"zera {round(100 * cfg['drop_rate'])} % ao acaso, só no treino"])
    r_add = 0.22
    y_add1 = y_drop1 + h_mod / 2 + 0.32 + r_add
    plus_sign(ax, col_x, y_add1, r_add)
    up(y_drop1 + h_mod / 2, y_add1 - r_add)
    code_note(y_add1, "x = x + shortcut", ["atalho 1: soma a entrada guardada"])

    # atalho 2: norm2 → ff → drop_shortcut → ⊕
    split2 = y_add1 + r_add + 0.42
    segment(y_add1 + r_add, split2)
    split_point(split2, 2)
    y_norm2 = split2 + 0.36 + h_mod / 2
    module(y_norm2, h_mod, "norm2", [code(f"LayerNorm({d})")], "yellow")
    up(split2, y_norm2 - h_mod / 2)
    code_note(y_norm2, "x = self.norm2(x)", ["normaliza de novo, antes do ff"])

    # o feed-forward aberto: Linear → GELU → Linear, dentro de uma moldura
    green = PALETTE["green"]
    inner_w, inner_h, inner_gap = 2.7, 0.46, 0.3
    ff_bottom = y_norm2 + h_mod / 2 + 0.36
    y_lin1 = ff_bottom + 0.2 + inner_h / 2
    y_gelu = y_lin1 + inner_h + inner_gap
    y_lin2 = y_gelu + inner_h + inner_gap
    ff_label_y = y_lin2 + inner_h / 2 + 0.3
    ff_top = ff_label_y + 0.3
    box(ax, col_x, (ff_bottom + ff_top) / 2, col_w, ff_top - ff_bottom, color="green", zorder=1)
    draw_lines(ax, col_x - col_w / 2 + 0.18, ff_label_y, [[code("ff", bold=True, color=green.text, size=BODY_SIZE),
                                                          plain(": "), code("FeedForward")]], size=small, ha="left")
    for y, lines in ((y_lin1, [code(f"nn.Linear({d}, {hidden})")]),
                     (y_gelu, [code("GELU()")]),
                     (y_lin2, [code(f"nn.Linear({hidden}, {d})")])):
        box(ax, col_x, y, inner_w, inner_h, [lines], color="green", face="white", size=small, lw=1.2, zorder=2.5)
    up(y_norm2 + h_mod / 2, y_lin1 - inner_h / 2)
    up(y_lin1 + inner_h / 2, y_gelu - inner_h / 2)
    up(y_gelu + inner_h / 2, y_lin2 - inner_h / 2)
    code_note(ff_label_y, "x = self.ff(x)", ["a rede feed-forward, token a token:"])
    for y, text in ((y_lin1, [plain(f"{d} → {thousands(hidden)}: 4 vezes mais largo  ", color=MUTED),
                              code(shape_text(b, t, hidden), color=MUTED)]),
                    (y_gelu, [plain("não linearidade suave, valor a valor", color=MUTED)]),
                    (y_lin2, [plain(f"{thousands(hidden)} → {d}: volta ao tamanho  ", color=MUTED),
                              code(shape_text(b, t, d), color=MUTED)])):
        draw_lines(ax, code_x + 0.25, y, [text], size=small, ha="left")
    y_drop2 = ff_top + 0.36 + h_mod / 2
    module(y_drop2, h_mod, "drop_shortcut", [code(f"nn.Dropout({cfg['drop_rate']})")], "gray")
    up(y_lin2 + inner_h / 2, y_drop2 - h_mod / 2)
    code_note(y_drop2, "x = self.drop_shortcut(x)", ["o mesmo módulo de dropout"])
    y_add2 = y_drop2 + h_mod / 2 + 0.32 + r_add
    plus_sign(ax, col_x, y_add2, r_add)
    up(y_drop2 + h_mod / 2, y_add2 - r_add)
    code_note(y_add2, "x = x + shortcut", ["atalho 2: soma a entrada guardada"])

    # saída
    y_out = y_add2 + r_add + 0.36 + h_mod / 2
    box(ax, col_x, y_out, col_w, h_mod, [[bold("saída")], [code(shape_text(b, t, d))]], color="gray", size=small)
    up(y_add2 + r_add, y_out - h_mod / 2)
    code_note(y_out, "return x", ["mesma forma da entrada"])
    draw_lines(ax, code_x, y_out + h_mod / 2 + 0.3, [[plain("o código de "), code("forward"),
                                                       plain(", lido de baixo para cima")]],
               size=small, color=MUTED, ha="left")

    # os dois atalhos, pela esquerda
    for number, (split, y_add) in enumerate(((split1, y_add1), (split2, y_add2)), start=1):
        path_arrow(ax, [(col_x, split), (x_res, split), (x_res, y_add), (col_x - r_add - 0.02, y_add)],
                   color=shortcut_color, lw=2.4, head=15)
        draw_lines(ax, x_res - 0.15, (split + y_add) / 2,
                   [bold(f"atalho {number}", color=PALETTE["blue"].text), plain("x pula a", color=MUTED),
                    plain("subcamada", color=MUTED)], size=small, ha="right")

    # legenda: pré-LayerNorm
    box(ax, width / 2, 0.62, width - 0.8, 0.56,
        [[bold("pré-LayerNorm, como no GPT-2:"), plain(" a normalização vem antes de cada subcamada")]],
        color="yellow", size=BODY_SIZE)
    save(fig, HERE / "bloco-transformer")


# --- layernorm ---------------------------------------------------------------------------------


def layernorm_numbers() -> dict:
    """As contas da LayerNorm do capítulo para um único vetor (média e variância em dim=-1)."""
    x = torch.tensor([LAYERNORM_EXAMPLE], dtype=torch.float64)  # forma (1, 6): um token
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)  # variância "da população", como no GPT-2
    norm_x = (x - mean) / torch.sqrt(var + LAYERNORM_EPS)
    # confere com a LayerNorm do PyTorch (scale = 1 e shift = 0, os valores iniciais)
    reference = torch.nn.functional.layer_norm(x, (x.shape[-1],), eps=LAYERNORM_EPS)
    assert torch.allclose(norm_x, reference)
    return {
        "x": x[0].tolist(),
        "mean": mean.item(),
        "var": var.item(),
        "norm_x": norm_x[0].tolist(),
        "norm_mean": norm_x.mean().item(),
        "norm_var": norm_x.var(unbiased=False).item(),
    }


def value_row(ax, x0: float, y_zero: float, y_cells: float, values: list[float], color: str, *,
              cell_w: float, scale: float, mean: float) -> None:
    """Um vetor como barras (acima, a partir da linha do zero) e como células com os números (abaixo)."""
    colors = PALETTE[color]
    n = len(values)
    x1 = x0 + n * cell_w
    ax.plot([x0 - 0.1, x1 + 0.1], [y_zero, y_zero], color="#A9B2BE", lw=1.0, zorder=2)
    draw_lines(ax, x0 - 0.18, y_zero, [plain("0", color=MUTED)], size=SMALL_SIZE - 1, ha="right")
    y_mean = y_zero + mean * scale
    ax.plot([x0 - 0.1, x1 + 0.1], [y_mean, y_mean], color=colors.text, lw=1.3, linestyle=(0, (4, 3)), zorder=4)
    for j, value in enumerate(values):
        left = x0 + j * cell_w
        bar_w = cell_w * 0.5
        ax.add_patch(Rectangle((left + (cell_w - bar_w) / 2, min(y_zero, y_zero + value * scale)), bar_w,
                               abs(value) * scale, facecolor=colors.edge, edgecolor="none", alpha=0.75, zorder=3))
        cell(ax, left, y_cells - 0.22, cell_w, 0.44, face=colors.face)
        draw_lines(ax, left + cell_w / 2, y_cells, [code(decimal_br(value), bold=True, color=colors.text)],
                   size=BODY_SIZE - 0.5)


def layernorm() -> None:
    numbers = layernorm_numbers()
    n = len(numbers["x"])
    d = GPT_CONFIG_124M["emb_dim"]
    blue, green, purple, orange = PALETTE["blue"], PALETTE["green"], PALETTE["purple"], PALETTE["orange"]
    # as contas mostradas precisam bater com o que a figura afirma
    assert abs(numbers["norm_mean"]) < 1e-9 and abs(numbers["norm_var"] - 1) < 1e-4

    width, height = 11.8, 10.6
    fig, ax = new_figure(width, height)
    title(ax, "LayerNorm: média 0 e variância 1 em cada token",
          f"um vetor de exemplo com {n} números; no GPT-2, cada token tem {d}")
    x0, cell_w, scale = 1.1, 0.78, 0.3
    stats_x = x0 + n * cell_w + 0.85
    head_x = x0 - 0.35

    # passo 1: o vetor de um token, sua média e sua variância
    y1 = 9.15
    badge(ax, 0.62, y1, 1, color="blue")
    draw_lines(ax, head_x + 0.25, y1, [[bold("o vetor de um token: "), code("x", bold=True)]], size=HEADING_SIZE,
               ha="left")
    y_zero1, y_cells1 = y1 - 1.1, y1 - 1.9
    value_row(ax, x0, y_zero1, y_cells1, numbers["x"], "blue", cell_w=cell_w, scale=scale, mean=numbers["mean"])
    draw_lines(ax, x0 + n * cell_w + 0.18, y_zero1 + numbers["mean"] * scale + 0.02,
               [bold("μ", color=blue.text)], size=SMALL_SIZE,
               ha="left", va="bottom")
    draw_lines(ax, stats_x, y_zero1 - 0.15,
               [[plain("média  "), bold("μ"), plain(f" = {decimal_br(sum(numbers['x']))} / {n} = "),
                 bold(decimal_br(numbers["mean"]), color=blue.text)],
                [plain("variância  "), bold("σ²"), plain(" = média de (x − μ)² = "),
                 bold(decimal_br(numbers["var"]), color=blue.text)],
                [code("mean = x.mean(dim=-1, keepdim=True)", color=MUTED)],
                [code("var = x.var(dim=-1, keepdim=True,", color=MUTED)],
                [code("            unbiased=False)", color=MUTED)]],
               size=BODY_SIZE - 0.5, ha="left")

    # passo 2: centraliza e divide pelo desvio padrão
    y2 = 6.55
    badge(ax, 0.62, y2, 2, color="green")
    draw_lines(ax, head_x + 0.25, y2, [[bold("normaliza: "), code("norm_x", bold=True),
                                       bold(" = (x − μ) / √(σ² + ε)")]], size=HEADING_SIZE, ha="left")
    y_zero2, y_cells2 = y2 - 1.1, y2 - 1.9
    value_row(ax, x0, y_zero2, y_cells2, numbers["norm_x"], "green", cell_w=cell_w, scale=scale,
              mean=numbers["norm_mean"])
    draw_lines(ax, stats_x, y_zero2 - 0.15,
               [[plain("média agora: "), bold(decimal_br(numbers["norm_mean"]), color=green.text)],
                [plain("variância agora: "), bold(decimal_br(numbers["norm_var"]), color=green.text)],
                [plain(f"ε = {decimal_br(LAYERNORM_EPS, 5)} só evita dividir por zero", color=MUTED)],
                [plain("(linha tracejada: a média do vetor)", color=MUTED)]],
               size=BODY_SIZE - 0.5, ha="left")

    # passo 3: escala e deslocamento aprendidos
    y3 = 3.95
    badge(ax, 0.62, y3, 3, color="purple")
    draw_lines(ax, head_x + 0.25, y3, [[bold("ajusta: "), code("scale * norm_x + shift", bold=True)]],
               size=HEADING_SIZE, ha="left")
    draw_lines(ax, stats_x, y3,
               [[code("scale", bold=True, color=purple.text), plain(" (γ) e "),
                 code("shift", bold=True, color=purple.text), plain(" (β): "), bold("aprendidos", color=purple.text)]],
               size=BODY_SIZE - 0.5, ha="left")
    box(ax, width / 2 + 0.1, y3 - 0.62, width - 1.4, 0.62,
        [[plain(f"um par por dimensão ({d} de cada); "), code("scale"), plain(" começa em 1 e "), code("shift"),
          plain(" em 0: no início, a saída é o próprio "), code("norm_x")],
         [plain("o treino ajusta: o modelo pode esticar, encolher ou deslocar cada dimensão se isso ajudar")]],
        color="purple", face="white", size=SMALL_SIZE, ha="left", pad=0.2)

    # quadro: ao longo de quê se normaliza
    frame_top, frame_bottom = 2.65, 0.3
    box(ax, width / 2, (frame_top + frame_bottom) / 2, width - 0.8, frame_top - frame_bottom, color="gray",
        face="#FAFBFC", linestyle=(0, (5, 3)), lw=1.3, zorder=0.5)
    rows, cols, gw, gh = 4, 10, 0.26, 0.28
    gx, gy_top = 1.55, 1.98
    highlight = 1
    for r in range(rows):
        for c in range(cols):
            face = orange.face if r == highlight else "white"
            edge = orange.edge if r == highlight else "#C5CCD6"
            cell(ax, gx + c * gw, gy_top - (r + 1) * gh, gw, gh, face=face, edge=edge)
        draw_lines(ax, gx - 0.12, gy_top - (r + 0.5) * gh, [plain(f"token {r + 1}", color=MUTED)],
                   size=SMALL_SIZE - 1.5, ha="right")
    arrow(ax, (gx, gy_top + 0.17), (gx + cols * gw, gy_top + 0.17), head=10, lw=1.3, gap=0, color=orange.edge)
    draw_lines(ax, gx + cols * gw / 2, gy_top + 0.36, [plain(f"{d} dimensões", color=orange.text)],
               size=SMALL_SIZE - 0.5)
    draw_lines(ax, gx + cols * gw / 2, gy_top - rows * gh - 0.22,
               [plain("uma sequência do lote", color=MUTED)], size=SMALL_SIZE - 1)
    text_x = gx + cols * gw + 0.6
    draw_lines(ax, text_x, (frame_top + frame_bottom) / 2,
               [[bold("cada token é normalizado sozinho,", color=orange.text)],
                [bold(f"ao longo das suas {d} dimensões (não ao longo do lote)", color=orange.text)],
                [code("mean"), plain(" e "), code("var"), plain(" usam "), code("dim=-1"),
                 plain(", a última dimensão de "), code(f"(lote, tokens, {d})")],
                [plain("a média e a variância da linha laranja não dependem dos outros", color=MUTED)],
                [plain("tokens nem das outras sequências: tanto faz um lote de 1 ou de 100", color=MUTED)]],
               size=BODY_SIZE - 0.5, ha="left")
    save(fig, HERE / "layernorm")


# --- atalhos -----------------------------------------------------------------------------------


def shortcuts() -> None:
    n_layers = 5
    red, blue = PALETTE["red"], PALETTE["blue"]
    width, height = 11.8, 13.0
    fig, ax = new_figure(width, height)
    title(ax, "Atalhos (conexões residuais): o gradiente não se perde",
          "no treino, o gradiente viaja de trás para frente: da perda até a primeira camada")

    pitch, h_layer, w_layer, r_add = 1.5, 0.42, 2.1, 0.16
    y_input = 1.95
    y_layers = [y_input + 1.0 + k * pitch for k in range(n_layers)]
    y_loss = y_layers[-1] + pitch + 0.15
    panel_bottom, panel_top = 0.95, y_loss + 1.2
    # espessura ilustrativa do gradiente em cada trecho (da perda para trás); sem atalhos ela míngua
    plain_widths = [7.0 * 0.6**k for k in range(n_layers + 1)]
    residual_widths = [7.0] * (n_layers + 1)

    def panel(x_left: float, x_right: float, heading: list, with_shortcuts: bool, widths: list[float],
              footer: list) -> None:
        box(ax, (x_left + x_right) / 2, (panel_bottom + panel_top) / 2, x_right - x_left, panel_top - panel_bottom,
            color="gray", face="#FAFBFC", linestyle=(0, (5, 3)), lw=1.3, zorder=0.5)
        draw_lines(ax, x_left + 0.25, panel_top - 0.38, [heading], size=HEADING_SIZE, ha="left")
        x = x_left + 2.35  # centro da pilha
        x_grad = x_right - 0.85  # coluna das setas do gradiente
        x_res = x - w_layer / 2 - 0.45  # por onde sobem os atalhos

        box(ax, x, y_input, w_layer, h_layer, [[bold("entrada "), code("x")]], color="gray", size=SMALL_SIZE + 0.5)
        box(ax, x, y_loss, w_layer, h_layer, [bold("perda")], color="red", size=SMALL_SIZE + 0.5,
            text_color=red.text)
        previous_top = y_input + h_layer / 2
        for k, y in enumerate(y_layers, start=1):
            label = f"camada {k}" if k < n_layers else f"camada {k} (3 → 1)"
            box(ax, x, y, w_layer, h_layer, [label], color="white", size=SMALL_SIZE + 0.5)
            if with_shortcuts and k < n_layers:  # a última muda de tamanho: no notebook, fica sem atalho
                split = y - h_layer / 2 - 0.3
                ax.plot([x, x], [previous_top, split], color=ARROW, lw=1.5, zorder=3, solid_capstyle="butt")
                dot(ax, x, split, blue.edge)
                arrow(ax, (x, split), (x, y - h_layer / 2), gap=0.5, head=11, lw=1.5)
                y_add = y + h_layer / 2 + 0.4
                plus_sign(ax, x, y_add, r_add)
                arrow(ax, (x, y + h_layer / 2), (x, y_add - r_add), gap=0.5, head=11, lw=1.5)
                path_arrow(ax, [(x, split), (x_res, split), (x_res, y_add), (x - r_add - 0.02, y_add)],
                           color=blue.edge, lw=2.0, head=12)
                previous_top = y_add + r_add
            else:
                arrow(ax, (x, previous_top), (x, y - h_layer / 2), gap=0.5, head=11, lw=1.5)
                previous_top = y + h_layer / 2
        arrow(ax, (x, previous_top), (x, y_loss - h_layer / 2), gap=0.5, head=11, lw=1.5)
        if with_shortcuts:
            y_add = y_layers[0] + h_layer / 2 + 0.4
            draw_lines(ax, x + r_add + 0.12, y_add, [code("x + f(x)", color=blue.text, bold=True)],
                       size=SMALL_SIZE, ha="left")

        # o gradiente: de cima (perda) para baixo, um trecho por camada
        stops = [y_loss, *reversed(y_layers), y_input]
        draw_lines(ax, x_grad, y_loss + 0.45, [bold("gradiente", color=red.text)], size=SMALL_SIZE)
        for k, (y_from, y_to) in enumerate(zip(stops, stops[1:])):
            lw = widths[k]
            arrow(ax, (x_grad, y_from), (x_grad, y_to + 0.06), color=red.edge, lw=lw, head=8 + 2.2 * lw, gap=3.0)
        draw_lines(ax, x_left + 0.25, panel_bottom + 0.5, footer, size=SMALL_SIZE, ha="left")

    panel(0.4, 5.75, [bold("sem atalhos")], False, plain_widths,
          [[bold("chega fraco", color=red.text), plain(" às primeiras camadas:")],
           [plain("elas quase não aprendem")]])
    panel(6.05, 11.4, [bold("com atalhos: "), code("x + f(x)", bold=True)], True, residual_widths,
          [[bold("chega forte", color=blue.text), plain(": a derivada de "), code("x + f(x)")],
           [plain("é "), code("1 + f'(x)"), plain(": o “1” é um caminho direto")],
           [plain("a camada 5 muda o tamanho: sem atalho", color=MUTED)]])
    draw_lines(ax, 0.4, 0.5, [plain("ilustrativo — os números medidos estão no notebook", color=MUTED, italic=True)],
               size=SMALL_SIZE, ha="left")
    save(fig, HERE / "atalhos")


# --- tamanhos-gpt2 -----------------------------------------------------------------------------


def gpt2_parameters(n_layers: int, emb_dim: int, vocab_size: int = 50257, context_length: int = 1024) -> int:
    """Parâmetros do GPT-2 com viés em Q, K, V e `out_head` compartilhando os pesos de `tok_emb`.

    Por bloco: atenção 4·d² + 4·d, feed-forward 8·d² + 5·d, duas LayerNorm 4·d; no fim, a LayerNorm
    final (2·d). Embeddings: V·d (tokens) + C·d (posições)."""
    d = emb_dim
    return vocab_size * d + context_length * d + n_layers * (12 * d**2 + 13 * d) + 2 * d


def gpt2_sizes() -> None:
    cfg = GPT_CONFIG_124M
    rows = []
    for name, hub_name, n_layers, emb_dim, n_heads, expected in GPT2_SIZES:
        params = gpt2_parameters(n_layers, emb_dim, cfg["vocab_size"], cfg["context_length"])
        assert params == expected, (name, params, expected)
        assert emb_dim % n_heads == 0 and emb_dim // n_heads == 64
        rows.append((name, hub_name, n_layers, emb_dim, n_heads, params, params * BYTES_PER_FLOAT32 / GIGABYTE))
    biggest = max(row[5] for row in rows)
    blue = PALETTE["blue"]

    width, height = 11.8, 6.85
    fig, ax = new_figure(width, height)
    title(ax, "Os quatro tamanhos do GPT-2",
          "a mesma arquitetura; só mudam o número de blocos, a largura dos vetores e o número de cabeças")

    columns = [  # (cabeçalho, largura, alinhamento)
        ([bold("modelo")], 2.0, "left"),
        ([bold("camadas")], 1.0, "center"),
        ([code("emb_dim", bold=True)], 1.05, "center"),
        ([bold("cabeças")], 1.0, "center"),
        ([bold("parâmetros"), plain("(com pesos", color=MUTED), plain("compartilhados)", color=MUTED)], 1.95, "right"),
        ([bold("memória"), plain("em float32", color=MUTED)], 1.35, "right"),
        ([bold("tamanho relativo")], 2.65, "left"),
    ]
    x0, header_top, header_h, row_h = 0.4, 5.55, 0.95, 0.72
    lefts = [x0]
    for _, w, _ in columns[:-1]:
        lefts.append(lefts[-1] + w)
    pad = 0.18

    def anchor(i: int, ha: str) -> float:
        w = columns[i][1]
        return {"left": lefts[i] + pad, "center": lefts[i] + w / 2, "right": lefts[i] + w - pad}[ha]

    header_bottom = header_top - header_h
    for i, (lines, w, ha) in enumerate(columns):
        cell(ax, lefts[i], header_bottom, w, header_h, face="#EEF1F5")
        draw_lines(ax, anchor(i, ha), header_bottom + header_h / 2, lines, size=SMALL_SIZE + 0.5, ha=ha)

    bar_max = columns[-1][1] - 2 * pad - 0.7  # sobra espaço para o rótulo à direita da barra
    for r, (name, hub_name, n_layers, emb_dim, n_heads, params, gigabytes) in enumerate(rows):
        y0 = header_bottom - (r + 1) * row_h
        yc = y0 + row_h / 2
        face = "white" if r % 2 == 0 else "#F8F9FB"
        for i, (_, w, _) in enumerate(columns):
            cell(ax, lefts[i], y0, w, row_h, face=face)
        draw_lines(ax, anchor(0, "left"), yc, [[bold(name)], [code(hub_name, color=MUTED)]], size=SMALL_SIZE + 0.5,
                   ha="left")
        for i, value in ((1, str(n_layers)), (2, thousands(emb_dim)), (3, str(n_heads))):
            draw_lines(ax, anchor(i, "center"), yc, [plain(value)], size=BODY_SIZE)
        draw_lines(ax, anchor(4, "right"), yc, [bold(thousands(params))], size=BODY_SIZE, ha="right")
        draw_lines(ax, anchor(5, "right"), yc, [plain(f"{decimal_br(gigabytes)} GB")], size=BODY_SIZE, ha="right")
        bar_w = bar_max * params / biggest
        bar_x = lefts[6] + pad
        ax.add_patch(Rectangle((bar_x, yc - 0.14), bar_w, 0.28, facecolor=blue.edge, edgecolor="none", alpha=0.8,
                               zorder=3))
        millions = params / 1e6
        short = f"{decimal_br(params / 1e9)} bi" if millions >= 1000 else f"{round(millions)} mi"
        draw_lines(ax, bar_x + bar_w + 0.1, yc, [plain(short, color=blue.text)], size=SMALL_SIZE, ha="left")

    table_bottom = header_bottom - len(rows) * row_h
    notes = [
        [plain("Parâmetros = "), code("V·d + C·d + L·(12·d² + 13·d) + 2·d"), plain(", com "), code("V"),
         plain(f" = {thousands(cfg['vocab_size'])} (vocabulário), "), code("C"),
         plain(f" = {thousands(cfg['context_length'])} (contexto), "), code("d"), plain(" = "), code("emb_dim"),
         plain(", "), code("L"), plain(" = camadas.")],
        [plain("Por bloco: atenção com viés em Q, K, V (4·d² + 4·d), feed-forward (8·d² + 5·d), duas LayerNorm "
               "(4·d); mais a LayerNorm final (2·d).")],
        [plain("Pesos compartilhados: "), code("out_head"), plain(" reaproveita a matriz de "), code("tok_emb"),
         plain(", como no GPT-2 original (sem compartilhar, seriam mais V·d parâmetros).")],
        [plain("Memória = parâmetros × 4 bytes (float32), com 1 GB = 10⁹ bytes; só os pesos, sem gradientes "
               "nem otimizador.")],
        [plain("Em todos os tamanhos, cada cabeça tem "), code("emb_dim"), plain(" / cabeças = 64 dimensões.")],
    ]
    draw_lines(ax, x0, table_bottom - 0.3, notes, size=SMALL_SIZE - 0.5, color=MUTED, ha="left", va="top")
    save(fig, HERE / "tamanhos-gpt2")


def main() -> None:
    gpt_architecture()
    transformer_block()
    layernorm()
    shortcuts()
    gpt2_sizes()


if __name__ == "__main__":
    main()
