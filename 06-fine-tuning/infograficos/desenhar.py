"""Infográficos do capítulo 06 — Fine-tuning.

Gera, nesta pasta, PNG e SVG de:
- dados-spam: os SMS rotulados (spam ou não) em português; a retirada das cópias exatas e das quase-cópias
  (a mesma `near_copy_key`), o equilíbrio das classes por subamostragem, com as mensagens normais que sobram
  guardadas (o modelo nunca as vê: medem a caixa de entrada real e o exercício 4), e a divisão estratificada
  70 / 10 / 20 em treino, validação e teste, cada classe cortada sozinha (cada parte com metade de spam);
- cirurgia: o GPT do capítulo 05 vira classificador: a cabeça de saída de 256 → vocabulário dá lugar a
  uma de 256 → 2; embeddings e blocos 1 a 3 congelados, o último bloco, a normalização final e a
  cabeça nova treináveis, com os parâmetros contados no modelo;
- ultimo-token: por que lemos a classificação no token que fecha a mensagem, com a máscara causal
  de uma mensagem curta seguida do `<|endoftext|>` que a fecha e de preenchimento.

Nada é digitado à mão: as contagens saem das próprias funções do bloco `dados_spam` do notebook deste
capítulo (`near_copy_key`, `load_spam_messages`, `balance_classes`, `split_frame`), rodadas em `spam_br.csv`
(pasta da variável CURSO_DADOS ou `../shared/dados`; o cache do curso, CURSO_CACHE, fica numa pasta temporária
se não vier definido), e as asserções conferem o que elas fazem (a primeira de cada grupo de quase-cópias fica;
as sobras não estão no conjunto equilibrado; cada classe é cortada com `round(fração × tamanho)`); a cirurgia
é a do bloco `classificador` (`make_classifier`, `count_parameters`), feita no `GPTModel` dos blocos
`modelo_gpt` e `receita_do_curso`; o tokenizador é o BPE do curso, como o bloco `dados_machado` o treina (de
novo aqui, na parte de treino de Machado, o que leva um tempo).

Rode com `python ferramentas/infograficos.py 06` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import blocos  # noqa: E402
import pandas as pd  # noqa: E402
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
    cell,
    code,
    course_environment,
    decimal_br,
    draw_lines,
    line_width,
    lock,
    new_figure,
    pill,
    plain,
    save,
    title,
    token_spans,
)
from matplotlib.patches import Rectangle  # noqa: E402
from numeros import percent, thousands  # noqa: E402
from raiz import data_dir  # noqa: E402

HERE = Path(__file__).resolve().parent
CHAPTER_06 = HERE.parent / "notebook.ipynb"
DATA_DIR = data_dir()

# a semente com que o notebook equilibra e embaralha
SEED = 123
# exemplos de mensagens mostrados na figura dos dados (índices de linhas do arquivo)
EXAMPLE_ROWS = {"ham": 4660, "spam": 5381}
# um exemplo de quase-cópia: a primeira do grupo, que fica, e uma que sai (índices de linhas do arquivo)
NEAR_COPY_ROWS = (1195, 1216)
# a mensagem curta da figura do último token e quantos tokens de preenchimento vêm depois dela
SHORT_MESSAGE = "Ganhe dinheiro já!"
N_PADDING = 2

FROZEN = PALETTE["gray"]


# --- o que vem do notebook ---------------------------------------------------------------------------


def chapter_blocks():
    """Os blocos do notebook deste capítulo de que as figuras precisam (e aqueles de que eles dependem).

    Chame dentro de `course_environment(...)`: o bloco `baixar_dados` lê CURSO_CACHE quando é executado.
    """
    return blocos.load_blocks(CHAPTER_06, "modelo_gpt", "receita_do_curso", "dados_machado", "dados_spam",
                              "classificador")


def course_tokenizer(blocks):
    """O BPE do curso, como o capítulo 05 o treina: só na parte de treino dos sete livros de Machado.

    Chame dentro de `course_environment(...)`: `machado_split` lê os livros pelo `download_file` do curso."""
    train_text, _ = blocks.machado_split()
    return blocks.train_tokenizer(train_text, blocks.COURSE_RECIPE["vocab_size"])


def surgery_counts(blocks, n_vocab: int) -> dict:
    """Monta o GPT do curso, faz nele a cirurgia do notebook (`make_classifier`) e conta os parâmetros."""
    count = blocks.count_parameters
    config = blocks.model_config(blocks.COURSE_RECIPE, n_vocab)
    model = blocks.GPTModel(config)
    counts = {
        "config": config,
        "gpt": count(model),
        "tok_emb": count(model.tok_emb),
        "pos_emb": count(model.pos_emb),
        "block": count(model.trf_blocks[0]),
        "final_norm": count(model.final_norm),
        "old_head": count(model.out_head),
    }
    assert all(count(b) == counts["block"] for b in model.trf_blocks)
    model = blocks.make_classifier(model, num_classes=2, trainable="last_block")
    trainable_parts = (model.trf_blocks[-1], model.final_norm, model.out_head)
    assert all(p.requires_grad for part in trainable_parts for p in part.parameters())
    counts["new_head"] = count(model.out_head)
    counts["classifier"] = count(model)
    counts["trainable"] = count(model, trainable_only=True)
    counts["frozen"] = counts["classifier"] - counts["trainable"]
    assert counts["trainable"] == counts["block"] + counts["final_norm"] + counts["new_head"]
    assert counts["classifier"] == counts["gpt"] - counts["old_head"] + counts["new_head"]
    return counts


# --- peças comuns ------------------------------------------------------------------------------------


def segment(ax, x0: float, x1: float, y: float, h: float, lines, color: str, **kwargs):
    """Pedaço de uma barra proporcional, de x0 a x1 (com um respiro entre vizinhos)."""
    return box(ax, (x0 + x1) / 2, y, x1 - x0 - 0.04, h, lines, color=color, rounding=0.06, **kwargs)


# --- dados-spam --------------------------------------------------------------------------------------


def spam_data(blocks) -> dict:
    """As contagens de cada etapa, feitas pelas funções do bloco `dados_spam`, como o notebook as chama."""
    raw = pd.read_csv(DATA_DIR / "spam_br.csv")
    labels = raw["Label"].map(blocks.LABELS)
    n_ham, n_spam = int((labels == 0).sum()), int((labels == 1).sum())
    assert len(raw) == n_ham + n_spam
    messages = blocks.load_spam_messages("pt")
    n_unique = len(messages)
    unique_ham, unique_spam = int((messages["label"] == 0).sum()), int((messages["label"] == 1).sum())
    # o que sumiu saiu por repetição: cópia exata do texto ou quase-cópia (a mesma `near_copy_key`), ficando a
    # primeira de cada grupo (nenhuma mensagem vazia no arquivo)
    texts = raw[blocks.SPAM_COLUMNS["pt"]].astype(str).str.strip()
    keys = texts.map(blocks.near_copy_key)
    exact, same_key = texts.duplicated(), keys.duplicated()
    near = same_key & ~exact
    assert (texts != "").all() and not (exact & ~same_key).any()
    assert messages["text"].tolist() == texts[~same_key].tolist()
    assert n_unique == len(raw) - int(exact.sum()) - int(near.sum())
    first, copy = NEAR_COPY_ROWS
    assert near[copy] and not same_key[first] and keys[first] == keys[copy] and texts[first] != texts[copy]
    balanced, left_out = blocks.balance_classes(messages, seed=SEED)
    assert (balanced["label"].value_counts() == unique_spam).all() and unique_spam < unique_ham
    # as sobras: as normais que o sorteio deixou de fora, nenhuma também no conjunto equilibrado
    assert (left_out["label"] == 0).all() and len(left_out) == unique_ham - unique_spam
    assert sorted([*balanced["text"], *left_out["text"]]) == sorted(messages["text"])
    defaults = inspect.signature(blocks.split_frame).parameters
    train_fraction = defaults["train_fraction"].default
    val_fraction = defaults["val_fraction"].default
    parts = blocks.split_frame(balanced, seed=SEED)
    assert sorted(text for part in parts for text in part["text"]) == sorted(balanced["text"])
    # estratificada: cada classe cortada sozinha, com round(fração × tamanho da classe)
    per_class = [[int((part["label"] == label).sum()) for label in (0, 1)] for part in parts]
    for label, size in balanced["label"].value_counts().sort_index().items():
        counts = [part[label] for part in per_class]
        assert counts == [round(size * train_fraction), round(size * val_fraction),
                          size - round(size * train_fraction) - round(size * val_fraction)]
    spam_shares = {part[1] / sum(part) for part in per_class}
    assert len(spam_shares) == 1  # a mesma fração de spam nas três partes
    train, val, test = parts
    examples = {label: raw.loc[row, blocks.SPAM_COLUMNS["pt"]] for label, row in EXAMPLE_ROWS.items()}
    assert all(raw.loc[row, "Label"] == label for label, row in EXAMPLE_ROWS.items())
    return {"total": len(raw), "ham": n_ham, "spam": n_spam,
            "unique": n_unique, "unique_ham": unique_ham, "unique_spam": unique_spam,
            "removed": len(raw) - n_unique, "exact": int(exact.sum()), "near": int(near.sum()),
            "near_example": (texts[first], texts[copy]),
            "balanced": len(balanced), "left_out": len(left_out),
            "train": len(train), "val": len(val), "test": len(test),
            "per_class": per_class, "spam_share": spam_shares.pop(),
            "train_fraction": train_fraction, "val_fraction": val_fraction,
            "names": blocks.LABEL_NAMES, "examples": examples}


def share_of(fraction: float, n: int, result: int) -> str:
    """A conta do corte de uma classe como o notebook a faz: `round(fração × n)`; "=" se a conta já dá inteira."""
    exact = fraction * n
    sign = "=" if abs(exact - result) < 1e-9 else "≈"
    return f"{decimal_br(fraction, 1)} × {thousands(n)} {sign} {thousands(result)} de cada classe"


def differing_tail(text: str, other: str, context: int = 2) -> str:
    """`text` a partir de `context` palavras antes da primeira em que difere de `other` ("…" no começo cortado)."""
    words, others = text.split(), other.split()
    i = next(i for i, (a, b) in enumerate(zip(words, others)) if a != b)
    start = max(i - context, 0)
    return ("…" if start else "") + " ".join(words[start:])


def data_figure(dataset: dict) -> None:
    width, height = 12.0, 12.95
    fig, ax = new_figure(width, height)
    title(ax, "Os dados: SMS em português, spam ou não",
          "a SMS Spam Collection (UCI) traduzida para o português; as contagens saem das funções do notebook")
    x0, x1 = 0.6, 11.4
    bar_h = 0.52
    blue, red, green, orange, purple, yellow = (PALETTE[c] for c in ("blue", "red", "green", "orange", "purple",
                                                                     "yellow"))
    ham_name, spam_name = dataset["names"]

    def heading(y: float, number: int, line) -> None:
        badge(ax, x0 + 0.2, y, number, color="gray", radius=0.2, size=12)
        draw_lines(ax, x0 + 0.55, y, [line], size=HEADING_SIZE, ha="left")

    def left_out(xa: float, xb: float, y: float, text: str) -> None:
        segment(ax, xa, xb, y, bar_h, [[plain(text, color=MUTED)]], color="gray", face="white",
                linestyle=(0, (4, 3)), size=SMALL_SIZE)

    # 1. o arquivo
    y = height - 1.48
    heading(y, 1, [bold(f"o arquivo: {thousands(dataset['total'])} mensagens")])
    draw_lines(ax, x1, y,
               [[plain("colunas ", color=MUTED), code("Label", color=MUTED), plain(" (ham/spam), ", color=MUTED),
                 code("EmailText", color=MUTED), plain(" (inglês), ", color=MUTED),
                 code("EmailTextBR", color=MUTED), plain(" (português: a que usamos)", color=MUTED)]],
               size=SMALL_SIZE, ha="right")
    scale = (x1 - x0) / dataset["total"]
    bar_y = y - 0.77
    x_ham = x0 + dataset["ham"] * scale
    segment(ax, x0, x_ham, bar_y, bar_h,
            [[bold(ham_name, color=blue.text), plain(" (ham)  ", color=blue.text),
              bold(thousands(dataset["ham"])),
              plain(f"  ({percent(dataset['ham'] / dataset['total'])})", color=MUTED)]],
            color="blue")
    segment(ax, x_ham, x1, bar_y, bar_h, [[bold(f"{spam_name} ", color=red.text), bold(thousands(dataset["spam"]))]],
            color="red")
    draw_lines(ax, x1, bar_y - bar_h / 2 - 0.2, [plain(percent(dataset["spam"] / dataset["total"]), color=MUTED)],
               size=SMALL_SIZE, ha="right")
    draw_lines(ax, x0, bar_y - bar_h / 2 - 0.42,
               [[plain("ex.: ", color=MUTED), bold(f"{ham_name} ", color=blue.text),
                 plain(f"“{dataset['examples']['ham']}”"), plain("     "),
                 bold(f"{spam_name} ", color=red.text), plain(f"“{dataset['examples']['spam']}”")]],
               size=SMALL_SIZE, ha="left")

    # 2. tirar as cópias e as quase-cópias
    y -= 2.17
    heading(y, 2, [bold("tirar as repetidas: "),
                   plain(f"{thousands(dataset['exact'])} cópias exatas + {thousands(dataset['near'])} "
                         "quase-cópias removidas")])
    bar_y = y - 0.75
    x_ham = x0 + dataset["unique_ham"] * scale
    x_unique = x0 + dataset["unique"] * scale
    segment(ax, x0, x_ham, bar_y, bar_h,
            [[bold(ham_name, color=blue.text), plain("  "), bold(thousands(dataset["unique_ham"])),
              plain(f"  ({percent(dataset['unique_ham'] / dataset['unique'])})", color=MUTED)]],
            color="blue")
    segment(ax, x_ham, x_unique, bar_y, bar_h, [[bold(f"{spam_name} ", color=red.text),
                                                 bold(thousands(dataset["unique_spam"]))]], color="red")
    left_out(x_unique, x1, bar_y, f"{thousands(dataset['exact'])} + {thousands(dataset['near'])}")
    draw_lines(ax, x0, bar_y - bar_h / 2 - 0.22,
               [[bold(f"{thousands(dataset['unique'])} mensagens"), plain(", sem cópias nem quase-cópias")]],
               size=SMALL_SIZE, ha="left")
    draw_lines(ax, x1, bar_y - bar_h / 2 - 0.22,
               [plain("uma cópia no treino e outra no teste faria o teste medir memória", color=MUTED)],
               size=SMALL_SIZE, ha="right")
    kept, dropped = dataset["near_example"]
    draw_lines(ax, x0, bar_y - bar_h / 2 - 0.5,
               [[bold("quase-cópia", color=MUTED),
                 plain(": a mesma sem contar maiúsculas, pontuação e números, como ", color=MUTED),
                 plain(f"“{differing_tail(kept, dropped)}”"), plain(" e ", color=MUTED),
                 plain(f"“{differing_tail(dropped, kept)}”")]],
               size=SMALL_SIZE, ha="left")

    # 3. equilibrar; as sobras ficam guardadas
    y -= 2.3
    heading(y, 3, [bold("equilibrar: "), plain(f"sorteamos {thousands(dataset['unique_spam'])} das "
                                               f"{thousands(dataset['unique_ham'])} mensagens que não são spam")])
    bar_y = y - 0.75
    x_kept = x0 + dataset["unique_spam"] * scale
    x_bal = x0 + dataset["balanced"] * scale
    segment(ax, x0, x_kept, bar_y, bar_h, [bold(thousands(dataset["unique_spam"]), color=blue.text)], color="blue")
    segment(ax, x_kept, x_bal, bar_y, bar_h, [bold(thousands(dataset["unique_spam"]), color=red.text)], color="red")
    left_out(x_bal, x_unique, bar_y, f"{thousands(dataset['left_out'])} mensagens normais ficam de fora")
    draw_lines(ax, x0, bar_y - bar_h / 2 - 0.22,
               [[bold(f"{thousands(dataset['balanced'])} mensagens"), plain(": metade de cada classe")]],
               size=SMALL_SIZE, ha="left")
    draw_lines(ax, x0, bar_y - bar_h / 2 - 0.5,
               [plain("sem isso, um modelo que dissesse sempre", color=MUTED)], size=SMALL_SIZE, ha="left")
    draw_lines(ax, x0, bar_y - bar_h / 2 - 0.76,
               [plain(f"“{ham_name}” já acertaria {percent(dataset['unique_ham'] / dataset['unique'])}", color=MUTED)],
               size=SMALL_SIZE, ha="left")
    spare_w, spare_h = 6.3, 0.78
    spare_y = bar_y - bar_h / 2 - 0.42 - spare_h / 2
    box(ax, x1 - spare_w / 2, spare_y, spare_w, spare_h,
        [[bold("sobras: ", color=yellow.text), bold(thousands(dataset["left_out"])),
          plain(" mensagens normais que o modelo nunca vê")],
         plain("→ medem a caixa de entrada real (metade) e o exercício 4 (metade)", color=MUTED)],
        color="yellow", size=SMALL_SIZE + 0.5)
    arrow_x = (x_bal + x_unique) / 2
    arrow(ax, (arrow_x, bar_y - bar_h / 2), (arrow_x, spare_y + spare_h / 2), gap=2.0, head=11, lw=1.5,
          color=yellow.edge)

    # 4. dividir, classe por classe
    y -= 2.75
    train_pct, val_pct = round(100 * dataset["train_fraction"]), round(100 * dataset["val_fraction"])
    heading(y, 4, [bold("dividir, estratificada: "),
                   plain(f"cada classe, embaralhada, em {train_pct} / {val_pct} / {100 - train_pct - val_pct} %; "
                         f"cada parte com {percent(dataset['spam_share'], 0)} de spam")])
    bar_y = y - 1.0
    zoom = (x1 - x0) / dataset["balanced"]
    x_train = x0 + dataset["train"] * zoom
    x_val = x_train + dataset["val"] * zoom
    train_share = percent(dataset["train"] / dataset["balanced"])
    segment(ax, x0, x_train, bar_y, bar_h, [[bold("treino  ", color=green.text), bold(thousands(dataset["train"])),
                                              plain(f"  ({train_share})", color=MUTED)]],
            color="green")
    segment(ax, x_train, x_val, bar_y, bar_h, [bold(thousands(dataset["val"]), color=orange.text)], color="orange")
    segment(ax, x_val, x1, bar_y, bar_h, [[bold("teste  ", color=purple.text), bold(thousands(dataset["test"])),
                                          plain(f"  ({percent(dataset['test'] / dataset['balanced'])})", color=MUTED)]],
            color="purple")
    draw_lines(ax, (x_train + x_val) / 2, bar_y + bar_h / 2 + 0.2, [bold("validação", color=orange.text)],
               size=SMALL_SIZE)
    # cada parte, por classe: metade de cada
    strip_h = 0.34
    strip_y = bar_y - bar_h / 2 - 0.06 - strip_h / 2
    for i, ((n_ham_part, n_spam_part), (xa, xb)) in enumerate(zip(dataset["per_class"],
                                                                  ((x0, x_train), (x_train, x_val), (x_val, x1)),
                                                                  strict=True)):
        xm = xa + (xb - xa) * n_ham_part / (n_ham_part + n_spam_part)
        names = (f"{ham_name} ", f"{spam_name} ") if i == 0 else ("", "")
        for (xa_, xb_), name, n, color in (((xa, xm), names[0], n_ham_part, "blue"),
                                          ((xm, xb), names[1], n_spam_part, "red")):
            segment(ax, xa_, xb_, strip_y, strip_h, [[plain(name, color=PALETTE[color].text),
                                                     bold(thousands(n), color=PALETTE[color].text)]],
                    color=color, size=SMALL_SIZE - 0.5, lw=1.2)

    # o papel de cada parte
    (train_ham, _), (val_ham, _), (test_ham, _) = dataset["per_class"]
    n_class = dataset["unique_spam"]
    roles = [
        ("green", f"treino · {thousands(dataset['train'])}",
         ["o único com que o modelo aprende:", "os gradientes vêm só daqui"],
         share_of(dataset["train_fraction"], n_class, train_ham)),
        ("orange", f"validação · {thousands(dataset['val'])}",
         ["acompanha o treino (acurácia a cada", "época), sem ensinar nada ao modelo"],
         share_of(dataset["val_fraction"], n_class, val_ham)),
        ("purple", f"teste · {thousands(dataset['test'])}",
         ["guardado até o fim: medido uma", "única vez, com o modelo pronto"],
         f"o resto: {thousands(n_class)} − {thousands(train_ham)} − {thousands(val_ham)} = "
         f"{thousands(test_ham)} de cada"),
    ]
    role_w, role_h, role_y = 3.5, 1.3, 1.5
    gap = (x1 - x0 - 3 * role_w) / 2
    segment_centers = [(x0 + x_train) / 2, (x_train + x_val) / 2, (x_val + x1) / 2]
    for i, (color, name, what, formula) in enumerate(roles):
        cx = x0 + role_w / 2 + i * (role_w + gap)
        ax.plot([segment_centers[i], cx], [strip_y - strip_h / 2 - 0.04, role_y + role_h / 2 + 0.04],
                color=PALETTE[color].edge, lw=1.4, zorder=1)
        box(ax, cx, role_y, role_w, role_h,
            [[bold(name, color=PALETTE[color].text)], *what, plain(formula, color=MUTED, size=SMALL_SIZE - 0.5)],
            color=color, size=SMALL_SIZE + 0.5, face="white")

    draw_lines(ax, x0, 0.4,
               [[plain("A tradução é automática e algumas frases saem estranhas; os rótulos são os do original "
                       "em inglês. Cada classe é cortada em ", color=MUTED),
                 code("round(fração × tamanho)", color=MUTED),
                 plain(".", color=MUTED)]],
               size=SMALL_SIZE, ha="left")
    save(fig, HERE / "dados-spam")


# --- cirurgia ----------------------------------------------------------------------------------------


def surgery_figure(surgery: dict) -> None:
    cfg = surgery["config"]
    emb, n_vocab, n_layers = cfg["emb_dim"], cfg["vocab_size"], cfg["n_layers"]
    width, height = 12.0, 10.7
    fig, ax = new_figure(width, height)
    title(ax, "A cirurgia: de gerador de texto a classificador de spam",
          "o GPT do capítulo 05 ganha uma cabeça de saída nova; só o topo treina, o resto fica congelado")

    cx, col_w, box_h = 2.85, 4.1, 0.62
    left = cx - col_w / 2
    count_x = left + col_w + 0.15
    blue, yellow, green, red = PALETTE["blue"], PALETTE["yellow"], PALETTE["green"], PALETTE["red"]

    def params(y: float, text: str, color: str = MUTED) -> None:
        draw_lines(ax, count_x, y, [plain(text, color=color)], size=SMALL_SIZE, ha="left")

    def trains(y: float, color: str) -> None:
        draw_lines(ax, left - 0.12, y, [plain("treina", color=color, italic=True)], size=SMALL_SIZE, ha="right")

    # entrada e embeddings (congelados)
    y_in = 1.45
    box(ax, cx, y_in, col_w, 0.5, [[plain("ids dos tokens da mensagem + "), code("<|endoftext|>")]],
        color="white", size=SMALL_SIZE)
    y_emb, emb_h = 2.5, 0.72
    half = (col_w - 0.2) / 2
    emb_xs = [left + half / 2, left + col_w - half / 2]
    for bx, name, snippet in zip(emb_xs, ("tok_emb", "pos_emb"),
                                 (f"Embedding({n_vocab}, {emb})", f"Embedding({cfg['context_length']}, {emb})"),
                                 strict=True):
        box(ax, bx, y_emb, half, emb_h,
            [[code(name, bold=True, color=FROZEN.text)], [code(snippet, size=SMALL_SIZE - 1)]],
            color="gray", size=BODY_SIZE)
        lock(ax, bx - half / 2 + 0.25, y_emb + 0.14, scale=0.85)
        arrow(ax, (bx, y_in + 0.25), (bx, y_emb - emb_h / 2), gap=1.0, head=11, lw=1.5)
    params(y_emb + 0.13, thousands(surgery["tok_emb"]))
    params(y_emb - 0.13, f"+ {thousands(surgery['pos_emb'])}")

    # os blocos
    y_blocks = [3.6 + 0.85 * i for i in range(n_layers)]
    for bx in emb_xs:
        arrow(ax, (bx, y_emb + emb_h / 2), (bx, y_blocks[0] - box_h / 2), gap=1.0, head=11, lw=1.5)
    for i, y in enumerate(y_blocks, start=1):
        trainable = i == n_layers
        colors = blue if trainable else FROZEN
        box(ax, cx, y, col_w, box_h,
            [[bold(f"bloco {i}", color=colors.text), plain("  "), code("TransformerBlock", size=SMALL_SIZE)]],
            color="blue" if trainable else "gray", size=BODY_SIZE, lw=2.2 if trainable else 1.6)
        if not trainable:
            lock(ax, left + 0.3, y)
        params(y, thousands(surgery["block"]), color=blue.text if trainable else MUTED)
    for ya, yb in zip(y_blocks, y_blocks[1:]):
        arrow(ax, (cx, ya + box_h / 2), (cx, yb - box_h / 2), gap=1.0, head=11, lw=1.5)
    trains(y_blocks[-1], blue.text)

    y_norm = y_blocks[-1] + 0.95
    box(ax, cx, y_norm, col_w, box_h,
        [[code("final_norm", bold=True, color=yellow.text), plain("  "), code(f"LayerNorm({emb})", size=SMALL_SIZE)]],
        color="yellow", size=BODY_SIZE, lw=2.2)
    arrow(ax, (cx, y_blocks[-1] + box_h / 2), (cx, y_norm - box_h / 2), gap=1.0, head=11, lw=1.5)
    params(y_norm, thousands(surgery["final_norm"]), color=yellow.text)
    trains(y_norm, yellow.text)

    # a cabeça nova
    y_head = y_norm + 1.2
    head_h = 0.8
    box(ax, cx, y_head, col_w, head_h,
        [[code("out_head", bold=True, color=green.text), bold(" nova", color=green.text)],
         [code(f"nn.Linear({emb}, 2)", size=SMALL_SIZE)]],
        color="green", size=BODY_SIZE, lw=2.2)
    arrow(ax, (cx, y_norm + box_h / 2), (cx, y_head - head_h / 2), gap=1.0, head=11, lw=1.5)
    params(y_head + 0.22, f"{thousands(surgery['new_head'])}  ({emb} × 2 + 2)", color=green.text)
    trains(y_head, green.text)

    # as duas saídas
    y_out = y_head + 1.0
    outs = [("não é spam", "blue"), ("spam", "red")]
    for i, (label, color) in enumerate(outs):
        ox = cx + (i - 0.5) * 2.0
        pill(ax, ox, y_out, [bold(label)], color=color, size=BODY_SIZE, height=0.42, pad_x=0.2)
        arrow(ax, (ox, y_head + head_h / 2), (ox, y_out - 0.21), gap=1.0, head=11, lw=1.5)
    draw_lines(ax, count_x, y_out, [plain("2 logits: um por classe", color=MUTED)], size=SMALL_SIZE, ha="left")

    # a cabeça antiga, riscada
    ox, ow, oh = 9.25, 4.1, head_h + 0.3
    old = box(ax, ox, y_head, ow, oh,
              [[code("out_head", bold=True, color=FROZEN.text), bold(" antiga", color=FROZEN.text)],
               [code(f"nn.Linear({emb}, {n_vocab}, bias=False)", size=SMALL_SIZE)],
               plain(f"{thousands(n_vocab)} logits: o próximo token", color=MUTED, size=SMALL_SIZE)],
              color="gray", face="white", size=BODY_SIZE, linestyle=(0, (4, 3)))
    bx0, by0 = old.get_x(), old.get_y()
    for ya, yb in ((by0 + 0.1, by0 + oh - 0.1), (by0 + oh - 0.1, by0 + 0.1)):  # o X, por baixo do texto
        ax.plot([bx0 + 0.15, bx0 + ow - 0.15], [ya, yb], color=red.edge, lw=2.2, alpha=0.45, zorder=2.5,
                solid_capstyle="round")
    y_swap = y_head - 0.12
    arrow(ax, (bx0, y_swap), (cx + col_w / 2, y_swap), gap=3.0, head=13, lw=1.8, color=red.edge,
          linestyle=(0, (4, 2)))
    draw_lines(ax, (bx0 + count_x) / 2 + 0.1, y_swap - 0.25, [plain("trocada", color=red.text)], size=SMALL_SIZE)
    draw_lines(ax, ox, y_head + oh / 2 + 0.25,
               [plain(f"a cabeça do pré-treino: {thousands(surgery['old_head'])} parâmetros", color=MUTED)],
               size=SMALL_SIZE)

    # o balanço dos parâmetros
    px0, px1, py0, py1 = 6.75, 11.6, 1.0, 6.5
    box(ax, (px0 + px1) / 2, (py0 + py1) / 2, px1 - px0, py1 - py0, color="gray", face="#FAFBFC",
        linestyle=(0, (5, 3)), lw=1.3, zorder=0.5)
    draw_lines(ax, px0 + 0.25, py1 - 0.35, [bold("parâmetros, contados no modelo")], size=HEADING_SIZE, ha="left")
    rows = [
        ("GPT do capítulo 05", thousands(surgery["gpt"]), False),
        (f"− a cabeça antiga ({emb} × {thousands(n_vocab)})", thousands(surgery["old_head"]), False),
        (f"+ a cabeça nova ({emb} × 2 + 2)", thousands(surgery["new_head"]), False),
        ("= o classificador", thousands(surgery["classifier"]), True),
    ]
    ry = py1 - 0.95
    for label, value, strong in rows:
        style = bold if strong else plain
        if strong:
            ax.plot([px0 + 0.25, px1 - 0.25], [ry + 0.19, ry + 0.19], color="#C5CCD6", lw=1.0, zorder=1)
        draw_lines(ax, px0 + 0.25, ry, [style(label)], size=BODY_SIZE - 0.5, ha="left")
        draw_lines(ax, px1 - 0.25, ry, [style(value)], size=BODY_SIZE - 0.5, ha="right")
        ry -= 0.38

    # barra: treináveis × congelados
    bar_y, bar_h = ry - 0.35, 0.5
    bar_x0, bar_x1 = px0 + 0.25, px1 - 0.25
    x_split = bar_x0 + (bar_x1 - bar_x0) * surgery["trainable"] / surgery["classifier"]
    ax.add_patch(Rectangle((bar_x0, bar_y - bar_h / 2), x_split - bar_x0, bar_h, facecolor=blue.edge,
                           edgecolor="none", zorder=2))
    ax.add_patch(Rectangle((x_split, bar_y - bar_h / 2), bar_x1 - x_split, bar_h, facecolor="#D5DAE1",
                           edgecolor="none", zorder=2))
    trainable_share = percent(surgery["trainable"] / surgery["classifier"])
    draw_lines(ax, (bar_x0 + x_split) / 2, bar_y, [bold(trainable_share, color="white")],
               size=SMALL_SIZE)
    frozen_share = percent(surgery["frozen"] / surgery["classifier"])
    draw_lines(ax, (x_split + bar_x1) / 2, bar_y, [bold(frozen_share, color=FROZEN.text)],
               size=SMALL_SIZE)
    legend = [
        ([bold("treináveis: ", color=blue.text), bold(thousands(surgery["trainable"]))],
         f"bloco {n_layers} + final_norm + cabeça nova", True),
        ([bold("congelados: ", color=FROZEN.text), bold(thousands(surgery["frozen"]))],
         f"tok_emb + pos_emb + blocos 1 a {n_layers - 1}", False),
    ]
    ly = bar_y - bar_h / 2 - 0.38
    for first, second, trainable in legend:
        if trainable:
            ax.add_patch(Rectangle((bar_x0, ly - 0.09), 0.2, 0.18, facecolor=blue.edge, edgecolor="none", zorder=2))
        else:
            lock(ax, bar_x0 + 0.1, ly + 0.02, scale=0.9)
        draw_lines(ax, bar_x0 + 0.35, ly, [first], size=BODY_SIZE - 0.5, ha="left")
        draw_lines(ax, bar_x0 + 0.35, ly - 0.27, [plain(second, color=MUTED)], size=SMALL_SIZE, ha="left")
        ly -= 0.66
    draw_lines(ax, px0 + 0.25, py0 + 0.25,
               [[bold("congelado", color=FROZEN.text), plain(" = "),
                 plain("não muda no "), plain("fine-tuning", italic=True), plain(":")],
                "o que o pré-treino aprendeu fica como está;",
                "só o topo se ajusta ao trabalho novo"],
               size=SMALL_SIZE, color=MUTED, ha="left", va="bottom")

    draw_lines(ax, 0.4, 0.45,
               [[plain("No código (", color=MUTED), code("make_classifier", color=MUTED), plain("): ", color=MUTED),
                 code("requires_grad = False", color=MUTED), plain(" em tudo; ", color=MUTED),
                 code("True", color=MUTED), plain(" em ", color=MUTED), code("trf_blocks[-1]", color=MUTED),
                 plain(", ", color=MUTED), code("final_norm", color=MUTED), plain(" e na ", color=MUTED),
                 code("out_head", color=MUTED), plain(" nova.", color=MUTED)]],
               size=SMALL_SIZE, ha="left")
    save(fig, HERE / "cirurgia")


# --- ultimo-token ------------------------------------------------------------------------------------


def last_token_figure(tokenizer, eot: str) -> dict:
    pieces = [tokenizer.decode([i]) for i in tokenizer.encode(SHORT_MESSAGE)]
    assert "".join(pieces) == SHORT_MESSAGE
    n_msg = len(pieces)
    tokens = [*pieces, eot, *[eot] * N_PADDING]
    n = len(tokens)
    closing, last = n_msg, n - 1
    kinds = ["msg"] * n_msg + ["close"] + ["pad"] * N_PADDING
    kind_color = {"msg": "blue", "close": "green", "pad": "gray"}
    green, orange = PALETTE["green"], PALETTE["orange"]

    width, height = 12.0, 9.45
    fig, ax = new_figure(width, height)
    title(ax, "Qual saída lemos: a do token que fecha a mensagem",
          "a máscara causal de uma mensagem curta, fechada por <|endoftext|> e preenchida com mais <|endoftext|>")

    cw, ch = 1.05, 0.4
    gx0 = 1.65
    gy_top = height - 2.8  # topo da grade
    head_y = gy_top + 0.3
    eot_size = SMALL_SIZE - 2
    # cabeçalho: posições e tokens (as colunas: para quem se olha)
    for j, (piece, kind) in enumerate(zip(tokens, kinds, strict=True)):
        x = gx0 + j * cw + cw / 2
        colors = PALETTE[kind_color[kind]]
        label = [code(piece, bold=True, size=eot_size, color=colors.text)] if piece == eot else \
            token_spans(piece, color=colors.text, is_bold=True)
        box(ax, x, head_y, cw - 0.06, 0.44, [label], color=kind_color[kind], size=BODY_SIZE, rounding=0.06,
            lw=1.2, pad=0.02)
        draw_lines(ax, x, head_y + 0.45, [plain(str(j), color=MUTED)], size=SMALL_SIZE)
    draw_lines(ax, gx0 - 0.15, head_y + 0.45, [plain("posição", color=MUTED)], size=SMALL_SIZE, ha="right")
    draw_lines(ax, gx0 - 0.15, head_y, [plain("para quem →", color=MUTED), plain("quem olha ↓", color=MUTED)],
               size=SMALL_SIZE - 0.5, ha="right")
    # grupos acima das posições
    groups = [(0, n_msg - 1, f"a mensagem: {n_msg} tokens", "blue"), (closing, closing, "fecha", "green"),
              (closing + 1, last, "preenchimento", "gray")]
    gy = head_y + 0.85
    for a, b, label, color in groups:
        xa, xb = gx0 + a * cw + 0.06, gx0 + (b + 1) * cw - 0.06
        ax.plot([xa, xa, xb, xb], [gy - 0.12, gy, gy, gy - 0.12], color=PALETTE[color].edge, lw=1.4, zorder=2)
        draw_lines(ax, (xa + xb) / 2, gy + 0.2, [bold(label, color=PALETTE[color].text)], size=SMALL_SIZE)

    # a grade: linha = quem olha, coluna = para quem
    seen_face = {kind: blend(PALETTE[color].edge, 0.3) for kind, color in kind_color.items()}
    for i, (piece, kind) in enumerate(zip(tokens, kinds, strict=True)):
        y = gy_top - (i + 1) * ch
        colors = PALETTE[kind_color[kind]]
        label = [code(piece, size=eot_size + 0.5, color=colors.text)] if piece == eot else \
            token_spans(piece, color=colors.text)
        draw_lines(ax, gx0 - 0.15, y + ch / 2, [[plain(f"{i}  ", color=MUTED, size=SMALL_SIZE), *label]],
                   size=BODY_SIZE, ha="right")
        for j in range(n):
            col = PALETTE[kind_color[kinds[j]]]
            if j > i:
                face = "#F7F8FA"
            elif i in (closing, last):
                face = blend(col.edge, 0.75 if kinds[j] != "pad" else 0.6)
            else:
                face = seen_face[kinds[j]]
            cell(ax, gx0 + j * cw, y, cw, ch, face=face)
    gx1 = gx0 + n * cw
    gy_bottom = gy_top - n * ch
    # destaques: a linha do token que fecha e a do último preenchimento
    for row, color, style in ((closing, green.edge, "-"), (last, orange.edge, (0, (4, 2)))):
        ax.add_patch(Rectangle((gx0 - 0.02, gy_top - (row + 1) * ch - 0.02), n * cw + 0.04, ch + 0.04,
                               facecolor="none", edgecolor=color, linewidth=2.6, linestyle=style, zorder=5))
    draw_lines(ax, gx1 + 0.12, gy_top - (closing + 0.5) * ch, [bold("← lemos", color=green.text)],
               size=SMALL_SIZE, ha="left")
    draw_lines(ax, gx1 + 0.12, gy_top - (last + 0.5) * ch, [bold("← não", color=orange.text)],
               size=SMALL_SIZE, ha="left")
    # legenda curta da grade
    ly = gy_bottom - 0.35
    x = gx0
    for face, text in ((seen_face["msg"], "pode olhar: a própria posição e as anteriores"),
                       ("#F7F8FA", "futuro: bloqueado pela máscara causal")):
        cell(ax, x, ly - 0.1, 0.34, 0.2, face=face)
        draw_lines(ax, x + 0.45, ly, [plain(text, color=MUTED)], size=SMALL_SIZE, ha="left")
        x += 0.45 + line_width(ax, [plain(text)], SMALL_SIZE) + 0.5

    # as duas notas
    note_h = 1.65
    note_y = ly - 0.35 - note_h / 2
    note_w = (width - 0.8 - 0.3) / 2
    box(ax, 0.4 + note_w / 2, note_y, note_w, note_h,
        [[bold(f"linha {closing}: o ", color=green.text), code("<|endoftext|>", bold=True, color=green.text),
          bold(" que fecha", color=green.text)],
         f"vê os {n_msg} tokens da mensagem e a si mesmo, e",
         "nenhum preenchimento: é a saída que lemos para classificar;",
         [plain("a posição dele = o tamanho da mensagem ("), bold(str(n_msg)), plain(")")]],
        color="green", face="white", size=SMALL_SIZE + 0.5, ha="left", pad=0.2)
    box(ax, width - 0.4 - note_w / 2, note_y, note_w, note_h,
        [[bold(f"linha {last}: o último preenchimento", color=orange.text)],
         "também vê a mensagem toda, mas vê o preenchimento:",
         "a saída muda com a quantidade dele: fixa por mensagem se",
         "tudo é preenchido até um só tamanho (a receita do livro),",
         "mas dependente do lote se o preenchimento é aparado por lote"],
        color="orange", face="white", size=SMALL_SIZE + 0.5, ha="left", pad=0.2)
    draw_lines(ax, 0.4, 0.3,
               [plain(f"Tokens reais do BPE do curso (vocabulário de {thousands(tokenizer.n_vocab)}); ␣ = espaço. "
                      "O preenchimento usa o mesmo token que fecha a mensagem.", color=MUTED)],
               size=SMALL_SIZE - 0.5, ha="left")
    save(fig, HERE / "ultimo-token")
    return {"pieces": pieces, "closing": closing, "n": n}


def main() -> None:
    with course_environment(DATA_DIR, prefix="infograficos-06-"):
        blocks = chapter_blocks()
        dataset = spam_data(blocks)
    data_figure(dataset)
    print(f"dados-spam: {thousands(dataset['total'])} mensagens ({thousands(dataset['ham'])} não spam, "
          f"{thousands(dataset['spam'])} spam) − {thousands(dataset['exact'])} cópias exatas − "
          f"{thousands(dataset['near'])} quase-cópias → {thousands(dataset['unique'])} "
          f"({thousands(dataset['unique_ham'])} + {thousands(dataset['unique_spam'])}) → "
          f"{thousands(dataset['balanced'])} equilibradas + {thousands(dataset['left_out'])} sobras → treino "
          f"{thousands(dataset['train'])}, validação {thousands(dataset['val'])}, teste {thousands(dataset['test'])} "
          "(por classe: " + ", ".join(" + ".join(thousands(n) for n in part) for part in dataset["per_class"]) + ")")
    tokenizer = course_tokenizer(blocks)
    surgery = surgery_counts(blocks, tokenizer.n_vocab)
    surgery_figure(surgery)
    print(f"cirurgia: GPT {thousands(surgery['gpt'])} → classificador {thousands(surgery['classifier'])}; treináveis "
          f"{thousands(surgery['trainable'])} ({percent(surgery['trainable'] / surgery['classifier'])}), congelados "
          f"{thousands(surgery['frozen'])}; vocabulário {thousands(tokenizer.n_vocab)}")
    last_token = last_token_figure(tokenizer, blocks.EOT)
    print(f"ultimo-token: {last_token['pieces']} + <|endoftext|>; "
          f"lemos a posição {last_token['closing']} de {last_token['n']}")


if __name__ == "__main__":
    main()
