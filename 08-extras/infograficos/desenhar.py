"""Infográficos do capítulo 08 — O fim do começo.

Gera, nesta pasta, PNG e SVG de:
- kv-cache: a geração sem e com o cache de chaves e valores. Sem cache, cada passo passa a sequência inteira
  pelo modelo para usar só a última linha; com cache, o prompt passa uma vez e, depois, só o token novo, cuja
  consulta olha as chaves e os valores guardados. E o que acontece quando a janela do contexto enche;
- lora: o peso congelado W e a correção de baixo posto A·B (B começa em zero), com os parâmetros contados na
  camada de exemplo do notebook, e a fusão no fim;
- ddp: paralelismo de dados com 2 processos: as fatias do DistributedSampler, uma cópia do modelo por processo,
  a média dos gradientes (all-reduce) e o mesmo passo do AdamW;
- moderno: o bloco do GPT-2 ao lado do bloco moderno (RMSNorm, RoPE, GQA, SwiGLU, sem viés), com os parâmetros
  contados nos dois modelos.

Nada é digitado à mão: os números saem dos blocos do notebook deste capítulo (`gpt_kv`, `gerar_com_cache`,
`lora`, `ddp_treino`, `config_moderna`, `receita_do_curso`, `classificador`). Os tokens por passo da figura do
cache são contados num GPTModelKV pequeno, rodando o `generate` e o `generate_cached` de verdade; as contagens do
LoRA, num `LinearWithLoRA` montado como o notebook o monta; as fatias do DDP, num `DistributedSampler` com a semente do
script de treino; os parâmetros do GPT-2 e do ModernGPT, nos modelos da receita do curso (`model_config` e
`modern_config`). Os argumentos das chamadas de exemplo (a camada do LoRA, o lote e os processos do DDP) são
lidos das células do notebook.

Rode com `python ferramentas/infograficos.py 08` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import blocos  # noqa: E402
import nbformat  # noqa: E402
import torch  # noqa: E402
from desenho import (  # noqa: E402
    BODY_SIZE,
    HEADING_SIZE,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    blend,
    bold,
    box,
    cell,
    code,
    decimal_br,
    draw_lines,
    lock,
    new_figure,
    path_arrow,
    pill,
    plain,
    plus_sign,
    save,
    title,
)
from numeros import percent, thousands  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.data import DistributedSampler  # noqa: E402

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE.parent / "notebook.ipynb"

# o exemplo da figura do cache: um prompt de 3 tokens e 4 passos de geração (só rótulos; o modelo é sorteado)
PROMPT_WORDS = ["Era", "uma", "vez"]
NEW_WORDS = ["um", "rei", "que", "tinha"]
# a janela pequena do exemplo que passa do contexto, na nota da figura do cache
SMALL_CONTEXT = 4
# quantos exemplos mostramos na faixa de dados do DDP
DDP_EXAMPLES = 16


# --- o que vem do notebook ---------------------------------------------------------------------------


def chapter_blocks():
    """Os blocos do notebook de que as figuras precisam (e aqueles de que eles dependem)."""
    return blocos.load_blocks(NOTEBOOK, "receita_do_curso", "classificador", "gpt_kv", "gerar_com_cache", "lora",
                              "ddp_treino", "config_moderna")


def notebook_calls(function: str) -> list[ast.Call]:
    """As chamadas de `function(...)` nas células de código do notebook que não são blocos."""
    calls = []
    for cell_ in nbformat.read(NOTEBOOK, as_version=4).cells:
        if cell_.cell_type != "code" or cell_.source.startswith("# @bloco"):
            continue
        python = "\n".join(line for line in cell_.source.splitlines() if not line.startswith("%"))  # sem mágicas
        for node in ast.walk(ast.parse(python)):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name == function:
                    calls.append(node)
    if not calls:
        raise LookupError(f"nenhuma chamada de {function} no notebook")
    return calls


def keyword(call: ast.Call, name: str):
    return next(ast.literal_eval(k.value) for k in call.keywords if k.arg == name)


def kv_counts(m) -> dict:
    """Quantos tokens passam pelo modelo em cada passo, no `generate` e no `generate_cached` de verdade."""
    torch.manual_seed(123)
    config = {"vocab_size": 64, "context_length": 32, "emb_dim": 16, "n_heads": 2, "n_layers": 1,
              "drop_rate": 0.0, "qkv_bias": False}
    model = m.GPTModelKV(config).eval()
    seen: list[int] = []
    model.register_forward_pre_hook(lambda _module, args: seen.append(args[0].shape[1]))
    prompt = torch.randint(0, config["vocab_size"], (1, len(PROMPT_WORDS)))
    n_new = len(NEW_WORDS)

    def run(generate, context_size):
        seen.clear()
        out = generate(model, prompt, n_new, context_size)
        return out, list(seen)

    plain_out, plain_steps = run(m.generate, config["context_length"])
    cached_out, cached_steps = run(m.generate_cached, config["context_length"])
    assert torch.equal(plain_out, cached_out)
    small_plain, _ = run(m.generate, SMALL_CONTEXT)
    small_cached, small_steps = run(m.generate_cached, SMALL_CONTEXT)
    assert torch.equal(small_plain, small_cached)
    # o tamanho do cache depois de cada passo (sem passar da janela): prompt + passos − 1
    cache_sizes = [len(PROMPT_WORDS) + s for s in range(n_new)]
    return {"plain": plain_steps, "cached": cached_steps, "small": small_steps, "cache_sizes": cache_sizes}


def lora_counts(m) -> dict:
    """A camada de exemplo do notebook (`nn.Linear(entrada, saída)` e `LinearWithLoRA(..., rank, alpha)`)."""
    linear_call = next(c for c in notebook_calls("Linear") if len(c.args) == 2)
    d_in, d_out = (ast.literal_eval(a) for a in linear_call.args)
    lora_call = notebook_calls("LinearWithLoRA")[0]
    rank, alpha = keyword(lora_call, "rank"), keyword(lora_call, "alpha")
    layer = nn.Linear(d_in, d_out)
    lora_layer = m.LinearWithLoRA(nn.Linear(d_in, d_out), rank=rank, alpha=alpha)
    full = sum(p.numel() for p in layer.parameters())
    trainable = sum(p.numel() for p in lora_layer.parameters() if p.requires_grad)
    assert full == d_in * d_out + d_out and trainable == rank * (d_in + d_out)
    assert torch.count_nonzero(lora_layer.lora.B) == 0
    return {"d_in": d_in, "d_out": d_out, "rank": rank, "alpha": alpha, "full": full, "trainable": trainable,
            "scaling": lora_layer.lora.scaling}


def ddp_settings(m) -> dict:
    """Processos e lote da chamada do notebook, o comando do script e as fatias do DistributedSampler."""
    call = notebook_calls("run_ddp")[0]
    n_procs, batch_size = keyword(call, "n_procs"), keyword(call, "batch_size")
    usage = re.search(r"Uso: (torchrun .*?\.py)", m.DDP_SCRIPT)[1]
    seed = int(re.search(r'"--seed", type=int, default=(\d+)', m.DDP_SCRIPT)[1])
    dataset = list(range(DDP_EXAMPLES))
    shards = [list(DistributedSampler(dataset, num_replicas=n_procs, rank=r, shuffle=True, seed=seed,
                                      drop_last=True)) for r in range(n_procs)]
    assert not set(shards[0]) & set(shards[1]) and sum(map(len, shards)) == DDP_EXAMPLES
    return {"n_procs": n_procs, "batch_size": batch_size, "usage": usage, "seed": seed, "shards": shards}


def architecture_counts(m) -> dict:
    """GPTModel com `model_config` e ModernGPT com `modern_config`, na receita do curso, contados peça a peça."""
    vocab = m.COURSE_RECIPE["vocab_size"]
    count = m.count_parameters
    gpt_config = m.model_config(m.COURSE_RECIPE, vocab)
    modern_config = m.modern_config(m.COURSE_RECIPE, vocab)
    gpt, modern = m.GPTModel(gpt_config), m.ModernGPT(modern_config)
    old, new = gpt.trf_blocks[0], modern.trf_blocks[0]
    assert new.att.num_heads == modern_config["n_heads"]
    assert not any(name.endswith("bias") for name, _ in modern.named_parameters())  # "sem viés" na figura
    assert all(b.bias is not None for b in (old.ff.layers[0], old.ff.layers[2]))  # "com viés" na figura
    return {
        "vocab": vocab, "gpt_config": gpt_config, "modern_config": modern_config,
        "gpt": count(gpt), "modern": count(modern),
        "tok_emb": count(gpt.tok_emb), "pos_emb": count(gpt.pos_emb), "modern_tok_emb": count(modern.tok_emb),
        "old_block": count(old), "new_block": count(new),
        "old_norm": count(old.norm1), "new_norm": count(new.norm1),
        "old_att": count(old.att), "new_att": count(new.att),
        "old_ff": count(old.ff), "new_ff": count(new.ff),
        "old_final": count(gpt.final_norm), "new_final": count(modern.final_norm),
        "old_head": count(gpt.out_head), "new_head": count(modern.out_head),
        "old_ff_hidden": old.ff.layers[0].out_features,
        "old_out_bias": old.att.out_proj.bias is not None, "old_qkv_bias": old.att.W_query.bias is not None,
        "kv_dim": new.att.W_key.out_features, "head_dim": new.att.head_dim,
    }


# --- peças comuns ------------------------------------------------------------------------------------


def word_cell(ax, x: float, y: float, w: float, h: float, word: str, color: str, *, strong: bool = False,
              dashed: bool = False, size: float = SMALL_SIZE) -> None:
    """Um token numa caixinha; (x, y) é o centro."""
    colors = PALETTE[color]
    face = blend(colors.edge, 0.42) if strong else colors.face
    box(ax, x, y, w, h, [code(word, color=colors.text, bold=strong)], color=color, face=face, size=size,
        rounding=0.05, lw=1.8 if strong else 1.0, pad=0.01, linestyle=(0, (3, 2)) if dashed else "-")


# --- kv-cache ----------------------------------------------------------------------------------------


def kv_cache_figure(k: dict) -> None:
    width, height = 14.6, 8.4
    fig, ax = new_figure(width, height)
    title(ax, "Gerar com e sem o cache de chaves e valores (KV cache)",
          f"um prompt de {len(PROMPT_WORDS)} tokens e {len(NEW_WORDS)} passos de geração; "
          "os mesmos tokens saem dos dois lados")
    words = PROMPT_WORDS + NEW_WORDS
    n_steps = len(NEW_WORDS)
    cw, ch = 0.6, 0.38
    row_gap = 0.82
    top = height - 2.25
    ys = [top - s * row_gap for s in range(n_steps)]
    purple = PALETTE["purple"]

    def step_label(x: float, y: float, s: int) -> None:
        draw_lines(ax, x, y, [bold(f"passo {s + 1}", color=MUTED)], size=SMALL_SIZE, ha="left")

    def token_count(x: float, y: float, n: int) -> None:
        draw_lines(ax, x, y, [[bold(str(n)), plain(" tokens" if n > 1 else " token", color=MUTED)]],
                   size=SMALL_SIZE, ha="left")

    def total(x: float, n: int, color: str) -> None:
        draw_lines(ax, x, ys[-1] - 0.62,
                   [[plain("ao todo: ", color=MUTED), bold(f"{n} tokens", color=color),
                     plain(" pelo modelo", color=MUTED)]], size=BODY_SIZE, ha="right")

    def caption(x: float, lines: list[str]) -> None:
        draw_lines(ax, x, ys[-1] - 1.0, lines, size=SMALL_SIZE, color=MUTED, ha="left", va="top")

    # --- esquerda: sem cache
    lx = 0.4
    pill(ax, lx, height - 1.45, [bold("sem cache: "), code("generate", bold=True)], color="gray", size=BODY_SIZE,
         ha="left", height=0.42, pad_x=0.18)
    x0 = lx + 0.9
    next_x = x0 + max(k["plain"]) * cw + 0.42  # onde começa o token previsto da linha mais longa
    for s, y in enumerate(ys):
        step_label(lx, y, s)
        n = k["plain"][s]
        for j in range(n):
            last = j == n - 1
            word_cell(ax, x0 + j * cw + cw / 2, y, cw - 0.06, ch, words[j], "blue" if last else "gray",
                      strong=last)
        x_end = x0 + n * cw
        arrow(ax, (x_end - 0.02, y), (x_end + 0.38, y), head=11, lw=1.5, gap=0.5)
        word_cell(ax, x_end + 0.45 + cw / 2 - 0.03, y, cw - 0.06, ch, words[n], "green", strong=True)
        token_count(next_x + cw + 0.2, y, n)
    mid = next_x + cw + 1.15
    total(mid - 0.3, sum(k["plain"]), PALETTE["red"].text)
    caption(lx, ["a cada passo, o modelo recebe a sequência inteira e recalcula",
                 "consultas, chaves e valores de todos os tokens (cinza) para",
                 "usar só a saída da última posição (azul)"])

    ax.plot([mid, mid], [ys[-1] - 1.7, height - 1.2], color="#D5DAE1", lw=1.2, zorder=1)

    # --- direita: com cache
    rx = mid + 0.3
    pill(ax, rx, height - 1.45, [bold("com cache: "), code("generate_cached", bold=True)], color="purple",
         size=BODY_SIZE, ha="left", height=0.42, pad_x=0.18)
    in_x1 = rx + 0.9 + len(PROMPT_WORDS) * cw  # os tokens de entrada, alinhados à direita
    kv_x0 = in_x1 + 0.75
    kw, kh = 0.27, 0.2
    max_cache = max(k["cache_sizes"])
    out_x = kv_x0 + max_cache * kw + 0.45
    for s, y in enumerate(ys):
        step_label(rx, y, s)
        n_in = k["cached"][s]
        size = k["cache_sizes"][s]
        first = size - n_in  # posição do primeiro token que entra neste passo
        for j in range(n_in):
            word_cell(ax, in_x1 - (n_in - j) * cw + cw / 2, y, cw - 0.06, ch, words[first + j], "blue",
                      strong=True)
        arrow(ax, (in_x1 - 0.02, y), (kv_x0 - 0.32, y), head=11, lw=1.5, gap=0.5)
        # as colunas K e V: uma célula por token já visto; as deste passo em destaque
        for name, dy in (("K", kh / 2 + 0.02), ("V", -kh / 2 - 0.02)):
            draw_lines(ax, kv_x0 - 0.08, y + dy, [bold(name, color=purple.text)], size=SMALL_SIZE - 1, ha="right")
            for j in range(size):
                new = j >= first
                cell(ax, kv_x0 + j * kw, y + dy - kh / 2, kw - 0.03, kh,
                     face=blend(purple.edge, 0.55) if new else purple.face, edge=purple.edge,
                     lw=1.4 if new else 0.8)
        arrow(ax, (kv_x0 + size * kw + 0.02, y), (out_x - 0.04, y), head=11, lw=1.5, gap=0.5)
        word_cell(ax, out_x + cw / 2, y, cw - 0.06, ch, words[size], "green", strong=True)
        token_count(out_x + cw + 0.2, y, n_in)
    total(width - 0.4, sum(k["cached"]), PALETTE["green"].text)
    caption(rx, ["o prompt passa uma vez; depois, só o token novo. A consulta dele",
                 "olha as chaves e os valores guardados: K e V ganham um token por",
                 "passo (forte: calculado agora; claro: lido do cache). Os antigos",
                 "nunca mudam, pela máscara causal"])

    # nota: além da janela do contexto
    note_h = 1.15
    small = ", ".join(str(n) for n in k["small"][:-1]) + f" e {k['small'][-1]}"
    box(ax, width / 2, 0.3 + note_h / 2, width - 0.8, note_h,
        [[bold("E quando a janela do contexto enche? "), plain("O "), code("generate_cached"),
          plain(" passa a recalcular os últimos "), code("context_size"), plain(" tokens a cada passo: os")],
         [plain("embeddings de posição do GPT-2 são absolutos, e um cache deslizante guardaria chaves de posições "
                "que já não são as delas.")],
         [plain("Assim a saída é idêntica à do "), code("generate"), plain(". Com "),
          code(f"context_size={SMALL_CONTEXT}"),
          plain(f" e este prompt, passam pelo modelo {small} tokens nos {n_steps} passos.")]],
        color="yellow", face="white", size=SMALL_SIZE, ha="left", pad=0.25)
    save(fig, HERE / "kv-cache")


# --- lora --------------------------------------------------------------------------------------------


def lora_figure(c: dict) -> None:
    width, height = 13.0, 8.6
    fig, ax = new_figure(width, height)
    d_in, d_out, r, alpha = c["d_in"], c["d_out"], c["rank"], c["alpha"]
    title(ax, "LoRA: o peso fica congelado; aprende só uma correção de baixo posto",
          f"a camada de exemplo do notebook: nn.Linear({d_in}, {d_out}) com LoRA de posto r = {r} e α = {alpha}")
    gray, orange, green = PALETTE["gray"], PALETTE["orange"], PALETTE["green"]
    scaling = c["scaling"]
    scaling_text = decimal_br(scaling, 0) if float(scaling).is_integer() else decimal_br(scaling, 2)

    y_top, y_low = 6.15, 3.95  # o caminho de W e o caminho de A·B
    y_mid = (y_top + y_low) / 2
    # a entrada
    box(ax, 1.05, y_mid, 1.3, 0.95, [[bold("x")], [plain(f"1 × {d_in}", color=MUTED)]], color="blue",
                size=BODY_SIZE)
    # W congelado
    w_x, w_w, w_h = 5.3, 3.9, 1.45
    box(ax, w_x, y_top, w_w, w_h,
                [[bold("W", color=gray.text), plain("  congelado", color=gray.text)],
                 [plain(f"{d_in} × {d_out}", color=MUTED)],
                 [plain(f"+ viés b ({d_out})", color=MUTED)]],
                color="gray", size=BODY_SIZE)
    lock(ax, w_x - w_w / 2 + 0.28, y_top + w_h / 2 - 0.28)
    # A (fina e alta) e B (larga e baixa)
    a_x, a_w, a_h = 3.75, 0.75, 1.45
    a_box = box(ax, a_x, y_low, a_w, a_h, [[bold("A")], [plain(f"{d_in}", color=MUTED)], [plain("×")],
                                           [plain(f"{r}", color=MUTED)]],
                color="orange", size=BODY_SIZE - 0.5)
    b_x, b_w, b_h = 5.85, 2.0, 0.75
    b_box = box(ax, b_x, y_low, b_w, b_h, [[bold("B"), plain(f"  {r} × {d_out}", color=MUTED)]], color="orange",
                size=BODY_SIZE - 0.5)
    draw_lines(ax, b_x, y_low - b_h / 2 - 0.25, [bold("começa em zero", color=orange.text)], size=SMALL_SIZE)
    draw_lines(ax, a_x, y_low - a_h / 2 - 0.25, [plain("sorteada", color=orange.text)], size=SMALL_SIZE)
    s_x = 8.25
    s_box = pill(ax, s_x, y_low, [plain("× α/r = "), bold(f"{alpha}/{r} = {scaling_text}")], color="orange",
                 size=SMALL_SIZE + 0.5, height=0.5)
    # a soma e a saída
    p_x = 10.05
    plus = plus_sign(ax, p_x, y_mid, radius=0.24)
    h_x = 11.75
    h_box = box(ax, h_x, y_mid, 1.6, 0.95, [[bold("h")], [plain(f"1 × {d_out}", color=MUTED)]], color="green",
                size=BODY_SIZE)
    # setas
    split_x = 2.1
    path_arrow(ax, [(1.7, y_mid), (split_x, y_mid), (split_x, y_top), (w_x - w_w / 2 - 0.03, y_top)], head=13,
               lw=1.7)
    path_arrow(ax, [(split_x, y_mid), (split_x, y_low), (a_x - a_w / 2 - 0.03, y_low)], head=13, lw=1.7)
    arrow(ax, (a_x, y_low), (b_x, y_low), patch_a=a_box, patch_b=b_box, head=13, lw=1.7)
    arrow(ax, (b_x, y_low), (s_x, y_low), patch_a=b_box, patch_b=s_box, head=13, lw=1.7)
    path_arrow(ax, [(w_x + w_w / 2 + 0.03, y_top), (p_x, y_top), (p_x, y_mid + 0.27)], head=13, lw=1.7)
    s_right = s_box.get_x() + s_box.get_width()
    path_arrow(ax, [(s_right + 0.03, y_low), (p_x, y_low), (p_x, y_mid - 0.27)], head=13, lw=1.7)
    arrow(ax, (p_x, y_mid), (h_x, y_mid), patch_a=plus, patch_b=h_box, head=13, lw=1.7)
    # rótulos dos caminhos
    draw_lines(ax, w_x, y_top + w_h / 2 + 0.25, [[plain("o peso original: ", color=MUTED),
                                                  bold("não muda", color=gray.text)]], size=SMALL_SIZE)
    draw_lines(ax, (a_x + s_x) / 2, y_low + a_h / 2 + 0.18,
               [[plain("a correção: ", color=MUTED), bold("só A e B aprendem", color=orange.text)]], size=SMALL_SIZE)

    # a fórmula
    y_formula = 2.45
    draw_lines(ax, width / 2, y_formula,
               [[bold("h = x·W + b + (α/r)·x·A·B", size=HEADING_SIZE)]], size=HEADING_SIZE)
    draw_lines(ax, width / 2, y_formula - 0.4,
               [plain("B = 0 no começo: A·B = 0 e a camada com LoRA dá exatamente a saída da original", color=MUTED)],
               size=SMALL_SIZE)

    # as contagens e a fusão
    y_box = 0.85
    full, trainable = c["full"], c["trainable"]
    box(ax, 3.4, y_box, 6.0, 1.1,
        [[plain(f"camada inteira: {d_in} × {d_out} + {d_out} = "), bold(thousands(full))],
         [plain(f"LoRA de posto {r}: {r} × ({d_in} + {d_out}) = "),
          bold(thousands(trainable), color=orange.text), plain(f" treináveis ({percent(trainable / full)})")]],
        color="orange", face="white", size=BODY_SIZE - 1, ha="left", pad=0.25)
    box(ax, 9.7, y_box, 6.2, 1.1,
        [[bold("fundir: "), bold("W' = W + (α/r)·A·B", color=green.text), plain(", sem custo na hora de usar")],
         [plain("no código, ", color=MUTED), code("weight + scaling * (A @ B).T", color=MUTED),
          plain(": o nn.Linear", color=MUTED)],
         [plain(f"guarda W transposto ({d_out} × {d_in})", color=MUTED)]],
        color="green", face="white", size=BODY_SIZE - 1.5, ha="left", pad=0.25)
    save(fig, HERE / "lora")


# --- ddp ---------------------------------------------------------------------------------------------


def ddp_figure(d: dict) -> None:
    width, height = 13.0, 9.5
    fig, ax = new_figure(width, height)
    n, batch = d["n_procs"], d["batch_size"]
    title(ax, "Paralelismo de dados (DDP): uma cópia do modelo por processo",
          f"{n} processos, cada um com uma fatia diferente dos dados; a média dos gradientes mantém as cópias iguais")
    colors = ["blue", "teal"]
    xs = [3.25, 9.75]  # o centro da coluna de cada processo
    col_w = 4.7

    # os dados e as fatias do DistributedSampler
    y = height - 1.5
    draw_lines(ax, 0.4, y, [[bold("os dados"), plain(f" ({DDP_EXAMPLES} exemplos, para ver as fatias)",
                                                       color=MUTED)]], size=BODY_SIZE, ha="left")
    owner = {i: r for r, shard in enumerate(d["shards"]) for i in shard}
    cw = 0.5
    x0 = width / 2 - DDP_EXAMPLES * cw / 2
    y_data = y - 0.55
    for i in range(DDP_EXAMPLES):
        color = PALETTE[colors[owner[i]]]
        box(ax, x0 + i * cw + cw / 2, y_data, cw - 0.06, 0.4, [bold(str(i), color=color.text)], color=colors[owner[i]],
            face=blend(color.edge, 0.3), size=SMALL_SIZE, rounding=0.05, pad=0.01)
    draw_lines(ax, width / 2, y_data - 0.45,
               [[code("DistributedSampler", color=MUTED),
                 plain(f"(semente {d['seed']}): embaralha e dá a cada processo uma fatia disjunta (cor = processo)",
                       color=MUTED)]],
               size=SMALL_SIZE)

    # as colunas dos processos
    y_shard = y_data - 1.3
    y_model = y_shard - 1.3
    y_reduce = y_model - 1.4
    y_step = y_reduce - 1.2
    row_h, model_h = 0.8, 1.1
    for r, x in enumerate(xs):
        c = colors[r]
        text = PALETTE[c].text
        shard = d["shards"][r]
        box(ax, x, y_shard, col_w, row_h,
            [[bold(f"processo {r}", color=text), plain(f"  (rank {r})", color=MUTED)],
             [plain("a sua fatia: ", color=MUTED), plain(", ".join(map(str, shard)), color=text)]],
            color=c, size=BODY_SIZE - 1)
        arrow(ax, (x, y_data - 0.65), (x, y_shard + row_h / 2), head=12, lw=1.6, gap=1.0)
        box(ax, x, y_model, col_w, model_h,
            [[bold("cópia inteira do modelo")],
             [plain("forward e backward no seu lote de ", color=MUTED), bold(str(batch))],
             [plain("→ os seus gradientes ", color=MUTED), bold(f"g{'₀₁'[r]}", color=text)]],
            color="white", size=BODY_SIZE - 1)
        arrow(ax, (x, y_shard - row_h / 2), (x, y_model + model_h / 2), head=12, lw=1.6, gap=1.0)
        box(ax, x, y_step, col_w, row_h,
            [[bold("AdamW: o mesmo passo")], [plain("as cópias continuam idênticas", color=MUTED)]],
            color="green", size=BODY_SIZE - 1)
        arrow(ax, (x, y_model - model_h / 2), (x, y_reduce + row_h / 2), head=12, lw=1.6, gap=1.0)
        arrow(ax, (x, y_reduce - row_h / 2), (x, y_step + row_h / 2), head=12, lw=1.6, gap=1.0)
    # o all-reduce, atravessando as duas colunas
    box(ax, width / 2, y_reduce, xs[1] - xs[0] + col_w, row_h,
        [[bold("all-reduce: "), plain("cada processo recebe a média "), bold("(g₀ + g₁) / 2")],
         [plain("feito pelo DDP dentro do ", color=MUTED), code("loss.backward()", color=MUTED)]],
        color="purple", size=BODY_SIZE - 1)
    draw_lines(ax, width / 2, y_model,
               [plain("pesos iniciais", color=MUTED), plain("iguais: o DDP", color=MUTED),
                plain("copia os do", color=MUTED), plain("processo 0", color=MUTED)],
               size=SMALL_SIZE - 0.5)

    # embaixo: lote global, backends e o comando
    y_note = 0.9
    box(ax, width / 2, y_note, width - 0.8, 1.2,
        [[bold("lote global = lote por processo × processos"), plain(f" = {batch} × {n} = "), bold(str(batch * n))],
         [plain("backends: "), code("gloo"), plain(" (CPU, como no notebook) · "), code("nccl"), plain(" (GPU)")],
         [plain("para lançar: "), code(d["usage"])]],
        color="gray", face="white", size=BODY_SIZE - 1, ha="left", pad=0.25)
    save(fig, HERE / "ddp")


# --- moderno -----------------------------------------------------------------------------------------


def modern_figure(a: dict) -> None:
    width, height = 13.4, 12.1
    fig, ax = new_figure(width, height)
    gc, mc = a["gpt_config"], a["modern_config"]
    emb, heads, groups = gc["emb_dim"], gc["n_heads"], mc["n_kv_groups"]
    title(ax, "Do bloco do GPT-2 a um bloco moderno",
          "as mesmas ideias (atenção causal, feed-forward, atalhos), com quatro trocas; a receita do curso nos dois")
    t = thousands
    xs = [3.35, 10.05]
    bw = 4.7
    orange = PALETTE["orange"]

    def part(x, y, h, lines, color, count_text):
        lines = [*lines, [plain(count_text, color=MUTED)]]
        return box(ax, x, y, bw, h, lines, color=color, size=SMALL_SIZE + 0.5)

    def params(n: int) -> str:
        return f"{t(n)} parâmetros"

    # cabeçalhos
    y_head = height - 1.5
    pill(ax, xs[0], y_head, [bold("GPT-2: o GPTModel do capítulo 05")], color="gray", size=BODY_SIZE, height=0.42,
         pad_x=0.2)
    pill(ax, xs[1], y_head, [bold("moderno: o ModernGPT")], color="orange", size=BODY_SIZE, height=0.42, pad_x=0.2)

    y_emb, y_n1, y_att, y_p1, y_n2, y_ff, y_p2, y_out = 1.8, 3.45, 4.65, 5.6, 6.45, 7.65, 8.6, 9.95
    h_emb, h_norm, h_big, h_out = 0.95, 0.75, 1.05, 0.75
    frame_bottom, frame_top = y_n1 - h_norm / 2 - 0.5, y_p2 + 0.55
    old_bias = "viés só na saída" if a["old_out_bias"] and not a["old_qkv_bias"] else "com viés"
    rows = {
        "emb": ([[bold("tok_emb + pos_emb")],
                 [plain(f"posição: tabela aprendida {gc['context_length']} × {emb}")]], "gray",
                f"{t(a['tok_emb'])} + {t(a['pos_emb'])}",
                [[bold("tok_emb")], [plain("sem tabela: a posição vem da RoPE")]], "orange", t(a["modern_tok_emb"])),
        "n1": ([[bold("LayerNorm")]], "gray", f"tira a média, escala e desloca · {t(a['old_norm'])}",
               [[bold("RMSNorm")]], "orange", f"só divide pelo RMS e escala · {t(a['new_norm'])}"),
        "att": ([[bold("atenção multicabeça")],
                 [plain(f"{heads} cabeças, cada uma com as suas chaves e valores")]], "gray",
                f"Q, K, V de {emb} × {emb}; {old_bias} · {t(a['old_att'])}",
                [[bold("GQA"), plain(" + "), bold("RoPE")],
                 [plain(f"{heads} cabeças de consulta, {groups} grupos de K e V")]], "orange",
                f"K, V de {emb} × {a['kv_dim']}; RoPE gira Q e K; sem viés · {t(a['new_att'])}"),
        "n2": ([[bold("LayerNorm")]], "gray", f"tira a média, escala e desloca · {t(a['old_norm'])}",
               [[bold("RMSNorm")]], "orange", f"só divide pelo RMS e escala · {t(a['new_norm'])}"),
        "ff": ([[bold("feed-forward com GELU")],
                [plain(f"{emb} → {t(a['old_ff_hidden'])} → {emb} (4 × emb_dim)")]], "gray",
               f"com viés · {t(a['old_ff'])}",
               [[bold("SwiGLU"), plain(": silu(x·W1) ⊙ (x·W2) → W3")],
                [plain(f"{emb} → {mc['hidden_dim']} → {emb} (hidden_dim)")]], "orange",
               f"sem viés · {t(a['new_ff'])}"),
        "out": ([[bold("LayerNorm final + out_head")]], "gray", f"{t(a['old_final'])} + {t(a['old_head'])}",
                [[bold("RMSNorm final + out_head")]], "orange", f"{t(a['new_final'])} + {t(a['new_head'])}"),
    }
    layout = {"emb": (y_emb, h_emb), "n1": (y_n1, h_norm), "att": (y_att, h_big), "n2": (y_n2, h_norm),
              "ff": (y_ff, h_big), "out": (y_out, h_out)}
    for side, x in enumerate(xs):
        patches = {}
        for name, (y, h) in layout.items():
            row = rows[name]
            lines, color, count_text = row[3 * side: 3 * side + 3]
            patches[name] = part(x, y, h, lines, color, count_text)
        # o quadro do bloco, com os atalhos
        frame_w = bw + 1.0
        box(ax, x, (frame_bottom + frame_top) / 2, frame_w, frame_top - frame_bottom, color="gray", face="white",
            linestyle=(0, (4, 3)), lw=1.2, zorder=1)
        block = a["old_block"] if side == 0 else a["new_block"]
        draw_lines(ax, x - frame_w / 2 + 0.15, frame_top - 0.25, [bold(f"× {gc['n_layers']} blocos", color=MUTED)],
                   size=SMALL_SIZE, ha="left")
        draw_lines(ax, x + frame_w / 2 - 0.15, frame_top - 0.25, [plain(f"{params(block)} cada", color=MUTED)],
                   size=SMALL_SIZE, ha="right")
        plus_a = plus_sign(ax, x, y_p1, radius=0.2)
        plus_b = plus_sign(ax, x, y_p2, radius=0.2)
        lw, hd = 1.5, 11
        arrow(ax, (x, y_emb), (x, y_n1), patch_a=patches["emb"], patch_b=patches["n1"], head=hd, lw=lw)
        arrow(ax, (x, y_n1), (x, y_att), patch_a=patches["n1"], patch_b=patches["att"], head=hd, lw=lw)
        arrow(ax, (x, y_att), (x, y_p1), patch_a=patches["att"], patch_b=plus_a, head=hd, lw=lw)
        arrow(ax, (x, y_p1), (x, y_n2), patch_a=plus_a, patch_b=patches["n2"], head=hd, lw=lw)
        arrow(ax, (x, y_n2), (x, y_ff), patch_a=patches["n2"], patch_b=patches["ff"], head=hd, lw=lw)
        arrow(ax, (x, y_ff), (x, y_p2), patch_a=patches["ff"], patch_b=plus_b, head=hd, lw=lw)
        arrow(ax, (x, y_p2), (x, y_out), patch_a=plus_b, patch_b=patches["out"], head=hd, lw=lw)
        # atalhos: da entrada de cada metade do bloco até o "+"
        side_x = x - bw / 2 - 0.25
        for y_from, y_plus in ((y_n1 - h_norm / 2 - 0.22, y_p1), (y_p1 + 0.33, y_p2)):
            path_arrow(ax, [(x, y_from), (side_x, y_from), (side_x, y_plus), (x - 0.22, y_plus)], head=hd, lw=1.3,
                       color=MUTED)
    # o que mudou: setas entre as linhas que trocaram
    for y, _ in layout.values():  # todas as linhas mudam (a de cima, pela RMSNorm final)
        arrow(ax, (xs[0] + bw / 2 + 0.55, y), (xs[1] - bw / 2 - 0.55, y), color=orange.edge, lw=2.0, head=14, gap=0)
    draw_lines(ax, width / 2, y_p1, [plain("atalhos", color=MUTED), plain("iguais", color=MUTED)],
               size=SMALL_SIZE - 0.5)

    # embaixo: os totais
    y_total = 0.9
    for side, x in enumerate(xs):
        total = a["gpt"] if side == 0 else a["modern"]
        name = "GPTModel" if side == 0 else "ModernGPT"
        draw_lines(ax, x, y_total, [[code(name, bold=True), plain(": "), bold(params(total))]], size=BODY_SIZE)
    draw_lines(ax, width / 2, y_total - 0.45,
               [plain(f"vocabulário de {t(a['vocab'])}, emb_dim {emb}, {gc['n_layers']} blocos; o hidden_dim da "
                      f"SwiGLU ({mc['hidden_dim']}) é escolhido para os totais quase empatarem", color=MUTED)],
               size=SMALL_SIZE)
    save(fig, HERE / "moderno")


def main() -> None:
    m = chapter_blocks()
    k = kv_counts(m)
    kv_cache_figure(k)
    print(f"kv-cache: sem cache {k['plain']} (total {sum(k['plain'])}); com cache {k['cached']} "
          f"(total {sum(k['cached'])}); janela de {SMALL_CONTEXT}: {k['small']}")
    c = lora_counts(m)
    lora_figure(c)
    print(f"lora: {c}")
    d = ddp_settings(m)
    ddp_figure(d)
    print(f"ddp: {d}")
    a = architecture_counts(m)
    modern_figure(a)
    print(f"moderno: { {k: v for k, v in a.items() if not k.endswith('config')} }")


if __name__ == "__main__":
    main()
